// Command reuterscheck measures entity resolution on the Reuters-21578
// corpus against a hand-annotated check set of its most frequent names
// (resolve/testdata/reuters-check.tsv), and on the gold mentions of
// CoNLL-2003 dev against a held-out one (resolve/testdata/conll-dev-check.tsv).
// The corpora are read from ../shared and never copied into the
// repository; the recognizer's output on Reuters is cached outside the
// repository (-cache) because recognition takes a minute and resolution
// seconds. Run it from the repository root:
//
//	go run ./resolve/internal/reuterscheck -cache /tmp/reuters-mentions.gob
//	go run ./resolve/internal/reuterscheck -cache /tmp/reuters-mentions.gob -misses
//	go run ./resolve/internal/reuterscheck -cache /tmp/reuters-mentions.gob -list 300
//	go run ./resolve/internal/reuterscheck -cache /tmp/reuters-mentions.gob -merges 50
//	go run ./resolve/internal/reuterscheck -conll ../shared/data/conll2003/dev.txt -check resolve/testdata/conll-dev-check.tsv
//
// The first run recognizes the corpus and writes the cache; later runs
// read it. -list prints the most frequent names with the node and type
// they land in (the draft from which a check set is annotated); -merges
// the clusters that merged the most keys, to review for false merges;
// -misses the check-set mentions that miss, and where they land.
package main

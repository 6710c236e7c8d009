// Command reuterscheck measures entity resolution on the Reuters-21578
// corpus against a hand-annotated check set of its most frequent names
// (resolve/testdata/reuters-check.tsv). The corpus is read from
// ../shared and never copied into the repository; the recognizer's
// output is cached outside the repository (-cache) because recognition
// takes minutes and resolution seconds.
//
//	go run ./resolve/internal/reuterscheck -cache /tmp/reuters-mentions.gob
//	go run ./resolve/internal/reuterscheck -cache /tmp/reuters-mentions.gob -list 300
//	go run ./resolve/internal/reuterscheck -cache /tmp/reuters-mentions.gob -merges 50
//
// The first run recognizes the corpus and writes the cache; later runs
// read it. -list prints the most frequent names with the node and type
// they land in, the draft from which the check set was annotated.
package main

// Package corpus generates synthetic, news-like article sets for
// benchmarks: seeded, so the same options always give the same bytes, with
// Zipf-distributed entity popularity (a few names recur everywhere, most
// rarely) and a realistic spread of sentence and article lengths.
package corpus

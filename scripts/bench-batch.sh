#!/usr/bin/env bash
# Measures entigraph build on synthetic corpora: documents/s, tokens/s and
# peak RSS at 1k, 10k and 100k articles, with -j 1 and -j 2, and prints a
# Markdown table (the README's). Usage:
#
#   scripts/bench-batch.sh [SIZES...]     # default: 1000 10000 100000
#
# Needs GNU time (/usr/bin/time). Corpora come from cmd/corpusgen, seed 1.
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("${@:-1000 10000 100000}")
[ $# -eq 0 ] && sizes=(1000 10000 100000)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
go build -o "$work/entigraph" ./cmd/entigraph
go build -o "$work/corpusgen" ./cmd/corpusgen

echo "| articles | -j | seconds | docs/s | tokens/s | peak RSS (MB) | nodes | edges |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in "${sizes[@]}"; do
	"$work/corpusgen" -n "$n" -seed 1 > "$work/corpus.jsonl"
	for j in 1 2; do
		/usr/bin/time -f '%e %M' -o "$work/time" \
			"$work/entigraph" build "$work/corpus.jsonl" -j "$j" --progress=never -o "$work/graph.dot" 2> "$work/stderr"
		read -r secs rss_kb < "$work/time"
		summary=$(grep '^entigraph: done:' "$work/stderr")
		tokens=$(sed -E 's/.* ([0-9]+) tokens,.*/\1/' <<<"$summary")
		nodes=$(sed -E 's/.* ([0-9]+) nodes,.*/\1/' <<<"$summary")
		edges=$(sed -E 's/.* ([0-9]+) edges .*/\1/' <<<"$summary")
		awk -v n="$n" -v j="$j" -v s="$secs" -v t="$tokens" -v r="$rss_kb" -v no="$nodes" -v e="$edges" \
			'BEGIN { printf "| %d | %d | %.1f | %.0f | %.0f | %.0f | %d | %d |\n", n, j, s, n/s, t/s, r/1024, no, e }'
	done
done

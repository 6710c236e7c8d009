#!/usr/bin/env bash
# Times `entigraph build` (-j 1, -j 2) against entigraph-beam on prism
# (GOMAXPROCS=1, 2: prism has no worker count of its own; it runs the
# stages and the SDK harness in this one process) on the first N Reuters
# articles, alternating the four runs ROUNDS times, and checks that every
# output is the CLI's byte for byte. Run from beam/:
#
#	scripts/bench.sh [N] [ROUNDS]
set -euo pipefail
n=${1:-2000}
rounds=${2:-3}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
data=../../shared/data/reuters21578/reuters21578.jsonl.gz
# head closes the pipe early; zcat's SIGPIPE is expected.
{ zcat "$data" || true; } | head -n "$n" > "$tmp/reuters.jsonl"
(cd .. && go build -o "$tmp/entigraph" ./cmd/entigraph)
go build -o "$tmp/entigraph-beam" ./cmd/entigraph-beam
ls -l "$tmp/entigraph" "$tmp/entigraph-beam" | awk '{printf "%s %.1f MB\n", $NF, $5/1e6}'
docs=$("$tmp/entigraph" build -o "$tmp/want.dot" "$tmp/reuters.jsonl" 2>&1 | sed -n 's/.*done: \([0-9]*\) documents.*/\1/p')
echo "documents after duplicates: $docs"
run() { # label, command...
	local label=$1; shift
	local s
	/usr/bin/time -o "$tmp/time" -f '%e %M' "$@" >/dev/null 2>"$tmp/err" || { cat "$tmp/err"; exit 1; }
	s=$(tail -1 "$tmp/time")
	cmp -s "$tmp/out.dot" "$tmp/want.dot" || { echo "$label: output differs from the CLI's"; exit 1; }
	rm -f "$tmp/out.dot"
	awk -v l="$label" -v d="$docs" -v s="$s" 'BEGIN{split(s,a," "); printf "%-22s %6.2f s %7.0f docs/s %5.0f MB peak\n", l, a[1], d/a[1], a[2]/1024}'
}
for r in $(seq "$rounds"); do
	echo "round $r"
	run "cli -j 1" "$tmp/entigraph" build -q -j 1 -o "$tmp/out.dot" "$tmp/reuters.jsonl"
	run "cli -j 2" "$tmp/entigraph" build -q -j 2 -o "$tmp/out.dot" "$tmp/reuters.jsonl"
	run "beam prism 1 CPU" env GOMAXPROCS=1 "$tmp/entigraph-beam" -q -o "$tmp/out.dot" "$tmp/reuters.jsonl"
	run "beam prism 2 CPUs" env GOMAXPROCS=2 "$tmp/entigraph-beam" -q -o "$tmp/out.dot" "$tmp/reuters.jsonl"
done

#!/bin/bash
# bench-store.sh: times entigraph index, build --db and a full build on 100k
# synthetic articles and on Reuters-21578 (../shared), as the README's
# Store table reports them. Writes its files under ${TMPDIR:-/tmp}/bench-store.
set -eu
here=$(cd "$(dirname "$0")/.." && pwd)
work=${TMPDIR:-/tmp}/bench-store
mkdir -p "$work"
cd "$here"
go build -o "$work/entigraph" ./cmd/entigraph
go run ./cmd/corpusgen -n 100000 -seed 1 > "$work/c.jsonl"
reuters=../shared/data/reuters21578/reuters21578.jsonl.gz
cd "$work"
T="/usr/bin/time -f %e_s_%M_KB"
for c in c r; do
  if [ $c = r ]; then
    [ -f "$here/$reuters" ] || { echo "no $reuters: Reuters skipped"; break; }
    zcat "$here/$reuters" > r.jsonl
  fi
  n=$(wc -l < $c.jsonl); k=$((n / 100))
  head -n $((n - k)) $c.jsonl > $c-99.jsonl; tail -n $k $c.jsonl > $c-1.jsonl
  rm -f $c.db $c.db-*
  echo "== $c: index 99%"; $T ./entigraph index -q -j 2 --db $c.db $c-99.jsonl
  echo "== $c: index 1%"; $T ./entigraph index -q -j 2 --db $c.db $c-1.jsonl
  echo "== $c: store size"; ls -l $c.db
  echo "== $c: build --db"; $T ./entigraph build -q -j 2 --db $c.db -o $c-db.dot
  echo "== $c: build"; $T ./entigraph build -q -j 2 $c-99.jsonl $c-1.jsonl -o $c-full.dot
  cmp $c-db.dot $c-full.dot && echo "== $c: identical"
  echo "== $c: build --db --scope paragraph"; $T ./entigraph build -q -j 2 --db $c.db --scope paragraph -o $c-para.dot
done

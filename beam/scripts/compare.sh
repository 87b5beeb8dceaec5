#!/bin/sh
# compare.sh: annotate one corpus with `readout annotate` and with
# readout-beam on Prism (in process), time both, and check that they wrote
# the same set of records. Run from beam/:
#
#   scripts/compare.sh [DOCS] [CONFIG]
#
# The corpus is DOCS (default 200) text files cycled from
# ../testdata/egypt-russia-cairo.txt and ../../shared/data/articles/*.txt
# (when present), each with its number in a first line so that no two are
# the same text.
set -eu
docs=${1:-200}
config=${2:-}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

mkdir -p "$work/corpus"
set -- ../testdata/egypt-russia-cairo.txt
for f in ../../shared/data/articles/*.txt; do [ -f "$f" ] && set -- "$@" "$f"; done
i=0
while [ "$i" -lt "$docs" ]; do
	for src in "$@"; do
		[ "$i" -lt "$docs" ] || break
		n=$(printf %04d "$i")
		{ echo "Report $n."; echo; cat "$src"; } > "$work/corpus/doc-$n.txt"
		i=$((i + 1))
	done
done
echo "corpus: $docs documents from $# sources, $(cat "$work"/corpus/*.txt | wc -w) words"

(cd .. && go build -o "$work/readout" ./cmd/readout)
go build -o "$work/readout-beam" ./cmd/readout-beam
cfg=${config:+--config=$config}

cd "$work"
start=$(date +%s.%N)
./readout annotate $cfg --output jsonl -q corpus/ > core.jsonl || [ $? -eq 1 ]
mid=$(date +%s.%N)
./readout-beam $cfg --input 'corpus/*.txt' --output beam/out --errors beam/errors 2> beam.log || {
	s=$?; [ $s -eq 1 ] || { tail -20 beam.log; exit $s; }
}
end=$(date +%s.%N)
tail -1 beam.log | grep -q documents || grep 'readout-beam:' beam.log

sort core.jsonl > core.sorted
cat beam/*.jsonl | sort > beam.sorted
if cmp -s core.sorted beam.sorted; then same=yes; else same=NO; fi
echo "readout annotate: $(echo "$mid - $start" | bc) s"
echo "readout-beam on Prism: $(echo "$end - $mid" | bc) s"
echo "records: core $(wc -l < core.sorted), beam $(wc -l < beam.sorted), same set: $same"
[ "$same" = yes ]

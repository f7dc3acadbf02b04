#!/usr/bin/env bash
# Counts the instructions of one dbag-bench repetition under callgrind: the same
# count on a busy machine as on an idle one, so a change can be judged without noise.
#   scripts/bench-instructions.sh MODE [--full] [--top N]
# MODE is a dbag-bench mode (build, objects, import, collect, collect-postgres,
# import-postgres; callgrind counts the dbag-bench process alone, never the
# PostgreSQL server it talks to). The small size is
# the default (about a tenth of the work: callgrind runs ~50x slower); --full
# counts the README's size. --top N also lists the N functions with the most
# instructions (inclusive), for profiling. Inputs are made first, outside the count.
set -euo pipefail
cd "$(dirname "$0")/.."

[ $# -ge 1 ] || { echo "usage: scripts/bench-instructions.sh MODE [--full] [--top N]" >&2; exit 1; }
mode=$1; shift
size=--small top=0
while [ $# -gt 0 ]; do
  case $1 in
    --full) size= ;;
    --top) top=${2:?--top needs a number}; shift ;;
    *) echo "unknown option $1" >&2; exit 1 ;;
  esac
  shift
done

swift build -c release --product dbag-bench >&2
bench=.build/release/dbag-bench
work=$(mktemp -d "${DBAG_BENCH_DIR:-${TMPDIR:-/tmp}}/dbag-instructions-XXXXXX")
chmod 755 "$work"  # the postgres modes' server runs as the postgres user when root
# --finish stops a server a postgres mode may have left running.
trap '.build/release/dbag-bench --finish "$mode" "$work/inputs" >/dev/null 2>&1; rm -rf "$work"' EXIT
$bench --prepare "$mode" "$work/inputs" $size >&2
# Valgrind 3.19 cannot read the DWARF 5 that Swift 6 emits: count a copy without
# debug info (function names still come from the symbol table).
objcopy --strip-debug "$bench" "$work/dbag-bench"
bench=$work/dbag-bench

valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" \
  "$bench" --child "$mode" "$work/inputs" $size > "$work/figures" 2> "$work/valgrind.log" || {
  cat "$work/valgrind.log" >&2; echo "benchmark failed under callgrind" >&2; exit 1; }
total=$(sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' "$work/valgrind.log" | tail -1)
[ -n "$total" ] || { cat "$work/valgrind.log" >&2; echo "callgrind reported no total" >&2; exit 1; }
echo "$mode${size:+ (small)}: $(echo "$total" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta') instructions (callgrind, one repetition)"
if [ "$top" -gt 0 ]; then
  callgrind_annotate --inclusive=yes "$work/callgrind.out" 2>/dev/null | grep -E '^ *[0-9,]+ ' | head -n "$top" \
    | swift demangle --simplified
fi

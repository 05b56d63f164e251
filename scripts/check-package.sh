#!/usr/bin/env bash
# Checks a built desktop app image (./cachedeck package): its launcher answers --help, and with --headless it
# starts the embedded server (H2, Redis) on its own trimmed runtime, which answers /observe/health UP.
# Usage: scripts/check-package.sh [APP_IMAGE_DIR]   (default app-desktop/target/jpackage/image/CacheDeck)
set -euo pipefail
cd "$(dirname "$0")/.."
image="${1:-app-desktop/target/jpackage/image/CacheDeck}"
launcher="$image/bin/CacheDeck"
[[ -x "$launcher" ]] || { echo "check-package: no launcher at $launcher; run ./cachedeck package first" >&2; exit 1; }

"$launcher" --help | grep -q -- "--headless" || { echo "check-package: --help did not list the options" >&2; exit 1; }

work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [[ -n "$server_pid" ]] && kill -0 "$server_pid" 2>/dev/null; then
        kill "$server_pid"
        wait "$server_pid" || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT

started=$SECONDS
XDG_DATA_HOME="$work/data" "$launcher" --headless --in-memory --scale 0.01 >"$work/out" 2>"$work/err" &
server_pid=$!
url=""
for _ in $(seq 1 180); do
    url="$(grep -o 'CacheDeck server listening on http://[0-9.:]*' "$work/out" | grep -o 'http://.*' || true)"
    [[ -n "$url" ]] && break
    kill -0 "$server_pid" 2>/dev/null || { echo "check-package: the launcher exited:" >&2; cat "$work/err" >&2; exit 1; }
    sleep 1
done
[[ -n "$url" ]] || { echo "check-package: no server within 180 s" >&2; cat "$work/err" >&2; exit 1; }
health="$(curl -fsS "$url/observe/health")"
grep -q '"status":"UP"' <<<"$health" || { echo "check-package: health is not UP: $health" >&2; exit 1; }
echo "check-package: $launcher --headless served $url in $((SECONDS - started)) s, health UP"
kill "$server_pid"
wait "$server_pid" || true
server_pid=""

#!/usr/bin/env bash
# The bench scenario (off, cold, warm) on one server with the near tier on and off: four runs interleaved
# (on, off, on, off), same seed, same offered rate; each run's report goes to OUT/<run>/. See docs/caching.md,
# "The before/after scenario with and without the near tier".
# Usage: [SERVER_OPTS=-D...] scripts/near-warm-before-after.sh app-server/target/cachedeck-server.jar RATE OUT
set -euo pipefail
JAR=${1:?jar}; RATE=${2:?requests per second}; OUT=${3:?output directory}; PORT=${PORT:-18093}
JAVA=${JAVA:-java}
TOKEN=near-bench-$RANDOM$RANDOM
mkdir -p "$OUT"
# shellcheck disable=SC2086 # SERVER_OPTS holds several JVM options
CACHEDECK_ADMIN_TOKEN=$TOKEN $JAVA ${SERVER_OPTS:-} -jar "$JAR" serve --in-memory --port "$PORT" > "$OUT/server.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null; wait $SERVER 2>/dev/null' EXIT
for _ in $(seq 1 180); do curl -sf "http://127.0.0.1:$PORT/observe/health" > /dev/null && break; sleep 1; done
near() {
  curl -sf -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "{\"enabled\":$1}" \
    "http://127.0.0.1:$PORT/admin/cache/tiers/near" > /dev/null
}
for run in on-1 off-1 on-2 off-2; do
  case $run in on-*) near true ;; off-*) near false ;; esac
  echo "== $run $(date -u +%H:%M:%S) load $(cut -d' ' -f1-3 /proc/loadavg)"
  $JAVA -jar "$JAR" bench --server "http://127.0.0.1:$PORT" --token "$TOKEN" --rate "$RATE" --seed 42 \
    --duration 10 --warmup 3 --capacity 3 --out "$OUT/$run" 2> /dev/null
done
near true

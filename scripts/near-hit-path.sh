#!/bin/bash
# One server, one run: closed-loop throughput (wrk -t2 -c64) of the trivial endpoint, a near hit, a Redis hit
# (near off), a miss (unique keys) and a near hit with instrumentation off, rounds alternating; ratios to trivial.
set -u
# Usage: scripts/near-hit-path.sh app-server/target/cachedeck-server.jar [seconds per run] [rounds]
JAR=$1; SECS=${2:-5}; ROUNDS=${3:-3}
TOKEN=near-bench-token
export CACHEDECK_ADMIN_TOKEN=$TOKEN
LOG=$(mktemp)
/usr/lib/jvm/temurin-25-jdk-amd64/bin/java -jar "$JAR" --in-memory --scale 0.05 --port 0 > "$LOG" 2>&1 &
PID=$!
trap 'kill $PID 2>/dev/null; wait $PID 2>/dev/null' EXIT
for i in $(seq 1 120); do grep -q "listening on" "$LOG" && break; sleep 1; done
URL=$(grep -o "http://[0-9.:]*" "$LOG" | head -1)
echo "server $URL pid $PID"
put() { curl -s -o /dev/null -X PUT -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' -d "$2" "$URL$1"; }
for i in 1 2 3; do curl -s -o /dev/null "$URL/api/jobs/1"; done
cat > /tmp/near-miss.lua <<'LUA'
request = function()
  return wrk.format("GET", "/api/reviews/" .. math.random(1, 2500) .. "?page=" .. math.random(0, 9999) .. "&size=1")
end
LUA
run() { wrk -t2 -c64 -d${SECS}s --latency "${@}" 2>/dev/null | awk '/Requests\/sec/ {print $2}'; }
declare -A sum
for r in $(seq 1 $((ROUNDS + 1))); do
  put /admin/cache/tiers/near '{"enabled":true}'; put /admin/stats/instrumentation '{"enabled":true}'
  for i in 1 2 3; do curl -s -o /dev/null "$URL/api/jobs/1"; done
  trivial=$(run "$URL/api/nope")
  near=$(run "$URL/api/jobs/1")
  put /admin/stats/instrumentation '{"enabled":false}'
  nearoff=$(run "$URL/api/jobs/1")
  put /admin/stats/instrumentation '{"enabled":true}'
  put /admin/cache/tiers/near '{"enabled":false}'
  redis=$(run "$URL/api/jobs/1")
  miss=$(run -s /tmp/near-miss.lua "$URL")
  put /admin/cache/tiers/near '{"enabled":true}'
  label=$([ $r -eq 1 ] && echo "warm-up" || echo "round $((r - 1))")
  printf "%-8s trivial %9.0f  near-hit %9.0f (%.2f)  near-hit-uninstrumented %9.0f (%.2f)  redis-hit %9.0f (%.2f)  miss %9.0f (%.2f)\n" \
    "$label" $trivial $near $(echo "$near/$trivial" | bc -l) $nearoff $(echo "$nearoff/$trivial" | bc -l) \
    $redis $(echo "$redis/$trivial" | bc -l) $miss $(echo "$miss/$trivial" | bc -l)
done


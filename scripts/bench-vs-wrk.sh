#!/usr/bin/env bash
# The bench's closed-loop capacity next to wrk's, on one server, with the same requests and the same connections
# (docs/bench.md "Generator against wrk"). Starts its own server (in memory, scale 1.0, embedded Redis), then
# alternates rounds: bench (warm phase, 0 % writes: its ceiling on /api/ping and its warm capacity run), wrk on
# the bench's warm window (written by `bench --traffic-out`), wrk on /api/ping. Each closed loop is measured the
# same way from outside: the server's own request and cache counters (/admin/stats) and the CPU ticks of the
# server JVM, its Redis and the generator process (/proc/PID/stat), sampled every 0.5 s, over the steady middle of
# the run (the bench's last run is its capacity run). Loopback only; kills only what it started.
#
#   scripts/bench-vs-wrk.sh app-server/target/cachedeck-server.jar [rounds] [seconds per closed loop]
#
# CONNECTIONS (default 64), WINDOW_RATE x WINDOW_SECONDS (default 1000 x 20) requests in the window that both
# generators replay, PORT (default 18480).
set -euo pipefail

JAR=$1
ROUNDS=${2:-5}
SECS=${3:-10}
CONNECTIONS=${CONNECTIONS:-64}
WINDOW_RATE=${WINDOW_RATE:-1000}
WINDOW_SECONDS=${WINDOW_SECONDS:-20}
PORT=${PORT:-18480}
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$(mktemp -d)
TOKEN=bench-vs-wrk
URL=http://127.0.0.1:$PORT
export CACHEDECK_ADMIN_TOKEN=$TOKEN TRAFFIC=$WORK/traffic.txt

# A 5 s Redis command timeout instead of 250 ms: on a loaded machine the default opens the circuit, which flushes
# the warm cache and sends every read to the database in the middle of a round.
"$JAVA" -Dcachedeck.redis.command-timeout=PT5S -jar "$JAR" serve --in-memory --scale 1.0 --port "$PORT" \
    > "$WORK/server.log" 2>&1 &
SERVER=$!
SAMPLER=
cleanup() {
    [[ -n "$SAMPLER" ]] && kill "$SAMPLER" 2>/dev/null
    kill "$SERVER" 2>/dev/null
    wait "$SERVER" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 180); do grep -q "listening on" "$WORK/server.log" && break; sleep 1; done
grep -q "listening on" "$WORK/server.log" || { echo "server did not start: $WORK/server.log" >&2; exit 1; }
REDIS=$(pgrep -P "$SERVER" redis-server || true)
echo "server pid $SERVER, redis pid ${REDIS:-none}, work dir $WORK; $(nproc) cores"

ticks() { [[ -n "$1" && -r /proc/$1/stat ]] && awk '{print $14 + $15}' "/proc/$1/stat" || echo 0; }

# sample GENERATOR_PID FILE: every 0.5 s one line "server-ticks redis-ticks generator-ticks stats-json", the ticks
# read as soon as the stats have arrived: the stats' own takenAt is the sample's time (on a busy server the answer
# can take a while, so the time the call was made would not match the counters).
sample() {
    local stats
    while kill -0 "$1" 2>/dev/null; do
        stats=$(curl -s -H "Authorization: Bearer $TOKEN" "$URL/admin/stats")
        echo "$(ticks "$SERVER") $(ticks "$REDIS") $(ticks "$1") $stats" >> "$2"
        sleep 0.5
    done
}

# sampled LOG COMMAND...: runs COMMAND with the sampler writing to LOG beside it; returns when both are done.
sampled() {
    local log=$1
    shift
    "$@" &
    local pid=$!
    sample "$pid" "$log" &
    SAMPLER=$!
    wait "$pid"
    wait "$SAMPLER" || true
    SAMPLER=
}

# measure LABEL FROM_MILLIS TO_MILLIS FILE: the figures between the first and the last sample inside the span.
measure() {
    python3 - "$@" <<'PY'
import json, sys
from datetime import datetime
label, start, stop, path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rows = []
for line in open(path):
    server, redis, generator, stats = line.split(" ", 3)
    try:
        stats = json.loads(stats)
    except ValueError:
        continue
    millis = datetime.fromisoformat(stats["takenAt"].replace("Z", "+00:00")).timestamp() * 1000
    rows.append((millis, int(server), int(redis), int(generator), stats))
inside = [r for r in rows if start <= r[0] <= stop]
if len(inside) < 2 or inside[-1][0] - inside[0][0] < 1000:
    print(f"{label:<22} fewer than 1 s of samples inside the run: the machine is too loaded to measure")
    sys.exit(0)
a, b = inside[0], inside[-1]
seconds = (b[0] - a[0]) / 1000
requests = b[4]["requests"] - a[4]["requests"]
def tier(stats, name):
    row = next(t for t in stats["tiers"] if t["tier"] == name and t["route"] == "*")
    return row["hits"], row["misses"]
near = [y - x for x, y in zip(tier(a[4], "NEAR"), tier(b[4], "NEAR"))]
redis_tier = [y - x for x, y in zip(tier(a[4], "RESPONSE"), tier(b[4], "RESPONSE"))]
per = lambda ticks: ticks * 10_000 / requests  # 100 ticks a second: microseconds per request
print(f"{label:<22} {requests / seconds:9.0f} req/s (server-counted, {seconds:4.1f} s)  "
      f"near hit {near[0] / max(1, requests):6.1%}  redis hit {redis_tier[0] / max(1, requests):6.1%}  "
      f"miss {redis_tier[1] / max(1, requests):6.1%}  CPU us/req: server {per(b[1] - a[1]):5.1f} "
      f"redis {per(b[2] - a[2]):5.1f} generator {per(b[3] - a[3]):5.1f}")
PY
}

bench_round() {
    local out=$WORK/bench-$1 log=$WORK/samples-bench-$1
    sampled "$log" "$JAVA" -jar "$JAR" bench --server "$URL" --token "$TOKEN" --phases warm --write-percent 0 \
        --rate "$WINDOW_RATE" --duration "$WINDOW_SECONDS" --warmup 2 --capacity "$SECS" \
        --concurrency "$CONNECTIONS" --out "$out" > "$out.txt" 2> "$out.err"
    local span
    span=$(python3 - "$out/report.json" <<'PY'
import json, sys
from datetime import datetime
r = json.load(open(sys.argv[1]))
warm = r["phases"][0]
print(f"bench own figures: ceiling {r['ceiling']['perSecond']:.0f} req/s ({r['ceiling']['generatorCpuMicros']:.1f} "
      f"us CPU/req in its workers), warm capacity {warm['capacity']['perSecond']:.0f} req/s "
      f"({warm['capacity']['generatorCpuMicros']:.1f} us), window hit rate {warm['readHitRate']:.1%}", file=sys.stderr)
# The capacity run is the scenario's last step: it ends when the report is finished.
end = datetime.fromisoformat(r["finishedAt"].replace("Z", "+00:00")).timestamp() * 1000
print(int(end - warm["capacity"]["seconds"] * 1000 + 500), int(end - 500))
PY
)
    measure "bench warm capacity" $span "$log"
}

# wrk_round NAME URL ROUND [-s SCRIPT -- ARGS]
wrk_round() {
    local name=$1 target=$2 log=$WORK/samples-${1//[^a-z0-9]/-}-$3
    shift 3
    local started
    started=$(date +%s%3N)
    sampled "$log" wrk -t2 -c"$CONNECTIONS" -d"${SECS}s" -H "Authorization: Bearer $TOKEN" "$target" "$@" \
        > "$log.txt"
    echo "wrk own figure: $(awk '/Requests\/sec/ {print $2}' "$log.txt") req/s"
    measure "$name" $((started + 500)) $((started + SECS * 1000 - 500)) "$log"
}

"$JAVA" -jar "$JAR" bench --server "$URL" --token "$TOKEN" --write-percent 0 --rate "$WINDOW_RATE" \
    --duration "$WINDOW_SECONDS" --traffic-out "$TRAFFIC"
for round in $(seq 0 "$ROUNDS"); do
    [[ $round -eq 0 ]] && echo "== round 0 (fills the cache and warms both up; not counted)" \
        || echo "== round $round, load average $(cut -d' ' -f1-3 /proc/loadavg)"
    bench_round "$round"
    wrk_round "wrk warm window" "$URL" "$round" -s "$HERE/bench-vs-wrk.lua" -- 2
    wrk_round "wrk /api/ping" "$URL/api/ping" "$round"
    echo "   load average after $(cut -d' ' -f1-3 /proc/loadavg)"
done

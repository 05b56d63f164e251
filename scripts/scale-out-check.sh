#!/usr/bin/env bash
# Checks the two cross-instance guarantees on a running fleet and prints what it measured
# (docs/scale-out.md). Loopback only; it changes one user's profile and reads cold keys.
#
#   scripts/scale-out-check.sh [WRITER_URL READER_URL...]
#
# Defaults: the set started by scripts/scale-out.sh (SCALE_OUT_INSTANCES instances, default 3, on
# SCALE_OUT_PORT+1...), the first one writing and the others reading; its admin token
# from $SCALE_OUT_DIR/admin-token unless CACHEDECK_ADMIN_TOKEN is set. ROUNDS (default 200) write-then-read
# rounds; BURST (default 60) concurrent requests per cold key, KEYS (default 20) cold keys.
set -euo pipefail

STATE="${SCALE_OUT_DIR:-/tmp/cachedeck-scale-out}"
BASE_PORT="${SCALE_OUT_PORT:-8080}"
ROUNDS="${ROUNDS:-200}"
BURST="${BURST:-60}"
KEYS="${KEYS:-20}"
TOKEN="${CACHEDECK_ADMIN_TOKEN:-$(cat "$STATE/admin-token" 2>/dev/null || true)}"
[[ -n "$TOKEN" ]] || { echo "no admin token: set CACHEDECK_ADMIN_TOKEN" >&2; exit 2; }
if [[ $# -ge 2 ]]; then
    WRITER="$1"; shift; READERS=("$@")
else
    WRITER="http://127.0.0.1:$((BASE_PORT + 1))"
    READERS=()
    for n in $(seq 2 "${SCALE_OUT_INSTANCES:-3}"); do READERS+=("http://127.0.0.1:$((BASE_PORT + n))"); done
fi
INSTANCES=("$WRITER" "${READERS[@]}")

display_name() {
    curl -sf "$1/api/get-profile/$2" | sed -n 's/.*"displayName":"\([^"]*\)".*/\1/p'
}

# Each round: rename the user through the writer, then read the profile once on every reader.
freshness() {
    local user=97 user_token stale=0 reads=0 round reader seen
    user_token="$(curl -sf -H "Authorization: Bearer $TOKEN" "$WRITER/admin/tokens?limit=1000" \
        | tr '{' '\n' | grep "\"userId\":$user," | sed -n 's/.*"token":"\([^"]*\)".*/\1/p')"
    [[ -n "$user_token" ]] || { echo "no token for user $user" >&2; exit 1; }
    for round in $(seq 1 "$ROUNDS"); do
        for reader in "${READERS[@]}"; do display_name "$reader" "$user" >/dev/null; done
        curl -sf -o /dev/null -X PUT -H "Authorization: Bearer $user_token" -H 'Content-Type: application/json' \
            -d "{\"displayName\":\"Check round $round\"}" "$WRITER/api/profiles/$user"
        for reader in "${READERS[@]}"; do
            seen="$(display_name "$reader" "$user")"
            reads=$((reads + 1))
            [[ "$seen" == "Check round $round" ]] || stale=$((stale + 1))
        done
    done
    echo "freshness: $ROUNDS writes on $WRITER, $reads reads on ${#READERS[@]} other instance(s) right after each acknowledgement, stale=$stale"
}

# A burst of concurrent first reads of one cold key, spread round-robin over the instances; the sum of
# X-DB-Queries over the burst is the number of statements the fleet ran for it (2 = one profile load).
stampede() {
    local first=$((RANDOM % 5000 + 2000)) key user total=0 worst=0 statements
    curl -sf -o /dev/null -X POST -H "Authorization: Bearer $TOKEN" -H 'Content-Type: application/json' \
        -d '{"pattern":"*"}' "$WRITER/admin/purge"
    for key in $(seq 1 "$KEYS"); do
        user=$(( (first + key) % 9000 + 1 ))
        statements="$(for i in $(seq 1 "$BURST"); do echo "${INSTANCES[$((i % ${#INSTANCES[@]}))]}/api/get-profile/$user"; done \
            | xargs -P "$BURST" -n 1 curl -s -o /dev/null -D - | tr -d '\r' \
            | awk -F': ' 'tolower($1) == "x-db-queries" { sum += $2 } END { print sum + 0 }')"
        total=$((total + statements))
        ((statements > worst)) && worst=$statements
    done
    echo "stampede: $KEYS cold profiles x $BURST concurrent requests over ${#INSTANCES[@]} instances, statements per key mean=$(awk "BEGIN { printf \"%.2f\", $total / $KEYS }") max=$worst (one load = 2)"
}

freshness
stampede

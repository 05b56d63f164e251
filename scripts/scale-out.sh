#!/usr/bin/env bash
# The local scale-out set (docs/scale-out.md): Redis (a cluster of 3 masters, by default with a replica each,
# or one standalone node), PostgreSQL, CacheDeck server instances (three by default) and HAProxy in front of
# them, all on loopback, all stopped by PID.
#
#   scripts/scale-out.sh start [--background]   start everything; in the foreground Ctrl+C stops it again
#   scripts/scale-out.sh stop                   stop everything a start left running
#   scripts/scale-out.sh status                 what is running, and the balancer's address
#
# Settings (environment): SCALE_OUT_DIR (state, logs, data; default /tmp/cachedeck-scale-out),
# SCALE_OUT_PORT (balancer, default 8080; instances on the next ports), SCALE_OUT_INSTANCES (default 3),
# SCALE_OUT_REDIS (cluster or standalone, default cluster), SCALE_OUT_REPLICAS (per cluster master,
# default 1; 0 = three masters alone), SCALE_OUT_REDIS_PORT (first node, default 7101),
# SCALE_OUT_POSTGRES_PORT (default 55433), SCALE_OUT_SCALE (sample data, default 1.0),
# CACHEDECK_ADMIN_TOKEN (default: generated, saved in $SCALE_OUT_DIR/admin-token).
set -euo pipefail
cd "$(dirname "$0")/.."

STATE="${SCALE_OUT_DIR:-/tmp/cachedeck-scale-out}"
BALANCER_PORT="${SCALE_OUT_PORT:-8080}"
REDIS_MODE="${SCALE_OUT_REDIS:-cluster}"
SCALE="${SCALE_OUT_SCALE:-1.0}"
INSTANCES="${SCALE_OUT_INSTANCES:-3}"
REPLICAS="${SCALE_OUT_REPLICAS:-1}"
REDIS_FIRST_PORT="${SCALE_OUT_REDIS_PORT:-7101}"
POSTGRES_PORT="${SCALE_OUT_POSTGRES_PORT:-55433}"
JAR=app-server/target/cachedeck-server.jar

log() { printf 'scale-out: %s\n' "$*" >&2; }
fail() { log "$*"; exit 1; }

instance_port() { echo $((BALANCER_PORT + $1)); }
redis_nodes() { [[ "$REDIS_MODE" == cluster ]] && echo $((3 * (1 + REPLICAS))) || echo 1; }
redis_port() { echo $((REDIS_FIRST_PORT + $1 - 1)); }

redis_url() {
    local urls=() i
    for i in $(seq 1 "$(redis_nodes)"); do
        urls+=("redis://127.0.0.1:$(redis_port "$i")")
    done
    (IFS=,; echo "${urls[*]}")
}

postgres_bin() {
    local dir
    dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
    [[ -n "$dir" ]] || fail "no PostgreSQL found under /usr/lib/postgresql (apt-get install -y postgresql)"
    echo "$dir"
}

# PostgreSQL refuses to run as root: as root it runs as the postgres user, otherwise as the caller.
as_postgres() {
    if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

install_missing_packages() {
    local missing=()
    command -v redis-server >/dev/null || missing+=(redis-server)
    command -v redis-cli >/dev/null || missing+=(redis-tools)
    command -v haproxy >/dev/null || missing+=(haproxy)
    ls -d /usr/lib/postgresql/*/bin >/dev/null 2>&1 || missing+=(postgresql)
    command -v curl >/dev/null || missing+=(curl)
    [[ ${#missing[@]} -eq 0 ]] && return 0
    [[ $EUID -eq 0 ]] || fail "missing packages: ${missing[*]} (run as root to install them, or apt-get install -y ${missing[*]})"
    log "installing ${missing[*]}"
    # Debian starts a package's own service on install (redis on 6379, PostgreSQL on 5432); this set
    # runs its own copies on other ports, so the services are kept from starting while apt runs.
    local policy=/usr/sbin/policy-rc.d own_policy=false
    if [[ ! -e "$policy" ]]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy"
        chmod +x "$policy"
        own_policy=true
    fi
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
    local status=$?
    [[ "$own_policy" == true ]] && rm -f "$policy"
    return "$status"
}

remember() { echo "$2" >"$STATE/pids/$1"; }

wait_for() {
    local what="$1" seconds="$2" check="$3"
    local deadline=$((SECONDS + seconds))
    until eval "$check" >/dev/null 2>&1; do
        ((SECONDS < deadline)) || fail "$what did not come up within ${seconds}s (logs in $STATE/logs)"
        sleep 0.5
    done
}

start_redis() {
    local i port dir
    for i in $(seq 1 "$(redis_nodes)"); do
        port="$(redis_port "$i")"
        dir="$STATE/redis/$port"
        mkdir -p "$dir"
        local cluster_args=()
        [[ "$REDIS_MODE" == cluster ]] && cluster_args=(--cluster-enabled yes --cluster-config-file "$dir/nodes.conf"
            --cluster-node-timeout 2000)
        redis-server --bind 127.0.0.1 --port "$port" --dir "$dir" --save "" --appendonly no --daemonize no \
            --maxmemory 256mb --maxmemory-policy volatile-lru "${cluster_args[@]}" >"$STATE/logs/redis-$port.log" 2>&1 &
        remember "redis-$port" $!
    done
    for i in $(seq 1 "$(redis_nodes)"); do
        port="$(redis_port "$i")"
        wait_for "redis on $port" 10 "redis-cli -p $port ping | grep -q PONG"
    done
    if [[ "$REDIS_MODE" == cluster ]]; then
        local seeds=()
        for i in $(seq 1 "$(redis_nodes)"); do seeds+=("127.0.0.1:$(redis_port "$i")"); done
        redis-cli --cluster create "${seeds[@]}" --cluster-replicas "$REPLICAS" --cluster-yes >"$STATE/logs/redis-cluster-create.log" 2>&1 \
            || fail "redis-cli --cluster create failed (see $STATE/logs/redis-cluster-create.log)"
        wait_for "the redis cluster" 20 "redis-cli -p $(redis_port 1) cluster info | grep -q cluster_state:ok"
    fi
    log "redis ($REDIS_MODE) at $(redis_url)"
}

start_postgres() {
    local bin data="$STATE/postgres/data"
    bin="$(postgres_bin)"
    mkdir -p "$STATE/postgres"
    [[ $EUID -eq 0 ]] && chown postgres "$STATE/postgres" && touch "$STATE/logs/postgres.log" && chown postgres "$STATE/logs/postgres.log"
    if [[ ! -d "$data" ]]; then
        as_postgres "$bin/initdb" -A trust -U postgres -D "$data" >"$STATE/logs/initdb.log" 2>&1 || fail "initdb failed (see $STATE/logs/initdb.log)"
    fi
    as_postgres "$bin/pg_ctl" -D "$data" -l "$STATE/logs/postgres.log" -w \
        -o "-p $POSTGRES_PORT -k $STATE/postgres -c listen_addresses=127.0.0.1" start >/dev/null \
        || fail "PostgreSQL did not start (see $STATE/logs/postgres.log)"
    remember postgres "$(head -1 "$data/postmaster.pid")"
    log "postgresql at 127.0.0.1:$POSTGRES_PORT"
}

start_instance() {
    local n="$1" port
    port="$(instance_port "$n")"
    CACHEDECK_JDBC_URL="jdbc:postgresql://127.0.0.1:$POSTGRES_PORT/postgres" CACHEDECK_JDBC_USER=postgres \
        REDIS_URL="$(redis_url)" CACHEDECK_ADMIN_TOKEN="$ADMIN_TOKEN" \
        "$JAVA_HOME/bin/java" -jar "$JAR" --port "$port" --scale "$SCALE" >"$STATE/logs/instance-$n.log" 2>&1 &
    remember "instance-$n" $!
}

await_instance() {
    local n="$1" port
    port="$(instance_port "$n")"
    # The first start loads the sample data into PostgreSQL (about 20 s at scale 1.0).
    wait_for "instance $n" 180 "curl -sf http://127.0.0.1:$port/observe/health"
    log "instance $n at http://127.0.0.1:$port"
}

start_servers() {
    [[ -f "$JAR" ]] || { log "building the server jar"; ./mvnw -q -pl app-server -am -DskipTests package; }
    # One instance first: it creates the schema and loads the data; the others find it there.
    start_instance 1
    await_instance 1
    local n
    for n in $(seq 2 "$INSTANCES"); do start_instance "$n"; done
    for n in $(seq 2 "$INSTANCES"); do await_instance "$n"; done
}

start_haproxy() {
    local config="$STATE/haproxy.cfg" n
    cat >"$config" <<CFG
global
    maxconn 4096

defaults
    mode http
    timeout connect 2s
    timeout client 60s
    timeout server 60s

frontend cachedeck
    bind 127.0.0.1:$BALANCER_PORT
    default_backend instances

backend instances
    balance roundrobin
    # 200 while the database answers (Redis down is DEGRADED, still 200: requests are served from the database).
    option httpchk
    http-check send meth GET uri /observe/health ver HTTP/1.1 hdr Host localhost
    http-check expect status 200
CFG
    for n in $(seq 1 "$INSTANCES"); do
        echo "    server instance-$n 127.0.0.1:$(instance_port "$n") check inter 1s fall 2 rise 2" >>"$config"
    done
    haproxy -f "$config" -db >"$STATE/logs/haproxy.log" 2>&1 &
    remember haproxy $!
    # Servers count as up until their first checks have run: wait for those, then ask through the balancer.
    sleep 2.5
    wait_for "haproxy" 10 "curl -sf http://127.0.0.1:$BALANCER_PORT/observe/health"
    grep -q "is DOWN" "$STATE/logs/haproxy.log" && fail "haproxy marks instances down (see $STATE/logs/haproxy.log)"
    log "haproxy at http://127.0.0.1:$BALANCER_PORT"
}

# Waits up to 15 s for a process to exit (a server finishes its requests and closes its pools first).
wait_gone() {
    local deadline=$((SECONDS + 15))
    while kill -0 "$1" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
}

stop_all() {
    [[ -d "$STATE/pids" ]] || return 0
    local name pid
    # Reverse order of start: balancer, instances, database, Redis.
    for name in haproxy $(cd "$STATE/pids" && ls -r instance-* 2>/dev/null); do
        [[ -f "$STATE/pids/$name" ]] || continue
        pid="$(cat "$STATE/pids/$name")"
        kill "$pid" 2>/dev/null && wait_gone "$pid" && log "stopped $name (pid $pid)"
        rm -f "$STATE/pids/$name"
    done
    if [[ -f "$STATE/pids/postgres" ]]; then
        as_postgres "$(postgres_bin)/pg_ctl" -D "$STATE/postgres/data" -m fast -w stop >/dev/null 2>&1 \
            && log "stopped postgres (pid $(cat "$STATE/pids/postgres"))"
        rm -f "$STATE/pids/postgres"
    fi
    for name in "$STATE"/pids/redis-*; do
        [[ -f "$name" ]] || continue
        pid="$(cat "$name")"
        kill "$pid" 2>/dev/null && wait_gone "$pid" && log "stopped $(basename "$name") (pid $pid)"
        rm -f "$name"
    done
}

status() {
    local name pid
    [[ -d "$STATE/pids" ]] || { echo "not running"; return 0; }
    for name in "$STATE"/pids/*; do
        [[ -f "$name" ]] || continue
        pid="$(cat "$name")"
        if kill -0 "$pid" 2>/dev/null; then echo "$(basename "$name") pid $pid running"; else echo "$(basename "$name") pid $pid gone"; fi
    done
    echo "balancer http://127.0.0.1:$BALANCER_PORT  admin token $(cat "$STATE/admin-token" 2>/dev/null)"
}

start() {
    local background=false
    [[ "${1:-}" == "--background" ]] && background=true
    [[ -n "$(ls "$STATE/pids" 2>/dev/null)" ]] && fail "already started (scripts/scale-out.sh stop first; state in $STATE)"
    install_missing_packages
    source scripts/find-jdk.sh
    mkdir -p "$STATE/pids" "$STATE/logs"
    ADMIN_TOKEN="${CACHEDECK_ADMIN_TOKEN:-$(head -c 24 /dev/urandom | od -An -tx1 | tr -d ' \n')}"
    (umask 077; echo "$ADMIN_TOKEN" >"$STATE/admin-token")
    trap 'stop_all; exit 130' INT TERM
    trap 'rc=$?; [[ $rc -ne 0 ]] && stop_all; exit $rc' EXIT
    start_redis
    start_postgres
    start_servers
    start_haproxy
    trap - EXIT
    cat <<DONE
CacheDeck scale-out set is up:
  balancer   http://127.0.0.1:$BALANCER_PORT   (HAProxy, health checks on /observe/health)
  instances  $(for n in $(seq 1 "$INSTANCES"); do printf 'http://127.0.0.1:%s ' "$(instance_port "$n")"; done)
  redis      $(redis_url) ($REDIS_MODE)
  postgresql jdbc:postgresql://127.0.0.1:$POSTGRES_PORT/postgres (user postgres)
  admin token in $STATE/admin-token
DONE
    if [[ "$background" == true ]]; then
        trap - INT TERM
        return 0
    fi
    echo "Ctrl+C stops everything."
    while true; do sleep 1; done
}

case "${1:-}" in
    start) shift; start "$@" ;;
    stop) stop_all ;;
    status) status ;;
    *) sed -n '2,15p' "$0" | sed 's/^# \{0,1\}//'; [[ -z "${1:-}" || "$1" == --help ]] && exit 0; exit 2 ;;
esac

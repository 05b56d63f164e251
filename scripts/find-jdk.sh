# Sourced by ./cachedeck and .ci/run: sets JAVA_HOME to a JDK 21+ or fails with what to do.
# The machine's default java may be older; a newer JDK often sits beside it without being registered.

cachedeck_java_major() {
    local release="$1/release"
    [[ -x "$1/bin/java" && -x "$1/bin/javac" && -f "$release" ]] || return 0
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
}

cachedeck_find_jdk() {
    local candidates=()
    [[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
    if command -v java >/dev/null 2>&1; then
        local default_home
        default_home="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
        candidates+=("$default_home" "$(dirname "$default_home")"/*)
    fi
    candidates+=(/usr/lib/jvm/* /opt/java/* /opt/*jdk* "$HOME"/.sdkman/candidates/java/*)
    # JAVA_HOME wins when it is new enough; otherwise the newest JDK found.
    if [[ -n "${JAVA_HOME:-}" ]]; then
        local own
        own="$(cachedeck_java_major "$JAVA_HOME")"
        if [[ -n "$own" && "$own" -ge 21 ]]; then
            echo "$JAVA_HOME"
            return 0
        fi
    fi
    local best="" best_major=0 dir major
    for dir in "${candidates[@]}"; do
        [[ -d "$dir" ]] || continue
        major="$(cachedeck_java_major "$dir")"
        if [[ -n "$major" && "$major" -ge 21 && "$major" -gt "$best_major" ]]; then
            best="$dir" best_major="$major"
        fi
    done
    [[ -n "$best" ]] && echo "$best"
}

if ! CACHEDECK_JDK="$(cachedeck_find_jdk)"; then
    echo "No JDK 21 or newer found (looked at JAVA_HOME, beside the default java, /usr/lib/jvm, /opt, ~/.sdkman)." >&2
    echo "Install one (e.g. Temurin 21 or 25) or set JAVA_HOME to it, then run this again." >&2
    exit 1
fi
export JAVA_HOME="$CACHEDECK_JDK"
export PATH="$JAVA_HOME/bin:$PATH"

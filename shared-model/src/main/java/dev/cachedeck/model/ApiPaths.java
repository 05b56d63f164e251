package dev.cachedeck.model;

/** Path constants shared by the server, the desktop client and the workload generator. */
public final class ApiPaths {
    public static final String API = "/api";
    public static final String ADMIN = "/admin";
    public static final String HEALTH = "/observe/health";
    public static final String METRICS = "/observe/metrics";

    /**
     * A route that touches neither the database nor the cache, behind the same filters as every API route: the
     * ceiling a benchmark compares each phase's capacity with.
     */
    public static final String PING = API + "/ping";

    /** Admin sub-paths of the before/after scenario and the simulated database delay. */
    public static final String ADMIN_BENCH = ADMIN + "/bench";
    public static final String ADMIN_BENCH_POPULATION = ADMIN_BENCH + "/population";
    public static final String ADMIN_BENCH_MARKERS = ADMIN_BENCH + "/markers";
    public static final String ADMIN_BENCH_REDIS_PAUSE = ADMIN_BENCH + "/redis-pause";
    public static final String ADMIN_TRAFFIC = ADMIN + "/traffic";
    public static final String ADMIN_DATABASE_DELAY = ADMIN + "/database/delay";
    public static final String ADMIN_CACHE_ENTRIES = ADMIN + "/cache/entries";
    /** Each Redis master's own INFO figures (one row on a standalone server). */
    public static final String ADMIN_REDIS_NODES = ADMIN + "/redis/nodes";
    /** The server instances registered in the shared Redis (this one alone when Redis cannot be asked). */
    public static final String ADMIN_INSTANCES = ADMIN + "/instances";

    /** Admin sub-paths of the cache switches and counters, the request statistics and the traces. */
    public static final String ADMIN_CACHE = ADMIN + "/cache";
    public static final String ADMIN_CACHE_TIERS = ADMIN_CACHE + "/tiers";
    public static final String ADMIN_CACHE_COUNTERS = ADMIN_CACHE + "/counters";
    public static final String ADMIN_STATS = ADMIN + "/stats";
    public static final String ADMIN_STATS_STREAM = ADMIN_STATS + "/stream";
    public static final String ADMIN_TRACES = ADMIN + "/traces";
    public static final String ADMIN_TRACES_SLOWEST = ADMIN_TRACES + "/slowest";

    /** Admin sub-paths of the key browser, purges, manual invalidation, the invalidation log and TTL policy. */
    public static final String ADMIN_KEYS = ADMIN + "/keys";
    public static final String ADMIN_KEYS_SUMMARY = ADMIN_KEYS + "/summary";
    public static final String ADMIN_PURGE = ADMIN + "/purge";
    public static final String ADMIN_PURGE_PREVIEW = ADMIN_PURGE + "/preview";
    public static final String ADMIN_PURGE_PROGRESS = ADMIN_PURGE + "/progress";
    public static final String ADMIN_INVALIDATE = ADMIN + "/invalidate";
    public static final String ADMIN_INVALIDATIONS = ADMIN + "/invalidations";
    public static final String ADMIN_CACHE_TTL = ADMIN + "/cache/ttl";

    public static final String HEADER_CACHE = "X-Cache";
    public static final String HEADER_DB_QUERIES = "X-DB-Queries";
    public static final String HEADER_SERVER_TIMING = "Server-Timing";
    /** On every response: the id of the server instance that answered (one of several behind a load balancer). */
    public static final String HEADER_INSTANCE = "X-CacheDeck-Instance";

    private ApiPaths() {
    }

    public static String reviewsReceived(long userId) {
        return API + "/reviews/" + userId;
    }

    public static String reviewsWritten(long userId) {
        return API + "/ratings/reviewer_" + userId + "/";
    }

    public static String payments(long userId) {
        return API + "/users/" + userId + "/payments";
    }

    public static String profile(long userId) {
        return API + "/get-profile/" + userId;
    }

    public static String job(long jobId) {
        return API + "/jobs/" + jobId;
    }

    public static String clientJobs(long userId) {
        return API + "/clientjobs/" + userId;
    }
}

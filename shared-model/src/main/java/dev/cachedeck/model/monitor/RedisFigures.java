package dev.cachedeck.model.monitor;

/**
 * Redis-wide figures from INFO: the whole server, not just CacheDeck's keys. On a Redis Cluster, the sum
 * over its masters.
 */
public record RedisFigures(long usedMemoryBytes, long keys, long keyspaceHits, long keyspaceMisses,
                           long evictedKeys, long expiredKeys, long opsPerSecond, long connectedClients) {
    public static final RedisFigures ZERO = new RedisFigures(0, 0, 0, 0, 0, 0, 0, 0);

    /** Both servers' figures added up (every field is a count, a total or a rate). */
    public RedisFigures plus(RedisFigures other) {
        return new RedisFigures(usedMemoryBytes + other.usedMemoryBytes, keys + other.keys,
                keyspaceHits + other.keyspaceHits, keyspaceMisses + other.keyspaceMisses,
                evictedKeys + other.evictedKeys, expiredKeys + other.expiredKeys, opsPerSecond + other.opsPerSecond,
                connectedClients + other.connectedClients);
    }
}

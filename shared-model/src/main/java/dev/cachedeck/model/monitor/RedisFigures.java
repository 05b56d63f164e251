package dev.cachedeck.model.monitor;

/** Redis-wide figures from INFO: the whole server, not just CacheDeck's keys. */
public record RedisFigures(long usedMemoryBytes, long keys, long keyspaceHits, long keyspaceMisses,
                           long evictedKeys, long expiredKeys, long opsPerSecond, long connectedClients) {
}

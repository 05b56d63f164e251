package dev.cachedeck.model.monitor;

/**
 * One master's own INFO figures: {@code node} is its cluster node id ({@code standalone} for a standalone
 * server), {@code address} host:port, {@code slots} how many of the 16384 hash slots it serves.
 */
public record RedisNodeFigures(String node, String address, int slots, RedisFigures figures) {
}

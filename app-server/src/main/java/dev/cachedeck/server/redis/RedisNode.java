package dev.cachedeck.server.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;

/**
 * One master: its id ({@code standalone} for a standalone server), where it listens, the slots it
 * owns, and commands sent to it alone, unrouted (a SCAN cursor belongs to one server: Lettuce's
 * cluster connection refuses to resume a cursor given as a string).
 */
public record RedisNode(String id, RedisURI uri, int firstSlot, int slotCount, RedisClusterCommands<String, byte[]> sync,
                        RedisClusterAsyncCommands<String, byte[]> async) {
    public static final int SLOTS = 16384;

    /** {@code host:port}, for logs, health and the per-node figures. */
    public String address() {
        return uri.getHost() + ":" + uri.getPort();
    }
}

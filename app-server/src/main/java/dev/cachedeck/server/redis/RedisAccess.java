package dev.cachedeck.server.redis;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.List;

/**
 * Redis as the cache sees it, the same for a standalone server and a Redis Cluster. Commands go
 * through the interfaces both of Lettuce's connection kinds offer; on a cluster each single-key
 * command is routed to the master owning its slot. What must visit every server (SCAN, CONFIG,
 * INFO, key-event subscriptions) goes through {@link #masters()}.
 */
public interface RedisAccess {
    RedisClusterCommands<String, byte[]> sync();

    RedisClusterAsyncCommands<String, byte[]> async();

    /** Every master, lowest slot first; a standalone server is one master that owns every slot. */
    List<RedisNode> masters();

    /** Asks the cluster for its topology now instead of at the next periodic refresh; nothing on a standalone server. */
    void refreshTopology();
}

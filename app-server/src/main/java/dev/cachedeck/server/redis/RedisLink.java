package dev.cachedeck.server.redis;

import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.List;

/**
 * The live connection behind a {@link RedisConnection}, of whichever kind the server turned out to be.
 * Only how to reach the masters differs; every command is sent through the shared interfaces.
 */
sealed interface RedisLink extends AutoCloseable permits StandaloneLink, ClusterLink {
    RedisClusterCommands<String, byte[]> sync();

    RedisClusterAsyncCommands<String, byte[]> async();

    List<RedisNode> masters();

    void refreshTopology();

    /** "standalone" or "cluster", as INFO's {@code redis_mode} says. */
    String mode();

    @Override
    void close();
}

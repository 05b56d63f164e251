package dev.cachedeck.server.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.util.List;

/** One server: it is its own only master and owns every slot. */
record StandaloneLink(StatefulRedisConnection<String, byte[]> connection, RedisURI uri) implements RedisLink {
    @Override
    public RedisClusterCommands<String, byte[]> sync() {
        return connection.sync();
    }

    @Override
    public RedisClusterAsyncCommands<String, byte[]> async() {
        return connection.async();
    }

    @Override
    public List<RedisNode> masters() {
        return List.of(new RedisNode("standalone", uri, 0, RedisNode.SLOTS, connection.sync(), connection.async()));
    }

    @Override
    public void refreshTopology() {
        // A standalone server has no topology to learn.
    }

    @Override
    public String mode() {
        return "standalone";
    }

    @Override
    public void close() {
        connection.close();
    }
}

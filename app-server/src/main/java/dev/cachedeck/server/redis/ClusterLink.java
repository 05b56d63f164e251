package dev.cachedeck.server.redis;

import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;

/**
 * A Redis Cluster through Lettuce's cluster client: single-key commands are routed by slot, and the
 * masters are read from the client's current view of the topology, each with the node connection
 * the client keeps to it.
 */
record ClusterLink(RedisClusterClient client, StatefulRedisClusterConnection<String, byte[]> connection, RedisURI seed)
        implements RedisLink {
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
        return connection.getPartitions().stream()
                .filter(node -> node.is(RedisClusterNode.NodeFlag.UPSTREAM) && !node.hasNoSlots())
                .map(this::master)
                .sorted(Comparator.comparingInt(RedisNode::firstSlot))
                .toList();
    }

    private RedisNode master(RedisClusterNode node) {
        // By host and port, the key under which Lettuce also keeps the connection it routes slots to: asking for it
        // connects it now, so the first routed commands do not meet a connection still being opened (rejected).
        StatefulRedisConnection<String, byte[]> direct = connection.getConnection(node.getUri().getHost(),
                node.getUri().getPort());
        // The seed's credentials and timeouts, at the node's own address.
        RedisURI uri = RedisURI.builder(seed).withHost(node.getUri().getHost()).withPort(node.getUri().getPort()).build();
        List<Integer> slots = node.getSlots();
        return new RedisNode(node.getNodeId(), uri, slots.stream().mapToInt(Integer::intValue).min().orElseThrow(),
                slots.size(), direct.sync(), direct.async());
    }

    @Override
    public void refreshTopology() {
        client.refreshPartitions();
    }

    @Override
    public String mode() {
        return "cluster";
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}

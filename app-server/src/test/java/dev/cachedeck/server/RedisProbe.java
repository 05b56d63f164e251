package dev.cachedeck.server;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.SlotHash;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import io.lettuce.core.cluster.models.partitions.RedisClusterNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A test's own connection to the server's Redis, standalone or cluster, to look at keys directly (ground truth).
 * On a cluster, commands are routed by key; {@link #nodeOf} reaches the one master holding a key.
 */
public final class RedisProbe implements AutoCloseable {
    private final RedisClient client;
    private final RedisClusterClient clusterClient;
    private final StatefulConnection<String, String> connection;
    private final RedisClusterCommands<String, String> commands;

    /** {@code url}: one server, or a comma-separated list of a cluster's nodes. */
    public RedisProbe(String url) {
        if (url.contains(",")) {
            client = null;
            clusterClient = RedisClusterClient.create(Arrays.stream(url.split(",")).map(RedisURI::create).toList());
            StatefulRedisClusterConnection<String, String> cluster = clusterClient.connect();
            connection = cluster;
            commands = cluster.sync();
        } else {
            clusterClient = null;
            client = RedisClient.create(url);
            StatefulRedisConnection<String, String> standalone = client.connect();
            connection = standalone;
            commands = standalone.sync();
        }
    }

    public RedisClusterCommands<String, String> redis() {
        return commands;
    }

    /** Commands to the master that owns {@code key}'s slot (the server itself when standalone). */
    public RedisClusterCommands<String, String> nodeOf(String key) {
        if (connection instanceof StatefulRedisClusterConnection<String, String> cluster) {
            RedisClusterNode owner = cluster.getPartitions().getMasterBySlot(SlotHash.getSlot(key));
            return cluster.getConnection(owner.getNodeId()).sync();
        }
        return commands;
    }

    /** The id of the master owning {@code key}'s slot ({@code standalone} when standalone). */
    public String ownerOf(String key) {
        if (connection instanceof StatefulRedisClusterConnection<String, String> cluster) {
            return cluster.getPartitions().getMasterBySlot(SlotHash.getSlot(key)).getNodeId();
        }
        return "standalone";
    }

    /** How many masters serve slots (1 when standalone). */
    public int masters() {
        return servers().size();
    }

    /**
     * Every key matching {@code pattern}, on every master, each scanned through its own node connection (Lettuce's
     * cluster-wide SCAN listed some keys twice here while the topology was being refreshed).
     */
    public List<String> keys(String pattern) {
        Set<String> keys = new LinkedHashSet<>();
        for (RedisClusterCommands<String, String> server : servers()) {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = server.scan(cursor, ScanArgs.Builder.matches(pattern).limit(1000));
                keys.addAll(page.getKeys());
                cursor = page;
            } while (!cursor.isFinished());
        }
        return new ArrayList<>(keys);
    }

    private List<RedisClusterCommands<String, String>> servers() {
        if (connection instanceof StatefulRedisClusterConnection<String, String> cluster) {
            return cluster.getPartitions().stream()
                    .filter(node -> node.is(RedisClusterNode.NodeFlag.UPSTREAM) && !node.hasNoSlots())
                    .map(node -> (RedisClusterCommands<String, String>) cluster.getConnection(node.getNodeId()).sync())
                    .toList();
        }
        return List.of(commands);
    }

    @Override
    public void close() {
        connection.close();
        if (client != null) {
            client.shutdown();
        } else {
            clusterClient.shutdown();
        }
    }
}

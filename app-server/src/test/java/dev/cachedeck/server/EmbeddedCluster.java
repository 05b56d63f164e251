package dev.cachedeck.server;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import redis.embedded.Redis;
import redis.embedded.RedisShardedCluster;
import redis.embedded.core.ExecutableProvider;
import redis.embedded.core.RedisServerBuilder;

/**
 * A real Redis Cluster of three masters with one replica each, from the embedded-redis package's binary (or
 * the one {@code -Dembedded.redis.executable=/usr/bin/redis-server} names), on free loopback ports; its node
 * files live in a temporary folder removed on close. Start one per test class: it takes a few seconds.
 */
public final class EmbeddedCluster implements AutoCloseable {
    private static final String EXECUTABLE = "embedded.redis.executable";
    private static final int START_ATTEMPTS = 5;
    private static final int SLOTS = 16384;
    private final RedisShardedCluster cluster;
    private final Path dir;

    private EmbeddedCluster(RedisShardedCluster cluster, Path dir) {
        this.cluster = cluster;
        this.dir = dir;
    }

    public static EmbeddedCluster start() {
        IOException last = null;
        for (int attempt = 1; attempt <= START_ATTEMPTS; attempt++) {
            Path dir = temporaryFolder();
            RedisShardedCluster cluster = build(dir);
            try {
                cluster.start();
                awaitEveryNodeServesEverySlot(cluster);
                return new EmbeddedCluster(cluster, dir);
            } catch (IOException e) {
                // Free ports are chosen before the nodes bind them: another process may take one in between.
                last = e;
                stopQuietly(cluster);
                delete(dir);
            } catch (RuntimeException e) {
                stopQuietly(cluster);
                delete(dir);
                throw e;
            }
        }
        throw new UncheckedIOException("could not start an embedded Redis Cluster", last);
    }

    /**
     * {@code start()} returns once the nodes have met, but a node can still answer CLUSTERDOWN until it has learnt
     * every slot's owner (seen in CI: the first SET of a test class failed so on an idle machine).
     */
    private static void awaitEveryNodeServesEverySlot(RedisShardedCluster cluster) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        for (int port : cluster.serverPorts()) {
            RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", port));
            try (StatefulRedisConnection<String, String> node = client.connect()) {
                String info = node.sync().clusterInfo();
                while (!(info.contains("cluster_state:ok") && info.contains("cluster_slots_ok:" + SLOTS))) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("node " + port + " not serving every slot: " + info);
                    }
                    Thread.sleep(50);
                    info = node.sync().clusterInfo();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while the cluster formed", e);
            } finally {
                client.shutdown();
            }
        }
    }

    private static RedisShardedCluster build(Path dir) {
        // Settings given here come first in every node's file; the cluster builder adds its own after them.
        RedisServerBuilder servers = new RedisServerBuilder()
                .setting("dir " + dir)
                .setting("save \"\"")
                .setting("maxmemory 64mb")
                .setting("maxmemory-policy volatile-lru")
                .onShutdownForceStop(true);
        if (System.getProperty(EXECUTABLE) != null) {
            servers.executableProvider(ExecutableProvider.newSystemPropertyProvider(EXECUTABLE));
        }
        try {
            // ephemeral() must come before shard(...): each shard takes its ports when it is added.
            return RedisShardedCluster.newRedisCluster()
                    .withServerBuilder(servers)
                    .ephemeral()
                    .shard("a", 1)
                    .shard("b", 1)
                    .shard("c", 1)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("cachedeck-cluster");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void stopQuietly(RedisShardedCluster cluster) {
        try {
            cluster.stop();
        } catch (IOException e) {
            // The nodes that did start are killed by their shutdown hooks at the latest.
        }
    }

    /** Every node as a comma-separated seed list, the form {@code REDIS_URL} takes for a cluster. */
    public String url() {
        return cluster.serverPorts().stream().map(port -> "redis://127.0.0.1:" + port).collect(Collectors.joining(","));
    }

    /** One node only: the server must find the rest of the cluster from it. */
    public String oneNodeUrl() {
        return "redis://127.0.0.1:" + cluster.serverPorts().getLast();
    }

    /** Every node (masters and replicas), in the order they were started: master a, its replica, master b, ... */
    public List<Redis> servers() {
        return cluster.servers();
    }

    @Override
    public void close() {
        try {
            cluster.stop();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.cachedeck.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
                return new EmbeddedCluster(cluster, dir);
            } catch (IOException e) {
                // Free ports are chosen before the nodes bind them: another process may take one in between.
                last = e;
                stopQuietly(cluster);
                delete(dir);
            }
        }
        throw new UncheckedIOException("could not start an embedded Redis Cluster", last);
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

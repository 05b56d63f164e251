package dev.cachedeck.server;

import java.util.Optional;

/**
 * Which Redis a server under test caches in: the embedded standalone Redis it starts itself, or a Redis
 * Cluster started for the test class. Test classes take one from an overridable method, so a cluster-flavoured
 * subclass runs the very same assertions on a cluster.
 */
public final class TestRedis implements AutoCloseable {
    private final Optional<EmbeddedCluster> cluster;

    private TestRedis(Optional<EmbeddedCluster> cluster) {
        this.cluster = cluster;
    }

    public static TestRedis standalone() {
        return new TestRedis(Optional.empty());
    }

    /** Starts a 3-master, 3-replica cluster (a few seconds). */
    public static TestRedis cluster() {
        return new TestRedis(Optional.of(EmbeddedCluster.start()));
    }

    public ServerSettings settings() {
        return cluster.map(nodes -> TestServers.settings().withRedisUrl(nodes.url())).orElseGet(TestServers::settings);
    }

    public CacheDeckServer start() {
        return TestServers.started(settings());
    }

    /** Where the server's Redis listens: the embedded one's URL, or every cluster node. */
    public String url(CacheDeckServer server) {
        return cluster.map(EmbeddedCluster::url).orElseGet(() -> server.embeddedRedis().orElseThrow().url());
    }

    public RedisProbe probe(CacheDeckServer server) {
        return new RedisProbe(url(server));
    }

    public Optional<EmbeddedCluster> embeddedCluster() {
        return cluster;
    }

    @Override
    public void close() {
        cluster.ifPresent(EmbeddedCluster::close);
    }
}

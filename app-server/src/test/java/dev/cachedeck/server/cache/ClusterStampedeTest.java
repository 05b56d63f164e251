package dev.cachedeck.server.cache;

import dev.cachedeck.server.TestRedis;

/** One database load for a burst of misses on a Redis Cluster: the lease is a single-key SET NX on the key's master. */
class ClusterStampedeTest extends StampedeTest {
    @Override
    TestRedis backend() {
        return TestRedis.cluster();
    }
}

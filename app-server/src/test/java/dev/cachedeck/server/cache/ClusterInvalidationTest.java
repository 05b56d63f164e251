package dev.cachedeck.server.cache;

import dev.cachedeck.server.TestRedis;

/** Every write's invalidation on a Redis Cluster of three masters: a tag's set, its version and the entries it lists live on different masters. */
class ClusterInvalidationTest extends InvalidationTest {
    @Override
    TestRedis backend() {
        return TestRedis.cluster();
    }
}

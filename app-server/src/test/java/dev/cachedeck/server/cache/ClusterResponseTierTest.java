package dev.cachedeck.server.cache;

import dev.cachedeck.server.TestRedis;

/** The response tier's keys, ETags and toggles on a Redis Cluster of three masters. */
class ClusterResponseTierTest extends ResponseTierTest {
    @Override
    TestRedis backend() {
        return TestRedis.cluster();
    }
}

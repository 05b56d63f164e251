package dev.cachedeck.server.cache;

import dev.cachedeck.server.TestRedis;

/** No stale read after a returned write on a Redis Cluster, where the sequence, versions, tag sets and entries are spread over three masters. */
class ClusterFreshnessTest extends ConcurrentFreshnessTest {
    @Override
    TestRedis backend() {
        return TestRedis.cluster();
    }
}

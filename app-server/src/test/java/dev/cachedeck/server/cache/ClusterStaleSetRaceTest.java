package dev.cachedeck.server.cache;

import dev.cachedeck.server.TestRedis;

/**
 * The stale-set races on a Redis Cluster: the entry, its tag set, the tag's version and the sequence may each
 * live on another master.
 */
class ClusterStaleSetRaceTest extends StaleSetRaceTest {
    @Override
    TestRedis backend() {
        return TestRedis.cluster();
    }
}

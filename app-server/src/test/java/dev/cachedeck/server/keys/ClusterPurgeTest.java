package dev.cachedeck.server.keys;

import dev.cachedeck.server.TestRedis;

/** Purges, confined to the prefix on every master, and manual invalidation, on a Redis Cluster. */
class ClusterPurgeTest extends PurgeAndInvalidationTest {
    @Override
    TestRedis backend() {
        return TestRedis.cluster();
    }
}

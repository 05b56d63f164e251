package dev.cachedeck.server.cache;

import dev.cachedeck.server.TestRedis;

/** Key events on a Redis Cluster: each master is configured and subscribed to on its own. */
class ClusterKeyEventTest extends KeyEventTest {
    @Override
    TestRedis backend() {
        return TestRedis.cluster();
    }
}

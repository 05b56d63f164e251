package dev.cachedeck.server.keys;

import dev.cachedeck.server.TestRedis;

/** The key browser on a Redis Cluster: its cursor walks every master, each through its own node connection. */
class ClusterKeyBrowserTest extends KeyBrowserTest {
    @Override
    TestRedis backend() {
        return TestRedis.cluster();
    }
}

package dev.cachedeck.server.near;

import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Opens a plain RESP3 connection to one Redis node: the standalone server, or one master of a cluster
 * (tracking through a cluster connection misses the invalidations of nodes its reads were routed to).
 * Throws when the node cannot be reached.
 */
@FunctionalInterface
public interface NodeConnector {
    StatefulRedisConnection<String, String> connect(RedisURI node);
}

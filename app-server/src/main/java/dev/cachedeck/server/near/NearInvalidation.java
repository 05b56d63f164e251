package dev.cachedeck.server.near;

import io.lettuce.core.RedisURI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Keeps the near tier in step with Redis: one {@link TrackingConnection} per node that holds entries
 * (the one standalone server, or every cluster master: {@link #track} takes the node list and may be
 * called again whenever the topology changes). The near tier fills only while every node is tracked;
 * the moment one is not, it is emptied and stops filling.
 */
public final class NearInvalidation implements TrackingConnection.Events, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(NearInvalidation.class.getName());

    private final NearCache near;
    private final List<String> prefixes;
    private final NodeConnector connector;
    private final Duration retryInterval;
    // Replaced whole under the lock, read without it by the tracking callbacks.
    private volatile Map<RedisURI, TrackingConnection> nodes = Map.of();
    private boolean closed;

    /** {@code prefixes}: the key prefixes of the entries the near tier holds, never tag sets or versions. */
    public NearInvalidation(NearCache near, List<String> prefixes, NodeConnector connector, Duration retryInterval) {
        this.near = near;
        this.prefixes = List.copyOf(prefixes);
        this.connector = connector;
        this.retryInterval = retryInterval;
    }

    /**
     * Tracks exactly {@code wanted}: opens a connection to each new node, closes those no longer listed.
     * Any change to a non-empty set clears the tier first (an entry may live on a node that just left).
     */
    public synchronized void track(Collection<RedisURI> wanted) {
        if (closed) {
            return;
        }
        Set<RedisURI> target = new LinkedHashSet<>(wanted);
        if (target.equals(nodes.keySet())) {
            return;
        }
        if (!nodes.isEmpty()) {
            near.suspend(NearCache.Hold.TRACKING, ClearCause.TOPOLOGY);
        }
        Map<RedisURI, TrackingConnection> next = new LinkedHashMap<>();
        List<TrackingConnection> gone = new ArrayList<>();
        nodes.forEach((node, connection) -> {
            if (target.contains(node)) {
                next.put(node, connection);
            } else {
                gone.add(connection);
            }
        });
        List<TrackingConnection> added = new ArrayList<>();
        for (RedisURI node : target) {
            next.computeIfAbsent(node, n -> {
                TrackingConnection connection = new TrackingConnection(n, connector, prefixes, this, retryInterval);
                added.add(connection);
                return connection;
            });
        }
        nodes = Map.copyOf(next);
        gone.forEach(TrackingConnection::close);
        added.forEach(TrackingConnection::start);
        LOG.info(() -> "near tracking nodes=" + target.size() + " prefixes=" + prefixes);
        resumeIfAllTracked(near.epoch(NearCache.Hold.TRACKING));
    }

    @Override
    public void invalidated(List<String> keys) {
        near.pushed(keys);
    }

    @Override
    public void flushed() {
        near.clear(ClearCause.REDIS_FLUSH);
    }

    @Override
    public void lost(RedisURI node) {
        LOG.warning(() -> "near tracking lost node=" + node.getHost() + ":" + node.getPort()
                + " (near tier cleared, not filling until tracking is back)");
        near.suspend(NearCache.Hold.TRACKING, ClearCause.TRACKING_LOST);
    }

    @Override
    public void tracking(RedisURI node, long epochBefore) {
        resumeIfAllTracked(epochBefore);
    }

    @Override
    public long epoch() {
        return near.epoch(NearCache.Hold.TRACKING);
    }

    /** {@code epochBefore} was read before the tracking state was: a loss in between has bumped the epoch. */
    private void resumeIfAllTracked(long epochBefore) {
        Map<RedisURI, TrackingConnection> current = nodes;
        if (!current.isEmpty() && current.values().stream().allMatch(TrackingConnection::tracked)) {
            near.resume(NearCache.Hold.TRACKING, epochBefore);
        }
    }

    @Override
    public void close() {
        Collection<TrackingConnection> open;
        synchronized (this) {
            closed = true;
            open = nodes.values();
            nodes = Map.of();
        }
        near.suspend(NearCache.Hold.TRACKING, ClearCause.TRACKING_LOST);
        open.forEach(TrackingConnection::close);
    }
}

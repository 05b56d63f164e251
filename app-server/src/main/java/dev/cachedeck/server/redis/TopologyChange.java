package dev.cachedeck.server.redis;

/**
 * Something about the servers behind a {@link RedisConnection} changed. Whatever is set up per master
 * (key-event subscriptions, client tracking) must be set up again on every kind of change.
 */
public record TopologyChange(Kind kind, String detail) {
    public enum Kind {
        /** The first connection, also when Redis was unreachable at start. */
        CONNECTED,
        /** A connection that had been up came back: the server may have restarted with less or older data. */
        RECONNECTED,
        /** The set of masters is not what it was: a failover promoted a replica, or a master joined or left. */
        MASTERS_CHANGED,
        /** Slots moved or replicas changed; the masters are the same and kept their data. */
        REARRANGED
    }

    /**
     * Whether writes acknowledged before may be missing now. Replication is asynchronous, so a promoted
     * replica can lack the last invalidations; a restarted server can lack everything or hold an old snapshot.
     */
    public boolean mayHaveLostWrites() {
        return kind == Kind.RECONNECTED || kind == Kind.MASTERS_CHANGED;
    }
}

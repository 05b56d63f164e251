package dev.cachedeck.server.bench;

/** The ids the generator chooses among, read from the database when a scenario starts, so every id exists. */
public record Population(long[] userIds, long[] clientIds, long[] jobIds) {
}

package dev.cachedeck.server.http;

/** A zero-based page of a list, already checked against the configured limits. */
public record PageRequest(int number, int size) {
    public long offset() {
        return (long) number * size;
    }
}

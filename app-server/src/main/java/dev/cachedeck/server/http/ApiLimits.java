package dev.cachedeck.server.http;

/** Bounds on what a client may ask for; from {@code cachedeck.api} in the configuration. */
public record ApiLimits(int maxBodyBytes, int defaultPageSize, int maxPageSize, int maxPageNumber) {
}

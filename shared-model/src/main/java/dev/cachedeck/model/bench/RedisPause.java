package dev.cachedeck.model.bench;

/**
 * {@code POST /admin/bench/redis-pause}: makes Redis unresponsive for this long ({@code CLIENT PAUSE}), for the
 * redis-down phase of a scenario generated outside the server. It ends by itself.
 */
public record RedisPause(Long millis) {
}

package dev.cachedeck.model.monitor;

import java.time.Instant;

/**
 * One server instance as it registers itself in the shared Redis ({@code GET /admin/instances}).
 *
 * @param id        its instance id, the value of its {@code X-CacheDeck-Instance} header
 * @param url       where it is reached ({@code cachedeck.server.public-url}, by default {@code http://<host>:<port>})
 * @param startedAt when it started
 * @param lastSeen  when it last renewed its registration; a registration not renewed within its TTL disappears
 */
public record InstanceInfo(String id, String url, Instant startedAt, Instant lastSeen) {
}

package dev.cachedeck.model.monitor;

import java.time.Instant;

/** One server instance's registration: its id, the URL it is reached at, when it started and last renewed. */
public record InstanceInfo(String id, String url, Instant startedAt, Instant lastSeen) {
}

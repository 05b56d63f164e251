package dev.cachedeck.model.keys;

import dev.cachedeck.model.Tier;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One invalidation, from a write or by hand ({@code GET /admin/invalidations}, newest first; also the
 * answer to {@code POST /admin/invalidate}).
 *
 * @param instance    the id of the server instance that made the write (or took the manual request) and logged it
 * @param cause       the write event ({@code ReviewChanged}, {@code JobChanged}, ...) or {@code manual user 42}
 * @param route       the request's cached-route name or HTTP route that caused it, "admin" for manual ones
 * @param tags        the tags invalidated, sorted
 * @param keysRemoved keys removed per tier (tiers with none are absent)
 * @param micros      time taken
 * @param applied     false when Redis was unreachable: the circuit then opened and the prefix is flushed on recovery
 */
public record InvalidationLogEntry(Instant at, String instance, String cause, String route, List<String> tags,
                                   Map<Tier, Long> keysRemoved, long micros, boolean applied) {
    public InvalidationLogEntry {
        tags = List.copyOf(tags);
        keysRemoved = Map.copyOf(keysRemoved);
    }
}

package dev.cachedeck.model.keys;

import java.time.Instant;

/**
 * {@code GET /admin/purge/progress}: the running purge, or the last one when none runs.
 *
 * @param running   true while a purge is removing keys
 * @param planned   keys the purge selected; 0 while it is still selecting them
 * @param removed   keys removed so far
 * @param startedAt null when no purge has run since the server started
 */
public record PurgeProgress(boolean running, long planned, long removed, Instant startedAt) {
}

package dev.cachedeck.model.monitor;

import java.time.Instant;

/** kind: toggle | purge | invalidate | reset | phase | outage ; label: short human text. */
public record TimelineMarker(Instant at, String kind, String label) {
}

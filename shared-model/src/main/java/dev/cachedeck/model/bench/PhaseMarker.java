package dev.cachedeck.model.bench;

/** {@code POST /admin/bench/markers}: a scenario's phase change, shown on the live charts where it happened. */
public record PhaseMarker(String label) {
}

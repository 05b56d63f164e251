package dev.cachedeck.model.bench;

/**
 * One of issue 5's targets, checked against the report's own figures.
 *
 * @param name     e.g. {@code warm read hit rate}
 * @param target   human-readable target, e.g. {@code >= 0.90}
 * @param measured the measured figure in the same unit
 */
public record TargetCheck(String name, String target, double measured, boolean met) {
}

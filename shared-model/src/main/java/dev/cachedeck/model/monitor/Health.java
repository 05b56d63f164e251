package dev.cachedeck.model.monitor;

import java.util.Map;

/** {@code GET /observe/health}: overall status and one entry per dependency. */
public record Health(Status status, Map<String, Component> components) {
    public enum Status { UP, DEGRADED, DOWN }

    /** One dependency's state; {@code detail} says what was seen (version, latency, error message). */
    public record Component(Status status, String detail, long latencyMicros) {
    }
}

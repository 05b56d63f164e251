package dev.cachedeck.model.monitor;

/** Body of the cache switch endpoints: {@code {"enabled": false}}. */
public record Toggle(Boolean enabled) {
}

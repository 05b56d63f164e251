package dev.cachedeck.server.catalog;

import java.util.Locale;
import java.util.Optional;

/** The entities an operator can invalidate or purge by hand; every cached key belongs to a user or a job. */
public enum EntityType {
    USER,
    JOB;

    /** {@code user}, {@code job}: the name used in keys, tags and on the wire. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<EntityType> fromWire(String name) {
        for (EntityType type : values()) {
            if (type.wireName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

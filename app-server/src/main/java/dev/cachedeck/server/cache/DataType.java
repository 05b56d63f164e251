package dev.cachedeck.server.cache;

import java.util.Locale;
import java.util.Optional;

/** What a cached value holds; the TTL policy is a table of these per tier. */
public enum DataType {
    PROFILE,
    JOB,
    REVIEWS,
    PAYMENTS,
    JOB_LIST;

    /** The name used in configuration and on the wire: {@code job-list}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The data type whose {@link #configName()} is {@code name}. */
    public static Optional<DataType> fromConfigName(String name) {
        for (DataType type : values()) {
            if (type.configName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}

package dev.cachedeck.server.cache;

import java.util.Locale;

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

    /** The data type named {@code name} in configuration; a name no type has is a configuration error. */
    public static DataType fromConfig(String name) {
        for (DataType type : values()) {
            if (type.configName().equals(name)) {
                return type;
            }
        }
        throw new IllegalArgumentException("unknown data type '" + name + "' in cachedeck.cache.ttl");
    }
}

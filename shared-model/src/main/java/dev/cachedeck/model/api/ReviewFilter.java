package dev.cachedeck.model.api;

import java.util.Locale;
import java.util.Optional;

/** The {@code filter} query parameter of the reviews-received route. */
public enum ReviewFilter {
    ALL, RECENT, UNREAD;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ReviewFilter> fromWire(String value) {
        for (ReviewFilter filter : values()) {
            if (filter.wireName().equals(value)) {
                return Optional.of(filter);
            }
        }
        return Optional.empty();
    }
}

package dev.cachedeck.server.keys;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.api.Problem.FieldError;
import dev.cachedeck.server.cache.CacheKeys;
import dev.cachedeck.server.http.ApiProblem;
import dev.cachedeck.server.http.RequestNumbers;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks every parameter of the key endpoints before Redis sees it, so a bad one is a 400 with a clear
 * reason and never a Redis error.
 */
public final class KeyRequests {
    private final CacheKeys keys;
    private final KeyAdminSettings settings;
    private final String prefixWithColon;

    public KeyRequests(CacheKeys keys, KeyAdminSettings settings, String prefix) {
        this.keys = keys;
        this.settings = settings;
        this.prefixWithColon = prefix + ":";
    }

    /**
     * A glob relative to the prefix: printable ASCII without spaces, bounded length. A leading
     * {@code <prefix>:} is dropped, so a pattern copied from a full key works too.
     */
    String pattern(String field, String raw) {
        if (raw.length() > settings.maxPatternLength()) {
            throw invalid(field, "must be at most " + settings.maxPatternLength() + " characters");
        }
        if (!raw.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw invalid(field, "may contain only printable ASCII characters without spaces");
        }
        return raw.startsWith(prefixWithColon) ? raw.substring(prefixWithColon.length()) : raw;
    }

    KeyCursor cursor(Optional<String> raw) {
        return KeyCursor.parse(raw.orElse("0")).orElseThrow(() -> invalid("cursor",
                "must be a cursor returned by an earlier page (<slot>:<unsigned integer>, or an unsigned integer), or 0"));
    }

    int count(Optional<String> raw) {
        if (raw.isEmpty()) {
            return settings.defaultPageCount();
        }
        try {
            int count = RequestNumbers.parseInt(raw.get());
            if (count >= 1 && count <= settings.maxPageCount()) {
                return count;
            }
        } catch (NumberFormatException e) {
            // reported below with the allowed range
        }
        throw invalid("count", "must be an integer from 1 to " + settings.maxPageCount());
    }

    static Tier tier(String field, String raw) {
        return Tier.fromWire(raw.toLowerCase(Locale.ROOT))
                .orElseThrow(() -> invalid(field, "must be one of response, query, model"));
    }

    /** A full key; it must lie under the prefix. */
    String key(String raw) {
        if (raw.isEmpty() || raw.length() > settings.maxPatternLength() * 4) {
            throw invalid("key", "must be 1 to " + settings.maxPatternLength() * 4 + " characters");
        }
        if (!keys.owns(raw)) {
            throw invalid("key", "must start with " + prefixWithColon + " (the application's prefix)");
        }
        return raw;
    }

    static ApiProblem invalid(String field, String message) {
        return ApiProblem.invalidFields(List.of(new FieldError(field, message)));
    }
}

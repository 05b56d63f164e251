package dev.cachedeck.desktop.keys;

import dev.cachedeck.model.keys.KeyInfo;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/** The words and numbers the key browser shows for a key's TTL and kind. */
public final class KeyTexts {
    private KeyTexts() {
    }

    /**
     * Time left at {@code now} for a TTL of {@code ttlMillis} read at {@code fetchedAt}: "no expiry" for -1,
     * "gone" for -2, "expired" once the countdown passes zero, otherwise "1 h 02 min", "4 min 05 s", "9 s".
     */
    public static String ttl(long ttlMillis, Instant fetchedAt, Instant now) {
        if (ttlMillis == -1) {
            return "no expiry";
        }
        if (ttlMillis < 0) {
            return "gone";
        }
        long leftMillis = ttlMillis - Duration.between(fetchedAt, now).toMillis();
        if (leftMillis <= 0) {
            return "expired";
        }
        long seconds = (leftMillis + 999) / 1000;
        if (seconds < 60) {
            return seconds + " s";
        }
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, seconds % 3600 / 60);
    }

    public static String ttl(KeyRow row, Instant now) {
        return ttl(row.info().ttlMillis(), row.fetchedAt(), now);
    }

    /** "entry", "tag set", ... */
    public static String kind(KeyInfo info) {
        return info.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }
}

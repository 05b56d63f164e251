package dev.cachedeck.desktop.control;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** TTLs as people write them: "90 s", "5 min", "2 h", "1 d"; a bare number is seconds. */
public final class TtlText {
    private static final Pattern TEXT = Pattern.compile("(\\d{1,9})\\s*(s|sec|min|m|h|d)?");

    private TtlText() {
    }

    /** The largest unit that divides the TTL evenly, so a value reads back the way it was typed. */
    public static String format(long millis) {
        long seconds = millis / 1000;
        if (millis % 1000 != 0 || seconds < 60) {
            return millis % 1000 == 0 ? seconds + " s" : millis + " ms";
        }
        if (seconds % 86_400 == 0) {
            return seconds / 86_400 + " d";
        }
        if (seconds % 3600 == 0) {
            return seconds / 3600 + " h";
        }
        if (seconds % 60 == 0) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }

    /**
     * Milliseconds, or empty when the text is not a whole number with an optional unit. Nine digits at most, so
     * the product cannot overflow; whether the TTL is in range is the server's rule, and it says so in words.
     */
    public static Optional<Long> parse(String text) {
        Matcher matcher = TEXT.matcher(text == null ? "" : text.strip().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            return Optional.empty();
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        long secondsPerUnit = switch (unit) {
            case "min", "m" -> 60;
            case "h" -> 3600;
            case "d" -> 86_400;
            default -> 1;
        };
        return Optional.of(amount * secondsPerUnit * 1000);
    }
}

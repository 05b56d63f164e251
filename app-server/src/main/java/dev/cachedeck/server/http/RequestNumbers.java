package dev.cachedeck.server.http;

/**
 * Numbers in paths and query strings: ASCII digits only. {@code Long.parseLong} also takes a sign and any
 * Unicode digit, so {@code +50013} deleted review 50013 and an Arabic-Indic {@code ٥} read profile 5 past
 * the response tier (whose route patterns match ASCII digits only). Callers answer a failure with 400.
 */
public final class RequestNumbers {
    private static final int MAX_LONG_DIGITS = 19;

    private RequestNumbers() {
    }

    /** The value of 1 to 19 ASCII digits; anything else, or a value above {@code Long.MAX_VALUE}, throws. */
    public static long parseLong(String raw) {
        if (raw == null || raw.isEmpty() || raw.length() > MAX_LONG_DIGITS
                || !raw.chars().allMatch(c -> c >= '0' && c <= '9')) {
            throw new NumberFormatException("not ASCII digits: " + raw);
        }
        return Long.parseLong(raw);
    }

    /** As {@link #parseLong}, within the range of an int. */
    public static int parseInt(String raw) {
        long value = parseLong(raw);
        if (value > Integer.MAX_VALUE) {
            throw new NumberFormatException("above the int range: " + raw);
        }
        return (int) value;
    }
}

package dev.cachedeck.desktop.keys;

import java.util.Locale;

/**
 * When a purge needs more than a click: above {@link #TYPED_ABOVE} keys the user types the count shown
 * in the preview, or the word "purge", so a pattern that matched far more than meant is noticed first.
 */
public final class PurgeConfirmation {
    /** A thousand keys is more than anyone purges by looking at a list. */
    public static final long TYPED_ABOVE = 1000;

    private PurgeConfirmation() {
    }

    public static boolean typingRequired(long count) {
        return count > TYPED_ABOVE;
    }

    /** Whether the purge of {@code count} keys may go ahead with {@code typed} in the confirmation field. */
    public static boolean accepts(long count, String typed) {
        if (count == 0) {
            return false;
        }
        if (!typingRequired(count)) {
            return true;
        }
        String text = typed == null ? "" : typed.strip();
        return text.equals(Long.toString(count)) || text.toLowerCase(Locale.ROOT).equals("purge");
    }
}

package dev.cachedeck.model;

import java.util.regex.Pattern;

/**
 * A Redis or JDBC URL as it may be printed: health details, logs, the desktop, reports. The password in the
 * user-info part ({@code redis://:secret@host}, {@code redis://user:secret@host}, each seed of a cluster list)
 * and password-like parameters ({@code ?password=}, H2's {@code ;PASSWORD=}) become {@code ***}.
 */
public final class RedactedUrl {
    private static final Pattern USER_INFO_PASSWORD = Pattern.compile("(//|,)([^/@:,]*):([^@/,]*)@");
    private static final Pattern PASSWORD_PARAMETER =
            Pattern.compile("(?i)([?&;]\\s*(?:password|pwd|secret|token|key)\\s*=)([^&;,]*)");
    private static final String HIDDEN = "***";

    private RedactedUrl() {
    }

    public static String of(String url) {
        if (url == null) {
            return null;
        }
        String hidden = USER_INFO_PASSWORD.matcher(url).replaceAll("$1$2:" + HIDDEN + "@");
        return PASSWORD_PARAMETER.matcher(hidden).replaceAll("$1" + HIDDEN);
    }
}

package dev.cachedeck.server.request;

import java.util.regex.Pattern;

/** SQL text safe to show in a trace: string and number literals replaced by {@code ?}, whitespace collapsed. */
public final class SqlText {
    private static final Pattern STRING_LITERAL = Pattern.compile("'(?:[^']|'')*'");
    // A number standing alone, not part of an identifier such as t1 or a column like rating2.
    private static final Pattern NUMBER_LITERAL = Pattern.compile("(?<![\\w.])-?\\d+(?:\\.\\d+)?(?![\\w.])");
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");

    private SqlText() {
    }

    public static String elideLiterals(String sql) {
        if (sql == null) {
            return "(unknown statement)";
        }
        String withoutStrings = STRING_LITERAL.matcher(sql).replaceAll("?");
        String withoutNumbers = NUMBER_LITERAL.matcher(withoutStrings).replaceAll("?");
        return WHITESPACE.matcher(withoutNumbers).replaceAll(" ").strip();
    }
}

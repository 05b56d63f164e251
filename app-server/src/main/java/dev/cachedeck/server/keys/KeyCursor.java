package dev.cachedeck.server.keys;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where a key-browser walk stands: which master (named by the first hash slot it serves, which stays the
 * same when a replica takes over) and that server's own SCAN cursor. On the wire it is {@code "0"} at the
 * start and at the end, otherwise {@code "<slot>:<cursor>"}; a bare cursor means the master of slot 0,
 * the only one of a standalone server.
 */
record KeyCursor(int slot, String nodeCursor) {
    static final KeyCursor START = new KeyCursor(0, "0");
    private static final int SLOTS = 16384;
    // An unsigned 64-bit SCAN cursor in decimal, optionally after the master's first slot.
    private static final Pattern WIRE = Pattern.compile("(?:(0|[1-9][0-9]{0,4}):)?(0|[1-9][0-9]{0,19})");
    private static final String MAX_CURSOR = "18446744073709551615";

    static Optional<KeyCursor> parse(String wire) {
        Matcher matcher = WIRE.matcher(wire);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        int slot = matcher.group(1) == null ? 0 : Integer.parseInt(matcher.group(1));
        String cursor = matcher.group(2);
        if (slot >= SLOTS || cursor.length() == MAX_CURSOR.length() && cursor.compareTo(MAX_CURSOR) > 0) {
            return Optional.empty();
        }
        return Optional.of(new KeyCursor(slot, cursor));
    }

    boolean atStart() {
        return equals(START);
    }

    @Override
    public String toString() {
        return atStart() ? "0" : slot + ":" + nodeCursor;
    }
}

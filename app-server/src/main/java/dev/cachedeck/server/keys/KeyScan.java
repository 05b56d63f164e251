package dev.cachedeck.server.keys;

import dev.cachedeck.server.redis.RedisAccess;
import dev.cachedeck.server.redis.RedisNode;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import java.util.List;
import java.util.function.Predicate;

/**
 * SCAN over every master, one server at a time, each through its own node connection: a SCAN cursor is
 * one server's, and Lettuce's cluster connection refuses to resume one given as a string. A standalone
 * server is one master, so the same walk serves both.
 */
final class KeyScan {
    /** One step's keys and where the walk goes on ({@link KeyCursor#START} when every master is done). */
    record Step(List<String> keys, KeyCursor next) {
    }

    private KeyScan() {
    }

    /** One SCAN call on the master {@code from} names, moving on to the next master when that one is done. */
    static Step step(RedisAccess redis, KeyCursor from, ScanArgs args) {
        List<RedisNode> masters = redis.masters();
        int index = indexOf(masters, from.slot());
        RedisNode master = masters.get(index);
        // A master that no longer starts at that slot (slots moved) is walked again from its start.
        String resume = master.firstSlot() == from.slot() ? from.nodeCursor() : "0";
        KeyScanCursor<String> page = master.sync().scan(ScanCursor.of(resume), args);
        if (!page.isFinished()) {
            return new Step(page.getKeys(), new KeyCursor(master.firstSlot(), page.getCursor()));
        }
        KeyCursor next = index + 1 < masters.size() ? new KeyCursor(masters.get(index + 1).firstSlot(), "0")
                : KeyCursor.START;
        return new Step(page.getKeys(), next);
    }

    /** The master starting at {@code slot}, or else the last one starting before it. */
    private static int indexOf(List<RedisNode> masters, int slot) {
        int index = 0;
        for (int i = 0; i < masters.size(); i++) {
            if (masters.get(i).firstSlot() <= slot) {
                index = i;
            }
        }
        return index;
    }

    /**
     * Scans every master in turn with {@code args}, each SCAN call through {@code redis} (so the admin tools'
     * breaker check applies to each), handing each page's keys to {@code page}; stops when it answers false.
     *
     * @return true when every master was scanned to the end
     */
    static boolean everyMaster(AdminRedis redis, ScanArgs args, Predicate<List<String>> page) {
        for (RedisNode master : redis.run(RedisAccess::masters)) {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                ScanCursor from = cursor;
                KeyScanCursor<String> scanned = redis.run(connection -> master.sync().scan(from, args));
                if (!page.test(scanned.getKeys())) {
                    return false;
                }
                cursor = scanned;
            } while (!cursor.isFinished());
        }
        return true;
    }
}

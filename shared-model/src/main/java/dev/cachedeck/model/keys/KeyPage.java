package dev.cachedeck.model.keys;

import java.util.List;

/**
 * {@code GET /admin/keys}: one SCAN page. Pass {@code nextCursor} back as {@code cursor} for the next page;
 * {@code "0"} means the scan is complete. A page may be empty while the scan is not.
 *
 * @param scanned keys Redis returned for this page before the tier filter was applied
 */
public record KeyPage(List<KeyInfo> keys, String nextCursor, long scanned) {
    public KeyPage {
        keys = List.copyOf(keys);
    }

    public boolean complete() {
        return "0".equals(nextCursor);
    }
}

package dev.cachedeck.model.keys;

import java.util.List;

/**
 * {@code GET /admin/keys/summary}: counts and bytes per tier and entity type from an incremental SCAN.
 *
 * @param exact       true when every key was counted and sized; false when the scan stopped at its bound
 *                    (counts cover only {@code keysScanned} keys) or sizes were sampled
 * @param keysScanned keys the scan looked at
 * @param keysSized   keys whose MEMORY USAGE was asked; bytes of the others are extrapolated
 */
public record NamespaceSummary(List<NamespaceRow> rows, boolean exact, long keysScanned, long keysSized) {
    public NamespaceSummary {
        rows = List.copyOf(rows);
    }
}

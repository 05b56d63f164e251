package dev.cachedeck.server.keys;

import io.helidon.config.Config;

/**
 * The {@code cachedeck.keys} section: bounds of the key browser, the namespace summary and purges.
 *
 * @param maxPatternLength     longest pattern accepted by the browser and purges
 * @param defaultPageCount     SCAN COUNT when the request gives none
 * @param maxPageCount         largest SCAN COUNT a request may ask for
 * @param summaryScanLimit     the namespace summary stops scanning after this many keys (then not exact)
 * @param summarySizeSample    MEMORY USAGE is asked for this many keys at most; the rest is extrapolated
 * @param purgeBatchSize       keys per UNLINK batch
 * @param purgeBatchesPerSecond at most this many batches a second, so a purge never hogs Redis
 * @param previewSampleKeys    keys listed in a purge preview
 */
public record KeyAdminSettings(int maxPatternLength, int defaultPageCount, int maxPageCount, int summaryScanLimit,
                               int summarySizeSample, int purgeBatchSize, int purgeBatchesPerSecond,
                               int previewSampleKeys) {
    public KeyAdminSettings {
        if (maxPatternLength < 1 || defaultPageCount < 1 || maxPageCount < defaultPageCount || summaryScanLimit < 1
                || summarySizeSample < 0 || purgeBatchSize < 1 || purgeBatchesPerSecond < 1 || previewSampleKeys < 0) {
            throw new IllegalArgumentException("invalid cachedeck.keys settings: " + this);
        }
    }

    public static KeyAdminSettings load(Config keys) {
        return new KeyAdminSettings(
                keys.get("max-pattern-length").asInt().get(),
                keys.get("default-page-count").asInt().get(),
                keys.get("max-page-count").asInt().get(),
                keys.get("summary.scan-limit").asInt().get(),
                keys.get("summary.size-sample").asInt().get(),
                keys.get("purge.batch-size").asInt().get(),
                keys.get("purge.batches-per-second").asInt().get(),
                keys.get("purge.preview-sample-keys").asInt().get());
    }
}

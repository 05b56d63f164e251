package dev.cachedeck.model.bench;

/**
 * {@code GET /admin/traffic}: whether live traffic runs and with what. What it does to the server shows on the
 * dashboard like any other traffic.
 *
 * @param spec    the running (or last) traffic; null before any
 * @param seconds since it started (or how long it ran)
 */
public record LiveTrafficStatus(boolean running, LiveTrafficSpec spec, double seconds) {

    public static LiveTrafficStatus idle() {
        return new LiveTrafficStatus(false, null, 0);
    }
}

package dev.cachedeck.model.bench;

/**
 * {@code PUT /admin/traffic}: steady open-loop traffic without phases, the scenario's generator and mix, until
 * stopped, so the dashboard has something to show while tiers are toggled and keys purged.
 *
 * @param writePercent  share of writes (0–100)
 * @param zipfSkew      Zipf exponent for choosing users and jobs
 * @param dbDelayMillis simulated delay per database statement while the traffic runs (put back when it stops)
 */
public record LiveTrafficSpec(int ratePerSecond, int writePercent, double zipfSkew, double dbDelayMillis) {

    public static LiveTrafficSpec defaults() {
        return new LiveTrafficSpec(100, 5, 1.0, 0);
    }
}

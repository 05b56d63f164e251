package dev.cachedeck.server.bench;

import io.helidon.config.Config;
import java.time.Duration;

/**
 * Limits of the workload generator ({@code cachedeck.bench.*}).
 *
 * @param startTimeout   a scheduled request that cannot start within this (concurrency cap full) is dropped
 * @param requestTimeout a request without an answer after this is an error
 * @param maxRate        highest rate a scenario may ask for
 * @param maxConcurrency highest concurrency cap a scenario may ask for
 * @param maxPhase       longest phase (and warm-up) a scenario may ask for
 * @param calibrationProbe how long the cache-off probe of a scenario without a fixed rate runs
 * @param liveTrafficLimit live traffic stops by itself after this, should nobody stop it
 */
public record BenchSettings(Duration startTimeout, Duration requestTimeout, int maxRate, int maxConcurrency,
                            Duration maxPhase, Duration calibrationProbe, Duration liveTrafficLimit) {

    public static BenchSettings load(Config bench) {
        return new BenchSettings(
                bench.get("start-timeout").as(Duration.class).get(),
                bench.get("request-timeout").as(Duration.class).get(),
                bench.get("max-rate").asInt().get(),
                bench.get("max-concurrency").asInt().get(),
                bench.get("max-phase").as(Duration.class).get(),
                bench.get("calibration-probe").as(Duration.class).get(),
                bench.get("live-traffic-limit").as(Duration.class).get());
    }
}

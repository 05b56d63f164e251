package dev.cachedeck.model.bench;

/**
 * Where the figures were measured; every report states the simulated database delay.
 *
 * @param dataScale      sample-data scale factor the database was filled with
 * @param users          users in the database when the scenario started
 * @param jobs           jobs in the database when the scenario started
 * @param dbDelayMillis  simulated delay added to every database statement during the run
 * @param redis          {@code embedded} or {@code external}
 * @param generator      where the load came from: the {@code bench} command's own process, or the server's
 *                       (then the generator shares the server's cores and heap)
 */
public record BenchEnvironment(double dataScale, long users, long jobs, double dbDelayMillis, int cores,
                               String jvm, String os, String database, String redis, String generator) {
}

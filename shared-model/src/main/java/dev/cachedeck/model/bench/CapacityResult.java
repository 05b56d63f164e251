package dev.cachedeck.model.bench;

/**
 * A phase's closed-loop saturation run, after its open-loop latency window and on the same phase state:
 * {@code workers} send the phase's kind of traffic back to back, each waiting only for its own answer, so
 * the rate reached is what the server sustains (on this machine, sharing its cores with the generator).
 *
 * @param seconds    measured wall-clock length of the run
 * @param workers    requests in flight at once (the spec's concurrency)
 * @param requests   answers received (any status)
 * @param errors     non-2xx answers and transport failures
 * @param perSecond  successful (2xx) answers per second: the phase's capacity
 * @param generatorCpuMicros CPU time of the generator's worker threads per request, in microseconds (their own
 *                   thread CPU time: the JVM's garbage collector and compiler threads are not in it); next to the
 *                   server's CPU per request it shows whether the instrument costs much less than what it measures
 */
public record CapacityResult(double seconds, int workers, long requests, long errors, double perSecond,
        double generatorCpuMicros) {
}

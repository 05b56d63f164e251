package dev.cachedeck.model.bench;

/**
 * How a scenario chose its open-loop rate when none was fixed: a short closed-loop probe of the cache-off
 * capacity, then about {@link #FRACTION} of it, so the slowest phase runs well below saturation and its latency
 * is the server's, not a queue's.
 *
 * @param probeSeconds measured length of the probe (after an uncounted start)
 * @param offCapacity  successful requests per second the probe reached with the cache off
 * @param chosenRate   the rate every phase then offered
 */
public record Calibration(double probeSeconds, double offCapacity, int chosenRate) {
    public static final double FRACTION = 0.5;

    /**
     * About half of {@code capacity}, rounded down to two significant figures so the rate reads as chosen (1,200
     * rather than 1,237); never below 1.
     */
    public static int rateFor(double capacity) {
        double half = capacity * FRACTION;
        if (half < 1) {
            return 1;
        }
        double step = Math.pow(10, Math.max(0, Math.floor(Math.log10(half)) - 1));
        return (int) Math.max(1, Math.floor(half / step) * step);
    }
}

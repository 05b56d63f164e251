package dev.cachedeck.model.bench;

/** What a throughput ratio divides. */
public enum ThroughputBasis {
    /** Each phase's closed-loop capacity (max sustained req/s): the ratio that answers "how much more can it serve". */
    CAPACITY,
    /**
     * Open-loop req/s: used only when capacity was not measured; equal to the offered rate while the server keeps
     * up, so the ratio is then about 1 whatever the cache does.
     */
    OPEN_LOOP;

    /** How reports name the basis next to a ratio. */
    public String label() {
        return this == CAPACITY ? "capacity" : "open-loop";
    }
}

package dev.cachedeck.model.bench;

/** Lifecycle of the one scenario the server runs at a time. */
public enum BenchState {
    IDLE, RUNNING, STOPPING, DONE, STOPPED, FAILED
}

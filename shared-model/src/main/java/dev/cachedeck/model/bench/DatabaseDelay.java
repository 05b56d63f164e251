package dev.cachedeck.model.bench;

/** {@code PUT /admin/database/delay}: simulated round trip added to every database statement, in milliseconds. */
public record DatabaseDelay(Double millis) {
}

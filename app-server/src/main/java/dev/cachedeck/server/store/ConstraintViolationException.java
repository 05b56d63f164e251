package dev.cachedeck.server.store;

/** A write broke an integrity rule (usually a concurrent delete of a referenced row); the API answers 409. */
public final class ConstraintViolationException extends RuntimeException {
    public ConstraintViolationException(String message, Throwable cause) {
        super(message, cause);
    }
}

package dev.cachedeck.server.store;

/** The database could not be reached or refused to work; the API answers 503. */
public final class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}

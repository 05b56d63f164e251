package dev.cachedeck.server.redis;

/** Redis could not be used for this call (breaker open, timeout, connection lost); callers fall back to the database. */
public final class CacheUnavailableException extends RuntimeException {
    public CacheUnavailableException(String message, Throwable cause) {
        super(message, cause, false, false);
    }
}

package dev.cachedeck.model.monitor;

/** A demo user's bearer token, listed for developers by the admin API. */
public record UserToken(long userId, String displayName, boolean client, String token) {
}

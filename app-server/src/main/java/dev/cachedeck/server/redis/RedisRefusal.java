package dev.cachedeck.server.redis;

import io.lettuce.core.RedisBusyException;
import io.lettuce.core.RedisCommandExecutionException;
import io.lettuce.core.RedisLoadingException;
import java.util.Locale;

/**
 * Redis answered a command with an error about the command or the data it met (WRONGTYPE, a bad argument):
 * Redis is up, so this is no outage and must not count toward the breaker. BUSY (a long script) and LOADING
 * (a restart reading its data) are Redis not serving, and stay outages.
 */
public final class RedisRefusal {
    private RedisRefusal() {
    }

    public static boolean isRefusal(Throwable e) {
        return e instanceof RedisCommandExecutionException
                && !(e instanceof RedisBusyException) && !(e instanceof RedisLoadingException);
    }

    /** The refusal in words a person understands, with Redis's own message after them. */
    public static String explain(Throwable e) {
        String message = String.valueOf(e.getMessage());
        if (message.toUpperCase(Locale.ROOT).startsWith("WRONGTYPE")) {
            return "the key holds another kind of value (a list, set or hash, not a cache entry) than this operation "
                    + "works on; Redis said: " + message;
        }
        return "Redis refused the command for this key; Redis said: " + message;
    }
}

package dev.cachedeck.server.cache;

import dev.cachedeck.server.redis.RedisAccess;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Wraps a connection so a test can slip work into another thread's Redis conversation at one exact
 * point: right after a chosen key has been unlinked (and before the unlinking thread sends anything
 * else). Everything else passes through unchanged.
 */
final class UnlinkInterleaving {
    private record Armed(String key, Runnable action) {
    }

    private final AtomicReference<Armed> armed = new AtomicReference<>();

    /** Runs {@code action} once, on the unlinking thread, when {@code key} has been unlinked. */
    void afterUnlinkOf(String key, Runnable action) {
        armed.set(new Armed(key, action));
    }

    @SuppressWarnings("unchecked")
    RedisAccess wrap(RedisAccess connection) {
        return (RedisAccess) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RedisAccess.class}, (self, method, args) -> method.getName().equals("async")
                        ? async(connection.async())
                        : invoke(connection, method, args));
    }

    @SuppressWarnings("unchecked")
    private RedisClusterAsyncCommands<String, byte[]> async(RedisClusterAsyncCommands<String, byte[]> commands) {
        return (RedisClusterAsyncCommands<String, byte[]>) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {RedisClusterAsyncCommands.class}, (self, method, args) -> {
                    Object result = invoke(commands, method, args);
                    Armed due = armed.get();
                    if (due != null && method.getName().equals("unlink") && List.of((Object[]) args[0]).contains(due.key())
                            && armed.compareAndSet(due, null)) {
                        ((Future<?>) result).get();
                        due.action().run();
                    }
                    return result;
                });
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }
}

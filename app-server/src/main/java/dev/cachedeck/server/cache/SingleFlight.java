package dev.cachedeck.server.cache;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * One database load per key at a time in this process: concurrent misses on a key wait for the
 * first one's result. A caller only joins a load that started after the latest invalidation it
 * could have seen (its start sequence is at least the current one), so a load begun before a write
 * returned is never handed to a request that arrived after it.
 */
final class SingleFlight {
    private final ConcurrentHashMap<String, Flight> flights = new ConcurrentHashMap<>();

    /** A finished load: the value and what it depends on. */
    record Loaded(Object value, Map<String, Long> tags) {
    }

    /** What the leader does: lease, load, store; it reports its start sequence as soon as it has one. */
    interface Leader {
        Loaded load(CompletableFuture<Long> startSequence);
    }

    private record Flight(CompletableFuture<Long> startSequence, CompletableFuture<Loaded> result) {
    }

    /** Runs {@code leader} unless a joinable load of {@code key} is under way; {@code alone} runs when one is not joinable. */
    Loaded run(String key, LongSupplier currentSequence, Leader leader, Supplier<Loaded> alone) {
        Flight mine = new Flight(new CompletableFuture<>(), new CompletableFuture<>());
        Flight existing = flights.putIfAbsent(key, mine);
        if (existing != null) {
            return joinable(existing, currentSequence) ? await(existing.result()) : alone.get();
        }
        try {
            Loaded loaded = leader.load(mine.startSequence());
            mine.result().complete(loaded);
            return loaded;
        } catch (RuntimeException | Error e) {
            mine.startSequence().complete(-1L);
            mine.result().completeExceptionally(e);
            throw e;
        } finally {
            flights.remove(key, mine);
        }
    }

    private static boolean joinable(Flight flight, LongSupplier currentSequence) {
        long started = flight.startSequence().join();
        return started >= 0 && started >= currentSequence.getAsLong();
    }

    private static Loaded await(CompletableFuture<Loaded> result) {
        try {
            return result.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }
}

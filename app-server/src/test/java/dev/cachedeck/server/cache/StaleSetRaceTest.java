package dev.cachedeck.server.cache;

import dev.cachedeck.model.Tier;
import dev.cachedeck.server.TestRedis;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A reader that loaded old data before a write must not make it visible after the write's invalidation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StaleSetRaceTest {
    private final CachedRead<String> read = CachedRead.of(Tier.QUERY, "test:item:1", DataType.PROFILE,
            String.class, Set.of("user:1"));
    private TestRedis backend;
    private UnlinkInterleaving interleaving;
    private CacheHarness cache;
    private AtomicReference<String> database;

    @BeforeAll
    void startRedis() {
        backend = backend();
    }

    @AfterAll
    void stopRedis() {
        backend.close();
    }

    /** The Redis this class runs on; its cluster-flavoured subclass runs the same races on a Redis Cluster. */
    TestRedis backend() {
        return TestRedis.standalone();
    }

    @BeforeEach
    void open() {
        interleaving = new UnlinkInterleaving();
        cache = new CacheHarness(backend, interleaving::wrap);
        database = new AtomicReference<>("v1");
    }

    @AfterEach
    void close() {
        cache.close();
    }

    /** Starts a reader that loads the current value, then waits until released before returning it to the cache. */
    private CompletableFuture<String> slowReader(CountDownLatch loaded, CountDownLatch release) {
        return CompletableFuture.supplyAsync(() -> cache.engine.fetch(read, () -> {
            String value = database.get();
            loaded.countDown();
            await(release);
            return value;
        }), command -> Thread.ofVirtual().start(command));
    }

    private void write(String value) {
        database.set(value);
        cache.invalidator().invalidate(Set.of("user:1"), "test", "test");
    }

    @Test
    void readerThatLoadedBeforeAWriteCannotStoreAfterIt() throws Exception {
        CountDownLatch loaded = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> reader = slowReader(loaded, release);
        await(loaded);
        write("v2");
        release.countDown();
        assertEquals("v1", reader.get(5, TimeUnit.SECONDS), "the slow reader started before the write");

        assertEquals("v2", cache.engine.fetch(read, database::get), "no stale value was stored");
        assertEquals("v2", cache.engine.fetch(read, () -> "loader must not run: cached"));
        assertEquals(1, cache.engine.counters().total(Tier.QUERY).refusedStale());
    }

    @Test
    void requestArrivingAfterAWriteDoesNotJoinALoadThatStartedBeforeIt() throws Exception {
        CountDownLatch loaded = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<String> reader = slowReader(loaded, release);
        await(loaded);
        write("v2");
        try {
            assertEquals("v2", cache.engine.fetch(read, database::get), "a new load, not the one in flight");
        } finally {
            release.countDown();
        }
        assertEquals("v1", reader.get(5, TimeUnit.SECONDS));
        // The old load's placeholder kept the key until it gave up; the next reader fills it.
        assertEquals("v2", cache.engine.fetch(read, database::get));
        assertEquals("v2", cache.engine.fetch(read, () -> "loader must not run: cached"));
    }

    @Test
    void registrationDuringASweepSurvivesForTheNextWrite() throws Exception {
        assertEquals("v1", cache.engine.fetch(read, database::get));
        // While the write's sweep is deleting the entry, a reader that loaded after the write fills it again.
        interleaving.afterUnlinkOf(cache.engine.keys().entry(Tier.QUERY, read.key()),
                () -> assertEquals("v2", onAnotherThread(() -> cache.engine.fetch(read, database::get))));
        write("v2");
        assertEquals("v2", cache.engine.fetch(read, () -> "loader must not run: the reader's entry is cached"));

        write("v3");
        assertEquals("v3", cache.engine.fetch(read, database::get), "the next write found the entry filled during the sweep");
    }

    private static <T> T onAnotherThread(Supplier<T> work) {
        try {
            return CompletableFuture.supplyAsync(work, command -> Thread.ofVirtual().start(command)).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("latch timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

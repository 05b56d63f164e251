package dev.cachedeck.server.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cachedeck.model.Tier;
import dev.cachedeck.server.TestRedis;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StampedeTest {
    private TestRedis backend;

    @BeforeAll
    void startRedis() {
        backend = backend();
    }

    @AfterAll
    void stopRedis() {
        backend.close();
    }

    /** The Redis this class runs on; its cluster-flavoured subclass runs the same burst on a Redis Cluster. */
    TestRedis backend() {
        return TestRedis.standalone();
    }

    @Test
    void twoHundredConcurrentMissesCauseOneDatabaseLoad() throws Exception {
        try (CacheHarness cache = new CacheHarness(backend, UnaryOperator.identity())) {
            CachedRead<String> read = CachedRead.of(Tier.QUERY, "test:hot", DataType.PROFILE, String.class,
                    Set.of("user:42"));
            AtomicInteger loads = new AtomicInteger();
            LongAdder answered = new LongAdder();
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                threads.add(Thread.ofVirtual().start(() -> {
                    try {
                        start.await();
                        String value = cache.engine.fetch(read, () -> {
                            loads.incrementAndGet();
                            sleep(100);
                            return "profile-42";
                        });
                        if (value.equals("profile-42")) {
                            answered.increment();
                        }
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
            }
            start.countDown();
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(20));
            }
            assertEquals(200, answered.sum(), "every caller got the value");
            assertEquals(1, loads.get(), "one database load for the whole burst");
            assertEquals(1, cache.engine.counters().total(Tier.QUERY).puts());
        }
    }

    @Test
    void countersNeverLoseConcurrentIncrements() throws Exception {
        CacheCounters counters = new CacheCounters();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 16; t++) {
            threads.add(Thread.ofPlatform().start(() -> {
                for (int i = 0; i < 10_000; i++) {
                    counters.hit(Tier.QUERY, "profile");
                }
            }));
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(160_000, counters.total(Tier.QUERY).hits());
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}

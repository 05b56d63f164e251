package dev.cachedeck.desktop.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.desktop.client.AdminProblem;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Real threads: a single-thread executor stands in for the FX thread. */
class BackgroundTasksTest {
    private final ExecutorService ui = Executors.newSingleThreadExecutor(runnable -> new Thread(runnable, "ui"));
    private final BackgroundTasks tasks = new BackgroundTasks(ui);

    @AfterEach
    void stop() {
        tasks.close();
        ui.shutdownNow();
    }

    @Test
    void aCallRunsOffTheUiThreadAndItsResultArrivesOnIt() throws Exception {
        BlockingQueue<String> threads = new LinkedBlockingQueue<>();
        tasks.run(() -> Thread.currentThread().getName(), callThread -> {
            threads.add(callThread);
            threads.add(Thread.currentThread().getName());
        }, problem -> threads.add("problem"));

        String callThread = threads.poll(5, TimeUnit.SECONDS);
        assertNotEquals("ui", callThread);
        assertEquals("ui", threads.poll(5, TimeUnit.SECONDS));
    }

    @Test
    void anUnexpectedExceptionReachesTheProblemHandlerInWords() throws Exception {
        BlockingQueue<AdminProblem> problems = new LinkedBlockingQueue<>();
        tasks.run(() -> {
            throw new IllegalStateException("boom");
        }, result -> {
        }, problems::add);

        assertEquals("Unexpected failure: java.lang.IllegalStateException: boom",
                problems.poll(5, TimeUnit.SECONDS).getMessage());
    }

    @Test
    void nothingRepeatedRunsAfterClose() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch twice = new CountDownLatch(2);
        tasks.repeat(Duration.ofMillis(10), () -> {
            runs.incrementAndGet();
            twice.countDown();
        });
        assertTrue(twice.await(5, TimeUnit.SECONDS));

        tasks.close();
        // A tick already handed to the UI thread may still land; wait for it, then nothing more may come.
        ui.submit(() -> { }).get(5, TimeUnit.SECONDS);
        int afterClose = runs.get();
        Thread.sleep(100);
        ui.submit(() -> { }).get(5, TimeUnit.SECONDS);
        assertEquals(afterClose, runs.get());

        tasks.run(() -> "late", result -> runs.incrementAndGet(), problem -> runs.incrementAndGet());
        tasks.repeat(Duration.ofMillis(10), runs::incrementAndGet).cancel();
        Thread.sleep(50);
        assertEquals(afterClose, runs.get(), "calls and repetitions after close are dropped");
    }
}

package dev.cachedeck.server.bench;

import dev.cachedeck.model.bench.CapacityResult;
import dev.cachedeck.server.loadgen.ConnectionPool;
import dev.cachedeck.server.loadgen.KeepAliveConnection;
import dev.cachedeck.server.loadgen.LoadAnswer;
import dev.cachedeck.server.loadgen.LoadTarget;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.IntFunction;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Open-loop, constant-rate traffic: request i is due at {@code start + i / rate} whatever happened to the
 * requests before it, and its latency is measured from that intended time, so a slow server cannot
 * slow the schedule down and hide its own queueing (coordinated omission). At most {@code connections}
 * requests are in flight, one per kept-alive connection; a due request waits for a free connection (the wait is
 * part of its latency) and one that cannot start within the start timeout is counted as dropped. Bounded: a
 * fixed number of requests, each with a timeout; loopback targets only. {@link #saturate} is the closed-loop
 * counterpart that measures capacity.
 */
final class LoadGenerator implements AutoCloseable {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private final ConnectionPool connections;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final Duration startTimeout;

    LoadGenerator(LoadTarget target, int connections, Duration startTimeout, Duration requestTimeout) {
        this.connections = new ConnectionPool(target, connections, requestTimeout);
        this.startTimeout = startTimeout;
    }

    int connections() {
        return connections.size();
    }

    /** Where the requests of one run go and when a request counts. */
    interface Sink {
        /** The recorder for request {@code index}, or null while it belongs to the uncounted warm-up. */
        PhaseRecorder recorderFor(long index);
    }

    /**
     * Sends {@code total} requests at {@code ratePerSecond}, request i being {@code plan.apply(i)} (called on this
     * one scheduling thread, in order), and returns once all have completed, failed or been
     * dropped; {@code stopped} ends the schedule early (requests in flight still finish).
     */
    void run(long total, int ratePerSecond, LongFunction<PlannedRequest> plan, Sink sink, BooleanSupplier stopped)
            throws InterruptedException {
        Semaphore finished = new Semaphore(0);
        long start = System.nanoTime();
        long sent = 0;
        for (long i = 0; i < total && !stopped.getAsBoolean(); i++) {
            long intended = start + Math.round(i * 1e9 / ratePerSecond);
            parkUntil(intended);
            PlannedRequest request = plan.apply(i);
            PhaseRecorder recorder = sink.recorderFor(i);
            if (recorder != null) {
                recorder.scheduled(request, intended);
            }
            senders.execute(() -> {
                try {
                    send(request, intended, recorder);
                } finally {
                    finished.release();
                }
            });
            sent++;
        }
        finished.acquire(Math.toIntExact(sent));
    }

    /**
     * Closed loop: worker w (one per connection) sends {@code plans.apply(w)}'s next request as soon as its previous
     * one was answered, for {@code duration} (no new request starts after it; those in flight finish). The success
     * rate reached is the server's capacity for this traffic. Each worker's plan is used by that worker only.
     * Workers are platform threads: a worker blocks in the kernel's socket read instead of parking a virtual
     * thread and being woken by the poller, which measured 35,000-45,000 against 22,000-29,000 req/s on
     * {@code /api/ping} with 64 connections here (wrk: 52,000). The workers' own CPU time per request is reported
     * with the result: what the instrument costs next to the server it measures.
     */
    CapacityResult saturate(Duration duration, IntFunction<Supplier<PlannedRequest>> plans, BooleanSupplier stopped)
            throws InterruptedException {
        LongAdder sent = new LongAdder();
        LongAdder failed = new LongAdder();
        LongAdder cpuNanos = new LongAdder();
        int workers = connections.size();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        Semaphore finished = new Semaphore(0);
        for (int w = 0; w < workers; w++) {
            Supplier<PlannedRequest> plan = plans.apply(w);
            Thread.ofPlatform().name("bench-worker-" + w).daemon().start(() -> {
                try {
                    KeepAliveConnection connection = connections.borrow(duration.toNanos());
                    if (connection == null) {
                        return;
                    }
                    long cpuAtStart = THREADS.getCurrentThreadCpuTime();
                    try {
                        while (System.nanoTime() < deadline && !stopped.getAsBoolean()) {
                            sent.increment();
                            if (!succeeds(connection, plan.get())) {
                                failed.increment();
                            }
                        }
                    } finally {
                        cpuNanos.add(THREADS.getCurrentThreadCpuTime() - cpuAtStart);
                        connections.giveBack(connection);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    finished.release();
                }
            });
        }
        finished.acquire(workers);
        double seconds = (System.nanoTime() - start) / 1e9;
        long requests = sent.sum();
        long errors = failed.sum();
        return new CapacityResult(seconds, workers, requests, errors, (requests - errors) / seconds,
                requests == 0 ? 0 : cpuNanos.sum() / 1000.0 / requests);
    }

    private static boolean succeeds(KeepAliveConnection connection, PlannedRequest request) {
        try {
            return connection.send(request.request()).successful();
        } catch (IOException e) {
            return false;
        }
    }

    private void send(PlannedRequest request, long intended, PhaseRecorder recorder) {
        if (recorder != null) {
            recorder.intended();
        }
        KeepAliveConnection connection;
        try {
            connection = connections.borrow(intended + startTimeout.toNanos() - System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        if (connection == null) {
            if (recorder != null) {
                recorder.dropped();
            }
            return;
        }
        try {
            LoadAnswer answer = connection.send(request.request());
            if (recorder != null) {
                long latency = System.nanoTime() - intended;
                recorder.route(request.route()).answered(latency, answer.status(),
                        PhaseRecorder.cacheOutcomes(answer.cache()), answer.dbStatements());
                recorder.timed(intended, latency, answer.successful());
                recorder.answeredBy(answer.instance());
            }
        } catch (IOException e) {
            if (recorder != null) {
                long latency = System.nanoTime() - intended;
                recorder.route(request.route()).failed(latency);
                recorder.timed(intended, latency, false);
            }
        } finally {
            connections.giveBack(connection);
        }
    }

    private static void parkUntil(long deadline) {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }

    @Override
    public void close() {
        senders.close();
        connections.close();
    }
}

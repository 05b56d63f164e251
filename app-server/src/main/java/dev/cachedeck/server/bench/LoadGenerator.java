package dev.cachedeck.server.bench;

import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.bench.CapacityResult;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.LongFunction;
import java.util.function.Supplier;

/**
 * Open-loop, constant-rate traffic: request i is due at {@code start + i / rate} whatever happened to the
 * requests before it, and its latency is measured from that intended time, so a slow server cannot
 * slow the schedule down and hide its own queueing (coordinated omission). At most {@code concurrency}
 * requests are in flight; a due request waits for a slot (the wait is part of its latency) and one that
 * cannot start within the start timeout is counted as dropped. Bounded: a fixed number of requests, each
 * with a timeout; loopback targets only. {@link #saturate} is the closed-loop counterpart that measures capacity.
 */
final class LoadGenerator implements AutoCloseable {
    private final HttpClient http;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final Duration startTimeout;

    LoadGenerator(URI target, Duration startTimeout) {
        requireLoopback(target);
        this.startTimeout = startTimeout;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(senders)
                .build();
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
    void run(long total, int ratePerSecond, int concurrency, LongFunction<PlannedRequest> plan, Sink sink,
             BooleanSupplier stopped) throws InterruptedException {
        Semaphore slots = new Semaphore(concurrency);
        Semaphore finished = new Semaphore(0);
        long start = System.nanoTime();
        long sent = 0;
        for (long i = 0; i < total && !stopped.getAsBoolean(); i++) {
            long intended = start + Math.round(i * 1e9 / ratePerSecond);
            parkUntil(intended);
            PlannedRequest request = plan.apply(i);
            PhaseRecorder recorder = sink.recorderFor(i);
            if (recorder != null) {
                recorder.scheduled(request);
            }
            senders.execute(() -> {
                try {
                    send(request, intended, recorder, slots);
                } finally {
                    finished.release();
                }
            });
            sent++;
        }
        finished.acquire(Math.toIntExact(sent));
    }

    /**
     * Closed loop: {@code workers} virtual threads each send {@code plan}'s next request as soon as their previous
     * one was answered, for {@code duration} (no new request starts after it; those in flight finish). The
     * success rate reached is the server's capacity for this traffic. {@code plan} is called from every worker.
     */
    CapacityResult saturate(Duration duration, int workers, Supplier<PlannedRequest> plan, BooleanSupplier stopped)
            throws InterruptedException {
        LongAdder sent = new LongAdder();
        LongAdder failed = new LongAdder();
        long start = System.nanoTime();
        long deadline = start + duration.toNanos();
        Semaphore finished = new Semaphore(0);
        for (int w = 0; w < workers; w++) {
            senders.execute(() -> {
                try {
                    while (System.nanoTime() < deadline && !stopped.getAsBoolean()) {
                        sent.increment();
                        try {
                            int status = http.send(plan.get().request(), HttpResponse.BodyHandlers.discarding())
                                    .statusCode();
                            if (status < 200 || status > 299) {
                                failed.increment();
                            }
                        } catch (IOException e) {
                            failed.increment();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                            return;
                        }
                    }
                } finally {
                    finished.release();
                }
            });
        }
        finished.acquire(workers);
        double seconds = (System.nanoTime() - start) / 1e9;
        long requests = sent.sum();
        long errors = failed.sum();
        return new CapacityResult(seconds, workers, requests, errors, (requests - errors) / seconds);
    }

    private void send(PlannedRequest request, long intended, PhaseRecorder recorder, Semaphore slots) {
        if (recorder != null) {
            recorder.intended();
        }
        long startBy = intended + startTimeout.toNanos();
        try {
            if (!slots.tryAcquire(startBy - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                if (recorder != null) {
                    recorder.dropped();
                }
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        try {
            HttpResponse<byte[]> response = http.send(request.request(), HttpResponse.BodyHandlers.ofByteArray());
            if (recorder != null) {
                recorder.route(request.route()).answered(System.nanoTime() - intended, response.statusCode(),
                        PhaseRecorder.cacheOutcomes(response.headers().firstValue(ApiPaths.HEADER_CACHE).orElse(null)),
                        response.headers().firstValue(ApiPaths.HEADER_DB_QUERIES).map(Integer::parseInt).orElse(0));
            }
        } catch (IOException e) {
            if (recorder != null) {
                recorder.route(request.route()).failed(System.nanoTime() - intended);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            slots.release();
        }
    }

    private static void parkUntil(long deadline) {
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0) {
            LockSupport.parkNanos(remaining);
        }
    }

    /** The generator must never become a tool for loading someone else's server. */
    static void requireLoopback(URI target) {
        try {
            String host = target.getHost();
            if (host == null || !InetAddress.getByName(host).isLoopbackAddress()) {
                throw new IllegalArgumentException("the workload generator only targets loopback, not " + target);
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host in " + target, e);
        }
    }

    @Override
    public void close() {
        http.close();
        senders.close();
    }
}

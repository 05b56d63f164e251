package dev.cachedeck.server.metrics;

import dev.cachedeck.server.loadgen.KeepAliveConnection;
import dev.cachedeck.server.loadgen.LoadRequest;
import dev.cachedeck.server.loadgen.LoadTarget;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * What the instrumentation costs on the cheapest request there is, a response-tier hit: one server, rounds of
 * closed-loop load alternating instrumentation on and off (so drift on a shared machine hits both alike), and the
 * ratio of the median throughputs on / off.
 */
public final class OverheadMeasurement {
    /** A cached route whose answer is small, so the request path, not the body, dominates. */
    private static final String HIT_PATH = "/api/jobs/1";
    private static final LoadRequest HIT = LoadRequest.get(HIT_PATH);

    private final Duration roundLength;
    private final int rounds;
    private final int connections;
    private final PrintStream out;

    public OverheadMeasurement(Duration roundLength, int rounds, int connections, PrintStream out) {
        this.roundLength = roundLength;
        this.rounds = rounds;
        this.connections = connections;
        this.out = out;
    }

    /** The measured throughputs; {@link Result#ratio()} is on / off. */
    public record Result(List<Double> onPerSecond, List<Double> offPerSecond) {
        public double ratio() {
            return median(onPerSecond) / median(offPerSecond);
        }
    }

    /** Measures the server at {@code server}, whose instrumentation {@code instrumentation} switches. */
    public Result run(URI server, Instrumentation instrumentation) throws Exception {
        boolean initiallyOn = instrumentation.enabled();
        HttpResponse<Void> first = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(server.resolve(HIT_PATH)).build(), BodyHandlers.discarding());
        if (first.statusCode() != 200) {
            throw new IllegalStateException(HIT_PATH + " answered " + first.statusCode());
        }
        // Warm-up: the JIT compiles both paths before anything is counted.
        for (boolean enabled : new boolean[] {true, false}) {
            instrumentation.setEnabled(enabled);
            round(server, roundLength);
        }
        List<Double> on = new ArrayList<>();
        List<Double> off = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            // Alternate which mode goes first so neither always runs on a warmer JIT or a quieter machine.
            for (boolean enabled : round % 2 == 0 ? new boolean[] {true, false} : new boolean[] {false, true}) {
                instrumentation.setEnabled(enabled);
                double perSecond = round(server, roundLength);
                (enabled ? on : off).add(perSecond);
                out.printf(Locale.ROOT, "round %d instrumentation %-3s %10.0f requests/s%n", round + 1,
                        enabled ? "on" : "off", perSecond);
            }
        }
        instrumentation.setEnabled(initiallyOn);
        Result result = new Result(on, off);
        out.printf(Locale.ROOT, "median on %.0f/s, off %.0f/s, ratio on/off %.3f (target >= 0.95)%n",
                median(on), median(off), result.ratio());
        return result;
    }

    private double round(URI server, Duration length) throws Exception {
        long end = System.nanoTime() + length.toNanos();
        try (ExecutorService clients = Executors.newFixedThreadPool(connections)) {
            List<Future<Long>> counts = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                counts.add(clients.submit(() -> {
                    try (KeepAliveConnection client = new KeepAliveConnection(
                            new LoadTarget(server, Optional.empty()), Duration.ofSeconds(10))) {
                        long done = 0;
                        while (System.nanoTime() < end) {
                            int status = client.send(HIT).status();
                            if (status != 200) {
                                throw new IllegalStateException(HIT_PATH + " answered " + status);
                            }
                            done++;
                        }
                        return done;
                    }
                }));
            }
            long total = 0;
            for (Future<Long> count : counts) {
                total += count.get(length.toSeconds() + 30, TimeUnit.SECONDS);
            }
            return total / (length.toNanos() / 1e9);
        }
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}

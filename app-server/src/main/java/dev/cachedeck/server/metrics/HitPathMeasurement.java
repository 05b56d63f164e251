package dev.cachedeck.server.metrics;

import com.sun.management.OperatingSystemMXBean;
import dev.cachedeck.server.loadgen.KeepAliveConnection;
import dev.cachedeck.server.loadgen.LoadAnswer;
import dev.cachedeck.server.loadgen.LoadRequest;
import dev.cachedeck.server.loadgen.LoadTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What a cached hit costs against the cheapest answer the server gives: one server, closed-loop load on kept-alive
 * connections, rounds that interleave the trivial endpoint ({@code GET /api/ping}), a near-tier hit, a Redis hit
 * (the near tier switched off through the admin API), the route answered from model and query hits in Redis (the
 * response tier switched off) and a miss (a new key on every request), each round in another
 * order so drift on a shared machine reaches every kind alike. Every answer's {@code X-Cache} is checked, so a round
 * counts only what it claims to measure. Reported: each kind's median throughput over the trivial one's, the load
 * average after each round, and what one request costs in CPU on the generator's threads and on the rest of this
 * process (the server, when it runs in the same JVM), so the instrument is shown to be cheaper than what it measures.
 */
public final class HitPathMeasurement {
    /** The design's goal: a near hit at no less than this share of the trivial endpoint's throughput. */
    public static final double NEAR_TARGET = 0.8;

    /** A cached route with a small answer, so the request path, not the body, dominates. */
    private static final String HIT_PATH = "/api/jobs/1";
    /** Distinct reviewed users the misses rotate over; every sample-data scale has at least this many. */
    private static final int MISS_USERS = 100;
    private static final int MISS_PAGES = 10_001;

    /**
     * What one kind of request is, what it must answer in {@code X-Cache}, and which tiers are on for it.
     * {@code LOWER_HITS} is the hit path with the response tier off: the route runs and its model and query reads
     * hit Redis, which is what a near copy of those tiers would save.
     */
    public enum Kind {
        TRIVIAL("trivial /api/ping", true, true),
        NEAR_HIT("near hit", true, true),
        REDIS_HIT("Redis hit", false, true),
        LOWER_HITS("model/query hits", true, false),
        MISS("miss", true, true);

        private final String label;
        private final boolean nearOn;
        private final boolean responseOn;

        Kind(String label, boolean nearOn, boolean responseOn) {
            this.label = label;
            this.nearOn = nearOn;
            this.responseOn = responseOn;
        }

        public String label() {
            return label;
        }

        boolean answeredAsExpected(LoadAnswer answer) {
            String cache = answer.cache() == null ? "" : answer.cache();
            return answer.status() == 200 && switch (this) {
                case TRIVIAL -> cache.equals("api=BYPASS");
                case NEAR_HIT -> cache.equals("near=HIT");
                case REDIS_HIT -> cache.startsWith("api=HIT");
                case LOWER_HITS -> cache.startsWith("api=BYPASS, ") && !cache.contains("MISS")
                        && answer.dbStatements() == 0;
                case MISS -> cache.startsWith("api=MISS");
            };
        }
    }

    /** One kind in one round: requests per second and the CPU one request took on each side. */
    public record Sample(double perSecond, double generatorCpuMicros, double serverCpuMicros) {
    }

    /** One round: every kind once, and the 1-minute load average when it ended. */
    public record Round(Map<Kind, Sample> samples, double loadAverage) {
    }

    public record Result(List<Round> rounds) {
        /** The median of a kind's throughputs over the rounds. */
        public double median(Kind kind) {
            return OverheadMeasurement.median(rounds.stream().map(round -> round.samples().get(kind).perSecond())
                    .toList());
        }

        /** A kind's median throughput over the trivial endpoint's. */
        public double ratio(Kind kind) {
            return median(kind) / median(Kind.TRIVIAL);
        }
    }

    private final Duration roundLength;
    private final int rounds;
    private final int connections;
    private final PrintStream out;
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final OperatingSystemMXBean os =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private final AtomicLong missSequence = new AtomicLong();

    public HitPathMeasurement(Duration roundLength, int rounds, int connections, PrintStream out) {
        this.roundLength = roundLength;
        this.rounds = rounds;
        this.connections = connections;
        this.out = out;
    }

    /** Measures the server at {@code server}; {@code adminToken} switches its tiers, which are left on. */
    public Result run(URI server, String adminToken) throws Exception {
        HttpClient admin = HttpClient.newHttpClient();
        try {
            // Warm-up: the JIT compiles every path, the near tier and Redis hold the hit, before anything counts.
            for (Kind kind : Kind.values()) {
                measure(server, admin, adminToken, kind);
            }
            List<Round> measured = new ArrayList<>();
            for (int round = 0; round < rounds; round++) {
                Map<Kind, Sample> samples = new EnumMap<>(Kind.class);
                for (int i = 0; i < Kind.values().length; i++) {
                    Kind kind = Kind.values()[(i + round) % Kind.values().length];
                    samples.put(kind, measure(server, admin, adminToken, kind));
                }
                Round done = new Round(samples, os.getSystemLoadAverage());
                measured.add(done);
                print(round + 1, done);
            }
            Result result = new Result(measured);
            printSummary(result);
            return result;
        } finally {
            switchTier(server, admin, adminToken, "response", true);
            switchTier(server, admin, adminToken, "near", true);
        }
    }

    private Sample measure(URI server, HttpClient admin, String adminToken, Kind kind) throws Exception {
        switchTier(server, admin, adminToken, "response", kind.responseOn);
        switchTier(server, admin, adminToken, "near", kind.nearOn);
        Supplier<LoadRequest> requests = switch (kind) {
            case TRIVIAL -> () -> LoadRequest.get("/api/ping");
            case NEAR_HIT, REDIS_HIT, LOWER_HITS -> () -> LoadRequest.get(HIT_PATH);
            case MISS -> () -> {
                long key = missSequence.getAndIncrement();
                return LoadRequest.get("/api/reviews/" + (1 + key % MISS_USERS) + "?page="
                        + key / MISS_USERS % MISS_PAGES + "&size=1");
            };
        };
        if (kind == Kind.NEAR_HIT || kind == Kind.LOWER_HITS) {
            awaitAnswer(server, kind);
        }
        return round(server, kind, requests);
    }

    /**
     * After a switch the near tier starts empty (a Redis hit fills it, and only then is the next read near), and
     * the lower tiers may not hold the route's reads yet.
     */
    private static void awaitAnswer(URI server, Kind kind) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        try (KeepAliveConnection client = connection(server)) {
            while (!kind.answeredAsExpected(client.send(LoadRequest.get(HIT_PATH)))) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(HIT_PATH + " is not answered as a " + kind.label());
                }
                Thread.sleep(10);
            }
        }
    }

    private static KeepAliveConnection connection(URI server) {
        return new KeepAliveConnection(new LoadTarget(server, Optional.empty()), Duration.ofSeconds(10));
    }

    private static void switchTier(URI server, HttpClient admin, String adminToken, String tier, boolean on)
            throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(server.resolve("/admin/cache/tiers/" + tier))
                .header("Authorization", "Bearer " + adminToken).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{\"enabled\":" + on + "}")).build();
        int status = admin.send(request, BodyHandlers.discarding()).statusCode();
        if (status != 200) {
            throw new IllegalStateException("PUT /admin/cache/tiers/" + tier + " answered " + status);
        }
    }

    /** Per client: requests done, unexpected answers, CPU nanoseconds of its own thread. */
    private record ClientCount(long requests, long unexpected, long cpuNanos) {
    }

    private Sample round(URI server, Kind kind, Supplier<LoadRequest> requests) throws Exception {
        long start = System.nanoTime();
        long end = start + roundLength.toNanos();
        long processCpuBefore = os.getProcessCpuTime();
        List<ClientCount> counts = new ArrayList<>();
        // Platform threads: a closed loop on blocking sockets runs best on them (see LoadGenerator.saturate).
        try (ExecutorService clients = Executors.newFixedThreadPool(connections)) {
            List<Future<ClientCount>> futures = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                futures.add(clients.submit(() -> client(server, kind, requests, end)));
            }
            for (Future<ClientCount> future : futures) {
                counts.add(future.get(roundLength.toSeconds() + 30, TimeUnit.SECONDS));
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long processCpu = os.getProcessCpuTime() - processCpuBefore;
        long done = counts.stream().mapToLong(ClientCount::requests).sum();
        long unexpected = counts.stream().mapToLong(ClientCount::unexpected).sum();
        long generatorCpu = counts.stream().mapToLong(ClientCount::cpuNanos).sum();
        if (unexpected * 100 > done) {
            throw new IllegalStateException(kind.label() + ": " + unexpected + " of " + done
                    + " answers were not what the round measures");
        }
        return new Sample(done / seconds, generatorCpu / 1e3 / Math.max(1, done),
                (processCpu - generatorCpu) / 1e3 / Math.max(1, done));
    }

    private ClientCount client(URI server, Kind kind, Supplier<LoadRequest> requests, long end)
            throws IOException {
        long cpuBefore = threads.getCurrentThreadCpuTime();
        long done = 0;
        long unexpected = 0;
        try (KeepAliveConnection client = connection(server)) {
            while (System.nanoTime() < end) {
                if (!kind.answeredAsExpected(client.send(requests.get()))) {
                    unexpected++;
                }
                done++;
            }
        }
        return new ClientCount(done, unexpected, threads.getCurrentThreadCpuTime() - cpuBefore);
    }

    private void print(int number, Round round) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "round %d", number));
        double trivial = round.samples().get(Kind.TRIVIAL).perSecond();
        for (Kind kind : Kind.values()) {
            double perSecond = round.samples().get(kind).perSecond();
            line.append(String.format(Locale.ROOT, "  %s %,.0f/s", kind.label(), perSecond));
            if (kind != Kind.TRIVIAL) {
                line.append(String.format(Locale.ROOT, " (%.2f)", perSecond / trivial));
            }
        }
        out.println(line.append(String.format(Locale.ROOT, "  load %.1f", round.loadAverage())));
    }

    private void printSummary(Result result) {
        out.println("median over " + result.rounds().size() + " rounds of " + roundLength.toSeconds() + " s, "
                + connections + " connections, ratio to the trivial endpoint:");
        for (Kind kind : Kind.values()) {
            List<Sample> samples = result.rounds().stream().map(round -> round.samples().get(kind)).toList();
            out.printf(Locale.ROOT, "  %-18s %,9.0f/s  %5.2f   CPU per request: generator %.1f µs, rest of process"
                            + " %.1f µs%n", kind.label(), result.median(kind), result.ratio(kind),
                    OverheadMeasurement.median(samples.stream().map(Sample::generatorCpuMicros).toList()),
                    OverheadMeasurement.median(samples.stream().map(Sample::serverCpuMicros).toList()));
        }
        out.printf(Locale.ROOT, "near hit / trivial %.2f (target >= %.1f); load average %.1f-%.1f%n",
                result.ratio(Kind.NEAR_HIT), NEAR_TARGET,
                result.rounds().stream().mapToDouble(Round::loadAverage).min().orElse(0),
                result.rounds().stream().mapToDouble(Round::loadAverage).max().orElse(0));
    }
}

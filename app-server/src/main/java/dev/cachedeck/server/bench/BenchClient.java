package dev.cachedeck.server.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.CacheDeckJson;
import dev.cachedeck.model.api.Problem.FieldError;
import dev.cachedeck.model.bench.BenchReport;
import dev.cachedeck.model.bench.BenchState;
import dev.cachedeck.model.bench.BenchStatus;
import dev.cachedeck.model.bench.RepeatSummary;
import dev.cachedeck.model.bench.ReportHtml;
import dev.cachedeck.model.bench.ScenarioSpec;
import dev.cachedeck.model.bench.TextSummary;
import dev.cachedeck.server.loadgen.LoadTarget;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What the {@code bench} command does once it has a server: runs the scenario (from this process, the server's
 * admin API only switching the phases; or with {@code --in-server} inside the server, {@code POST /admin/bench}),
 * as often as {@code --repeat} says, writes {@code report.json} and {@code report.html} and prints the summary.
 */
public final class BenchClient {
    public static final String SEPARATE = "the bench command's own process (lean HTTP/1.1 client), not the server's";
    public static final String BESIDE_EMBEDDED = "the bench command's process, which also runs the embedded server "
            + "(lean HTTP/1.1 client)";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final Duration STOP_GRACE = Duration.ofSeconds(30);

    private final ObjectMapper mapper = CacheDeckJson.newMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PrintStream out;
    private final PrintStream progressStream;
    private final boolean terminal;

    /** {@code terminal}: whether {@code progress} is a terminal that can redraw a bar in place. */
    public BenchClient(PrintStream out, PrintStream progress, boolean terminal) {
        this.out = out;
        this.progressStream = progress;
        this.terminal = terminal;
    }

    /**
     * Runs the scenario against {@code server}; {@code generator} says in the report where the load comes from
     * when this process generates it. The exit status is 0 when it finished, 1 when it failed or was stopped, 2
     * when the options ask for what the limits refuse.
     */
    public int run(BenchOptions options, URI server, String token, BenchSettings settings, String generator)
            throws IOException, InterruptedException {
        List<FieldError> errors = ScenarioChecks.errors(options.spec(), settings);
        if (!errors.isEmpty()) {
            progressStream.println("bench: " + errors.stream().map(e -> e.field() + " " + e.message())
                    .collect(Collectors.joining("; ")));
            return 2;
        }
        if (options.trafficOut().isPresent()) {
            return writeTraffic(options.spec(), server, token, options.trafficOut().get());
        }
        return repeat(options, () -> options.inServer() ? runInServer(server, token, options)
                : runHere(server, token, options, settings, generator));
    }

    /**
     * Writes the requests every phase's measured window sends (and its capacity run sends again), in order, one
     * signature a line: the file's FNV-1a digest is the report's {@code trafficDigest}.
     */
    private int writeTraffic(ScenarioSpec spec, URI server, String token, Path file) throws IOException {
        TrafficPlan plan = new TrafficPlan(new AdminApiServer(server, token).population(), spec.writePercent(),
                spec.zipfSkew(), spec.seed());
        TrafficPlan.Sequence window = plan.sequence(TrafficPlan.Stream.MEASURED);
        long requests = Math.round(spec.phaseSeconds() * spec.ratePerSecond());
        try (BufferedWriter writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (long i = 0; i < requests; i++) {
                writer.write(window.next().signature());
                writer.write('\n');
            }
        }
        progressStream.printf(Locale.ROOT, "wrote the %d requests of a measured window to %s%n", requests, file);
        return 0;
    }

    /** One run of the scenario to its end. */
    private interface Once {
        BenchStatus run() throws IOException, InterruptedException;
    }

    /**
     * Runs the scenario {@code --repeat} times. Once: the report goes to the out folder. Several times: each run's
     * report to {@code run-N} inside it, and the median and spread of every ratio to {@code repeat.json} and stdout.
     */
    private int repeat(BenchOptions options, Once once) throws IOException, InterruptedException {
        if (options.repeat() == 1) {
            return finish(once.run(), options.out());
        }
        List<BenchReport> reports = new ArrayList<>();
        int exit = 0;
        for (int i = 1; i <= options.repeat(); i++) {
            progressStream.printf(Locale.ROOT, "run %d of %d%n", i, options.repeat());
            BenchStatus status = once.run();
            exit = Math.max(exit, finish(status, options.out().resolve("run-" + i)));
            if (status.state() != BenchState.DONE) {
                break;
            }
            reports.add(status.report());
        }
        RepeatSummary summary = RepeatSummary.of(reports);
        Files.createDirectories(options.out());
        Files.write(options.out().resolve("repeat.json"), mapper.writer(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(summary));
        out.println();
        out.print(TextSummary.of(summary));
        out.println("repeat: " + options.out().resolve("repeat.json"));
        return exit;
    }

    /** The load from this process; Ctrl-C stops the scenario and still restores the server's settings. */
    private BenchStatus runHere(URI server, String token, BenchOptions options, BenchSettings settings, String generator)
            throws IOException, InterruptedException {
        ScenarioProgress run = new ScenarioProgress(options.spec(), settings.calibrationProbe().toMillis() / 1000.0);
        Scenario scenario = new Scenario(FleetAdminServer.of(server, token), LoadTarget.of(server, token), settings,
                generator);
        Thread worker = Thread.ofPlatform().name("bench-scenario").start(() -> scenario.run(run));
        Thread stopOnExit = new Thread(() -> {
            run.requestStop();
            try {
                worker.join(STOP_GRACE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "bench-stop");
        Runtime.getRuntime().addShutdownHook(stopOnExit);
        ProgressPrinter progress = new ProgressPrinter(progressStream, terminal);
        while (!worker.join(POLL_INTERVAL)) {
            progress.show(run.status());
        }
        Runtime.getRuntime().removeShutdownHook(stopOnExit);
        progress.done();
        return run.status();
    }

    private BenchStatus runInServer(URI server, String token, BenchOptions options) throws IOException, InterruptedException {
        BenchStatus status = send(HttpRequest.newBuilder(server.resolve(ApiPaths.ADMIN_BENCH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(options.spec()))), token);
        ProgressPrinter progress = new ProgressPrinter(progressStream, terminal);
        while (status.state() == BenchState.RUNNING || status.state() == BenchState.STOPPING) {
            progress.show(status);
            Thread.sleep(POLL_INTERVAL);
            status = send(HttpRequest.newBuilder(server.resolve(ApiPaths.ADMIN_BENCH)).GET(), token);
        }
        progress.done();
        return status;
    }

    private int finish(BenchStatus status, Path dir) throws IOException {
        if (status.report() == null) {
            progressStream.println("bench " + status.state() + ": " + status.error());
            return 1;
        }
        write(status.report(), dir);
        return status.state() == BenchState.DONE ? 0 : 1;
    }

    private void write(BenchReport report, Path dir) throws IOException {
        String summary = TextSummary.of(report);
        Files.createDirectories(dir);
        Files.write(dir.resolve("report.json"), mapper.writer(SerializationFeature.INDENT_OUTPUT)
                .writeValueAsBytes(report));
        Files.writeString(dir.resolve("report.html"), ReportHtml.of(report, summary));
        out.print(summary);
        out.println("report: " + dir.resolve("report.json") + ", " + dir.resolve("report.html"));
    }

    private BenchStatus send(HttpRequest.Builder request, String token) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(request.header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() / 100 != 2) {
            throw new IOException("admin API answered " + response.statusCode() + ": " + response.body());
        }
        return mapper.readValue(response.body(), BenchStatus.class);
    }
}

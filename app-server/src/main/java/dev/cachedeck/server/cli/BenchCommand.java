package dev.cachedeck.server.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.CacheDeckJson;
import dev.cachedeck.model.bench.BenchReport;
import dev.cachedeck.model.bench.BenchState;
import dev.cachedeck.model.bench.BenchStatus;
import dev.cachedeck.model.bench.ReportHtml;
import dev.cachedeck.model.bench.TextSummary;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.ServerSettings;
import dev.cachedeck.server.bench.BenchOptions;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * {@code cachedeck-server.jar bench}: starts the scenario through the admin API (of an embedded server it
 * starts itself, or of {@code --server}), draws a progress bar while polling, then writes
 * {@code report.json} and {@code report.html} and prints the summary.
 */
public final class BenchCommand {
    public static final String NAME = "bench";
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);
    private static final int BAR_WIDTH = 30;

    private final ObjectMapper mapper = CacheDeckJson.newMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final PrintStream out;
    private final PrintStream progress;

    public BenchCommand(PrintStream out, PrintStream progress) {
        this.out = out;
        this.progress = progress;
    }

    /** Runs the scenario; the exit status is 0 when it finished, 1 when it failed or was stopped. */
    public int run(BenchOptions options, ServerSettings embeddedDefaults) throws IOException, InterruptedException {
        if (options.server().isPresent()) {
            return runAgainst(options.server().get(), options.token().orElseThrow(), options);
        }
        progress.printf(Locale.ROOT, "starting an embedded in-memory server at scale %.2f...%n", options.scale());
        try (CacheDeckServer server = CacheDeckServer.start(embeddedDefaults.withInMemory(true)
                .withScale(options.scale()).withPort(0))) {
            return runAgainst(server.baseUri(), server.adminToken(), options);
        }
    }

    private int runAgainst(URI server, String token, BenchOptions options) throws IOException, InterruptedException {
        BenchStatus status = send(HttpRequest.newBuilder(server.resolve(ApiPaths.ADMIN_BENCH))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(mapper.writeValueAsBytes(options.spec()))), token);
        while (status.state() == BenchState.RUNNING || status.state() == BenchState.STOPPING) {
            drawProgress(status);
            Thread.sleep(POLL_INTERVAL);
            status = send(HttpRequest.newBuilder(server.resolve(ApiPaths.ADMIN_BENCH)).GET(), token);
        }
        progress.println();
        if (status.report() == null) {
            progress.println("bench " + status.state() + ": " + status.error());
            return 1;
        }
        write(status.report(), options.out());
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

    private void drawProgress(BenchStatus status) {
        int filled = (int) Math.round(status.progress() * BAR_WIDTH);
        String phase = status.phase() == null ? "" : status.phase().wireName()
                + (status.warmingUp() ? " (warm-up)" : "");
        String live = status.phases().isEmpty() ? "" : String.format(Locale.ROOT, " %.0f req/s p50 %.2f ms",
                status.phases().getLast().throughputPerSecond(), status.phases().getLast().latency().p50());
        progress.printf(Locale.ROOT, "\r[%s%s] %3.0f%% %-18s%-28s", "#".repeat(filled), " ".repeat(BAR_WIDTH - filled),
                status.progress() * 100, phase, live);
        progress.flush();
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

package dev.cachedeck.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.model.CacheDeckJson;
import dev.cachedeck.model.bench.BenchReport;
import dev.cachedeck.model.bench.PhaseResult;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the {@code bench} command runs against a server: the load generated here, or by the server itself. */
class BenchClientTest {
    private static CacheDeckServer server;

    @BeforeAll
    static void start() {
        server = TestServers.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void theCommandsOwnProcessSendsTheSameSeededTrafficAsTheServerDoesAndPrintsPlainLines(@TempDir Path dir)
            throws Exception {
        ByteArrayOutputStream progress = new ByteArrayOutputStream();
        BenchReport own = run(dir.resolve("own"), List.of(), progress);
        BenchReport inServer = run(dir.resolve("in-server"), List.of("--in-server"), new ByteArrayOutputStream());

        assertEquals(BenchClient.SEPARATE, own.environment().generator());
        assertEquals(ScenarioRunner.IN_SERVER, inServer.environment().generator());
        assertEquals(digests(inServer), digests(own), "same seed, same requests, whichever process sends them");
        for (PhaseResult phase : own.phases()) {
            assertEquals(0, phase.errors(), phase.phase() + " errors");
            assertEquals(150, phase.intended(), phase.phase() + " intended");
            assertTrue(phase.capacity().perSecond() > 0);
        }
        assertTrue(own.phases().get(1).readHitRate() > 0.5, "the admin API switched the cache back on for warm");
        assertEquals(0.0, own.phases().get(0).readHitRate(), "and off for off");
        assertTrue(server.cache().toggles().cacheEnabled(), "the cache switch is restored");

        String lines = progress.toString(StandardCharsets.UTF_8);
        assertFalse(lines.contains("\r"), "no carriage-return redraws when not on a terminal: " + lines);
        assertTrue(lines.lines().anyMatch(line -> line.contains("off (warm-up)")), lines);
        assertTrue(lines.lines().anyMatch(line -> line.contains(" warm ")), lines);
        assertTrue(lines.lines().count() < 20, "a line per phase part and per 5 s, not per poll: " + lines);
    }

    @Test
    void theTrafficFileHoldsExactlyTheRequestsOfAMeasuredWindow(@TempDir Path dir) throws Exception {
        BenchReport report = run(dir.resolve("run"), List.of(), new ByteArrayOutputStream());
        Path file = dir.resolve("traffic.txt");
        int exit = new BenchClient(new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(new ByteArrayOutputStream()), false).run(options(dir, List.of("--traffic-out",
                        file.toString())), server.baseUri(), TestServers.ADMIN_TOKEN, TestServers.settings().bench(),
                BenchClient.SEPARATE);

        assertEquals(0, exit);
        List<String> lines = Files.readAllLines(file);
        assertEquals(150, lines.size(), "rate 150 for 1 s");
        assertTrue(lines.stream().allMatch(line -> line.startsWith("GET /api/") || line.startsWith("P")), lines.get(0));
        assertEquals(report.phases().get(0).trafficDigest(), fnv1a(Files.readString(file)),
                "the file's digest is the window's trafficDigest: the same requests in the same order");
    }

    /** The report's traffic digest: FNV-1a, 64 bit, over the characters of the signatures, each ended by a newline. */
    private static String fnv1a(String text) {
        long hash = 0xcbf29ce484222325L;
        for (int i = 0; i < text.length(); i++) {
            hash = (hash ^ text.charAt(i)) * 0x100000001b3L;
        }
        return HexFormat.of().toHexDigits(hash);
    }

    private static BenchReport run(Path dir, List<String> extra, ByteArrayOutputStream progress) throws Exception {
        int exit = new BenchClient(new PrintStream(new ByteArrayOutputStream()), new PrintStream(progress), false)
                .run(options(dir, extra), server.baseUri(), TestServers.ADMIN_TOKEN, TestServers.settings().bench(),
                        BenchClient.SEPARATE);
        assertEquals(0, exit);
        ObjectMapper mapper = CacheDeckJson.newMapper();
        return mapper.readValue(Files.readAllBytes(dir.resolve("report.json")), BenchReport.class);
    }

    private static BenchOptions options(Path dir, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("--server", server.baseUri().toString(), "--phases", "off,warm",
                "--duration", "1", "--warmup", "0.5", "--capacity", "0.5", "--rate", "150", "--concurrency", "8",
                "--seed", "11", "--out", dir.toString()));
        args.addAll(extra);
        return BenchOptions.parse(args, Optional.of(TestServers.ADMIN_TOKEN));
    }

    private static List<String> digests(BenchReport report) {
        return report.phases().stream().map(PhaseResult::trafficDigest).toList();
    }
}

package dev.cachedeck.desktop;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.server.ServerSettings;
import io.helidon.config.Config;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DesktopOptionsTest {
    private static DesktopOptions parse(String... args) {
        return DesktopOptions.parse(List.of(args), Map.of());
    }

    private static String error(String... args) {
        return assertThrows(IllegalArgumentException.class, () -> parse(args)).getMessage();
    }

    private static final Path USER_DATA = Path.of("/home/ada/.local/share/cachedeck");

    @Test
    void noArgumentsStartAnEmbeddedServerOnAFreePortWithItsDataInTheUsersDataFolder() {
        DesktopOptions options = parse();
        assertTrue(options.servers().isEmpty());
        assertFalse(options.help());
        assertFalse(options.headless());
        ServerSettings settings = options.embeddedSettings(ServerSettings.load(Config.create(), Map.of()), USER_DATA);
        assertEquals(0, settings.port());
        assertFalse(settings.inMemory());
        assertEquals(1.0, settings.scale());
        assertEquals(USER_DATA, settings.dataDir());
    }

    @Test
    void aDataDirGivenWinsOverTheUsersDataFolder() {
        ServerSettings settings = parse("--data-dir", "/tmp/deck", "--headless")
                .embeddedSettings(ServerSettings.load(Config.create(), Map.of()), USER_DATA);
        assertEquals(Path.of("/tmp/deck"), settings.dataDir());
        assertTrue(parse("--headless").headless());
    }

    @Test
    void embeddedOptionsOverrideTheServerDefaults() {
        ServerSettings settings = parse("--in-memory", "--scale", "0.05", "--port", "9123", "--admin-token", "s3cret")
                .embeddedSettings(ServerSettings.load(Config.create(), Map.of()), USER_DATA);
        assertTrue(settings.inMemory());
        assertEquals(0.05, settings.scale());
        assertEquals(9123, settings.port());
        assertEquals("s3cret", settings.adminToken().orElseThrow());
    }

    @Test
    void remoteServerTakesItsTokenFromTheFlagOrTheEnvironment() {
        DesktopOptions flag = parse("--server", "http://127.0.0.1:8080", "--admin-token", "t0k");
        assertEquals(List.of(URI.create("http://127.0.0.1:8080")), flag.servers());
        assertEquals("t0k", flag.adminToken().orElseThrow());
        DesktopOptions env = DesktopOptions.parse(List.of("--server", "https://cache.example:9443"),
                Map.of("CACHEDECK_ADMIN_TOKEN", "from-env"));
        assertEquals("from-env", env.adminToken().orElseThrow());
    }

    @Test
    void serverMayBeRepeatedToWatchAFleetTheFirstLeadingAndRepeatsCountOnce() {
        DesktopOptions fleet = parse("--server", "http://127.0.0.1:8081", "--server", "http://127.0.0.1:8082",
                "--server", "http://127.0.0.1:8081", "--admin-token", "t0k");
        assertEquals(List.of(URI.create("http://127.0.0.1:8081"), URI.create("http://127.0.0.1:8082")),
                fleet.servers());
        assertEquals("--server must be an http(s) URL such as http://127.0.0.1:8080, got 'h:2'",
                error("--server", "http://h:1", "--server", "h:2", "--admin-token", "t"));
    }

    @Test
    void helpIsRecognisedAmongOtherOptions() {
        assertTrue(parse("--in-memory", "--help").help());
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertEquals("--server needs --admin-token (or CACHEDECK_ADMIN_TOKEN)", error("--server", "http://h:1"));
        assertEquals("--server must be an http(s) URL such as http://127.0.0.1:8080, got 'ftp://x'",
                error("--server", "ftp://x", "--admin-token", "t"));
        assertEquals("--in-memory, --scale, --port, --data-dir and --headless configure the embedded server; they "
                + "cannot be combined with --server", error("--server", "http://h:1", "--admin-token", "t", "--headless"));
        assertEquals("--scale must be a number above 0 and at most 100, got 0.0", error("--scale", "0"));
        assertEquals("--port must be an integer from 0 to 65535, got 70000", error("--port", "70000"));
        assertEquals("Invalid value for option '--port': 'x' is not an int", error("--port", "x"));
        assertEquals("Missing required parameter for option '--port' (N)", error("--port"));
        assertEquals("Unknown option: '--fast'", error("--fast"));
    }

    @Test
    void theUsageListsEveryOption() {
        String usage = DesktopOptions.usage();
        for (String option : List.of("--server", "--admin-token", "--in-memory", "--scale", "--port", "--data-dir",
                "--headless", "--help")) {
            assertTrue(usage.contains(option), option + " missing from\n" + usage);
        }
    }
}

package dev.cachedeck.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.server.ServerSettings;
import io.helidon.config.Config;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.ParameterException;

class ServeOptionsTest {
    private final ServerSettings defaults = ServerSettings.load(Config.create(), Map.of());

    @Test
    void defaultsComeFromApplicationYaml() {
        ServeOptions.Parsed parsed = ServeOptions.parse(new String[0], defaults);
        assertEquals("serve", parsed.command());
        assertEquals("127.0.0.1", parsed.settings().host());
        assertEquals(8080, parsed.settings().port());
        assertEquals(1.0, parsed.settings().scale());
        assertEquals(false, parsed.settings().inMemory());
    }

    @Test
    void flagsOverrideDefaults() {
        ServerSettings settings = ServeOptions.parse(
                new String[] {"serve", "--port", "0", "--data-dir", "/tmp/cd", "--scale", "0.5"}, defaults).settings();
        assertEquals(0, settings.port());
        assertEquals(Path.of("/tmp/cd"), settings.dataDir());
        assertEquals(0.5, settings.scale());
        assertTrue(ServeOptions.parse(new String[] {"--in-memory"}, defaults).settings().inMemory());
    }

    @Test
    void environmentOverridesConfigButNotFlags() {
        ServerSettings fromEnv = ServerSettings.load(Config.create(),
                Map.of("REDIS_URL", "redis://127.0.0.1:7000", "CACHEDECK_ADMIN_TOKEN", "s3cret"));
        assertEquals("redis://127.0.0.1:7000", fromEnv.redisUrl().orElseThrow());
        assertEquals("s3cret", fromEnv.adminToken().orElseThrow());
        assertEquals(9000, ServeOptions.parse(new String[] {"--port", "9000"}, fromEnv).settings().port());
    }

    @Test
    void theLaterOfDataDirAndInMemoryWins() {
        assertTrue(ServeOptions.parse(new String[] {"--data-dir", "/tmp/cd", "--in-memory"}, defaults).settings()
                .inMemory());
        assertEquals(false, ServeOptions.parse(new String[] {"--in-memory", "--data-dir", "/tmp/cd"}, defaults)
                .settings().inMemory());
    }

    @Test
    void theUsageNamesEveryFlagAndTheOtherCommands() {
        String usage = ServeOptions.usage();
        for (String expected : new String[] {"--port", "--data-dir", "--in-memory", "--scale", "--help", "bench",
                "overhead", "REDIS_URL"}) {
            assertTrue(usage.contains(expected), expected + " in\n" + usage);
        }
    }

    @Test
    void helpIsACommandAndAFlag() {
        assertEquals("help", ServeOptions.parse(new String[] {"help"}, defaults).command());
        assertEquals("help", ServeOptions.parse(new String[] {"--port", "1", "--help"}, defaults).command());
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertMessage("unknown command 'launch'", "launch");
        assertMessage("Unknown option: '--verbose'", "--verbose");
        assertMessage("Missing required parameter for option '--port' (N)", "--port");
        assertMessage("--port must be an integer from 0 to 65535", "--port", "70000");
        assertMessage("--port must be an integer from 0 to 65535", "--port", "eighty");
        assertMessage("--scale must be a number above 0 and at most 100, got '-1'", "--scale", "-1");
    }

    private void assertMessage(String expected, String... args) {
        ParameterException e = assertThrows(ParameterException.class, () -> ServeOptions.parse(args, defaults));
        assertEquals(expected, e.getMessage());
    }
}

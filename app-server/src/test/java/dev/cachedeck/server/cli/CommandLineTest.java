package dev.cachedeck.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.server.ServerSettings;
import io.helidon.config.Config;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    private final ServerSettings defaults = ServerSettings.load(Config.create(), Map.of());

    @Test
    void defaultsComeFromApplicationYaml() {
        CommandLine.Parsed parsed = CommandLine.parse(new String[0], defaults);
        assertEquals("serve", parsed.command());
        assertEquals("127.0.0.1", parsed.settings().host());
        assertEquals(8080, parsed.settings().port());
        assertEquals(1.0, parsed.settings().scale());
        assertEquals(false, parsed.settings().inMemory());
    }

    @Test
    void flagsOverrideDefaults() {
        ServerSettings settings = CommandLine.parse(
                new String[] {"serve", "--port", "0", "--data-dir", "/tmp/cd", "--scale", "0.5"}, defaults).settings();
        assertEquals(0, settings.port());
        assertEquals(Path.of("/tmp/cd"), settings.dataDir());
        assertEquals(0.5, settings.scale());
        assertTrue(CommandLine.parse(new String[] {"--in-memory"}, defaults).settings().inMemory());
    }

    @Test
    void environmentOverridesConfigButNotFlags() {
        ServerSettings fromEnv = ServerSettings.load(Config.create(),
                Map.of("REDIS_URL", "redis://127.0.0.1:7000", "CACHEDECK_ADMIN_TOKEN", "s3cret"));
        assertEquals("redis://127.0.0.1:7000", fromEnv.redisUrl().orElseThrow());
        assertEquals("s3cret", fromEnv.adminToken().orElseThrow());
        assertEquals(9000, CommandLine.parse(new String[] {"--port", "9000"}, fromEnv).settings().port());
    }

    @Test
    void helpIsACommandAndAFlag() {
        assertEquals("help", CommandLine.parse(new String[] {"help"}, defaults).command());
        assertEquals("help", CommandLine.parse(new String[] {"--port", "1", "--help"}, defaults).command());
    }

    @Test
    void badArgumentsSayWhatIsWrong() {
        assertMessage("unknown command 'launch'", "launch");
        assertMessage("unknown option '--verbose'", "--verbose");
        assertMessage("--port needs a value", "--port");
        assertMessage("--port must be an integer from 0 to 65535", "--port", "70000");
        assertMessage("--port must be an integer from 0 to 65535", "--port", "eighty");
        assertMessage("--scale must be a number above 0 and at most 100, got '-1'", "--scale", "-1");
    }

    private void assertMessage(String expected, String... args) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CommandLine.parse(args, defaults));
        assertEquals(expected, e.getMessage());
    }
}

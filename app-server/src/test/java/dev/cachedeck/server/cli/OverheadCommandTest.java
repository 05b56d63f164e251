package dev.cachedeck.server.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.server.ServerSettings;
import io.helidon.config.Config;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class OverheadCommandTest {
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine line = OverheadCommand.commandLine(ServerSettings.load(Config.create(), Map.of()));
        line.setOut(new PrintWriter(out, true));
        line.setErr(new PrintWriter(err, true));
        return line.execute(args);
    }

    @Test
    void aBadCommandLineExitsWithTwoBeforeAnyServerStarts() {
        assertEquals(2, run("--seconds", "0"));
        assertTrue(err.toString().contains("--seconds must be a positive integer"), err.toString());
        assertEquals(2, run("--rounds", "many"));
        assertEquals(2, run("--verbose"));
    }

    @Test
    void helpNamesEveryOptionWithItsDefault() {
        assertEquals(0, run("--help"));
        for (String expected : new String[] {"--seconds N", "--rounds N", "--connections N", "--scale F", "0.05", "--hit-path"}) {
            assertTrue(out.toString().contains(expected), expected + " in\n" + out);
        }
    }
}

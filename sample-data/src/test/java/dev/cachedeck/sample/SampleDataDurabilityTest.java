package dev.cachedeck.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A load that reported success survives the process dying right after, without a clean close. */
class SampleDataDurabilityTest {

    @Test
    void completedLoadIsTrustedAfterTheLoaderDiesWithoutClosing(@TempDir Path dir) throws Exception {
        // No WRITE_DELAY in the URL: the loader itself must make its completion marker durable.
        String url = "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath();
        Process child = new ProcessBuilder(javaBinary(), "-cp", classPath(), LoadThenHalt.class.getName(), url)
                .redirectErrorStream(true)
                .start();
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the loader finishes");
        String output = new String(child.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, child.exitValue(), output);
        assertTrue(output.contains("loaded"), output);

        assertTrue(SampleDataLoader.forJdbcUrl(url, "sa", "").isLoaded(), "the finished load is recognised");
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}

package dev.cachedeck.server.restart;

import dev.cachedeck.server.TestServers;
import dev.cachedeck.server.cli.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The real server in a child JVM on the test's class path, so a test can kill it as {@code kill -9} does
 * (no shutdown hook, no clean close of the database) and start it again on the same data directory.
 */
public final class ChildServer implements AutoCloseable {
    private static final String READY = "CacheDeck server listening on ";

    private final Process process;
    private final URI baseUri;
    private final StringBuilder output = new StringBuilder();

    private ChildServer(Process process) {
        this.process = process;
        this.baseUri = awaitReady();
    }

    static ChildServer start(Path dataDir, String redisUrl) {
        return start(dataDir, redisUrl, Map.of());
    }

    /** A child server whose configuration has {@code config} (keys such as {@code cachedeck.cache.prefix}) on top. */
    public static ChildServer start(Path dataDir, String redisUrl, Map<String, String> config) {
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-cp", classPath(), Main.class.getName(), "serve",
                "--port", "0", "--data-dir", dataDir.toString(), "--scale", Double.toString(TestServers.SCALE)));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("REDIS_URL", redisUrl);
        builder.environment().put("CACHEDECK_ADMIN_TOKEN", TestServers.ADMIN_TOKEN);
        try {
            return new ChildServer(builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI baseUri() {
        return baseUri;
    }

    /** SIGKILL: the process ends at once, as {@code kill -9} ends it. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM: the shutdown hook closes the server. */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    String output() {
        synchronized (output) {
            return output.toString();
        }
    }

    private URI awaitReady() {
        CompletableFuture<URI> ready = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("child-server-output").start(() -> {
            try (BufferedReader lines = new BufferedReader(
                    new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    synchronized (output) {
                        output.append(line).append('\n');
                    }
                    if (line.startsWith(READY)) {
                        ready.complete(URI.create(line.substring(READY.length()).trim()));
                    }
                }
                ready.completeExceptionally(new IllegalStateException("server exited before it was ready:\n" + output()));
            } catch (IOException e) {
                ready.completeExceptionally(e);
            }
        });
        try {
            return ready.get(120, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
            throw new IllegalStateException("child server did not start:\n" + output(), e);
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }

    // Surefire may start the tests from a manifest-only jar; this property holds the real class path.
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }
}

package dev.cachedeck.server.cli;

import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.ServerSettings;
import dev.cachedeck.server.bench.BenchClient;
import dev.cachedeck.server.bench.BenchOptions;
import java.io.Console;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * {@code cachedeck-server.jar bench}: against {@code --server} the load comes from this command's own process
 * and the server's admin API only switches the phases ({@code --in-server}: the server generates it); without
 * {@code --server} an in-memory server is started in this process first. {@link BenchClient} does the rest.
 */
public final class BenchCommand {
    public static final String NAME = "bench";

    private final PrintStream out;
    private final PrintStream progress;
    private final boolean terminal;

    /** {@code terminal}: whether {@code progress} is a terminal that can redraw a bar in place. */
    public BenchCommand(PrintStream out, PrintStream progress, boolean terminal) {
        this.out = out;
        this.progress = progress;
        this.terminal = terminal;
    }

    /**
     * Whether this process writes to a terminal. On Java 21 a console exists only then; from Java 22 it may exist
     * for redirected output too and says so through {@code isTerminal()}, looked up by name since the code is
     * compiled for 21.
     */
    public static boolean onTerminal() {
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    /** Runs the scenario; the exit status is 0 when it finished, 1 when it failed or was stopped, 2 on bad input. */
    public int run(BenchOptions options, ServerSettings embeddedDefaults) throws IOException, InterruptedException {
        BenchClient client = new BenchClient(out, progress, terminal);
        if (options.server().isPresent()) {
            return client.run(options, options.server().get(), options.token().orElseThrow(), embeddedDefaults.bench(),
                    BenchClient.SEPARATE);
        }
        progress.printf(Locale.ROOT, "starting an embedded in-memory server at scale %.2f...%n", options.scale());
        try (CacheDeckServer server = CacheDeckServer.start(embeddedDefaults.withInMemory(true)
                .withScale(options.scale()).withPort(0))) {
            return client.run(options, server.baseUri(), server.adminToken(), embeddedDefaults.bench(),
                    BenchClient.BESIDE_EMBEDDED);
        }
    }
}

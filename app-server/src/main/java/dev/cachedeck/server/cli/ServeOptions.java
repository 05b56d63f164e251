package dev.cachedeck.server.cli;

import dev.cachedeck.server.ServerSettings;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code [serve | help] [--port N] [--data-dir DIR | --in-memory] [--scale F]}, parsed by picocli. Each flag
 * becomes a configuration override on top of {@code application.yaml} and the environment, in the order given,
 * so of {@code --data-dir} and {@code --in-memory} the later wins.
 */
@Command(name = "java -jar cachedeck-server.jar", sortOptions = false,
        description = "Runs the CacheDeck server (serve, the default), or prints this text (help).",
        footer = {"", "Other commands:",
                "  bench [options]     the before/after scenario (bench --help, docs/bench.md)",
                "  overhead [options]  what instrumentation costs (docs/metrics.md)",
                "Environment: REDIS_URL, CACHEDECK_ADMIN_TOKEN, CACHEDECK_JDBC_URL, CACHEDECK_JDBC_USER, CACHEDECK_JDBC_PASSWORD"})
final class ServeOptions {
    @Spec
    private CommandSpec spec;

    private final Map<String, String> overrides = new LinkedHashMap<>();

    @Parameters(arity = "0..1", paramLabel = "serve|help", description = "what to run (default: serve)")
    private String command = "serve";

    @Option(names = "--help", usageHelp = true, order = 5, description = "print this text")
    private boolean help;

    /** A parsed command line: what to run and the settings to run it with. */
    record Parsed(String command, ServerSettings settings) {
    }

    @Option(names = "--port", paramLabel = "N", order = 1,
            description = "port to listen on (0 picks a free one; default from application.yaml: 8080)")
    private void port(String raw) {
        try {
            int port = Integer.parseInt(raw);
            if (port >= 0 && port <= 65535) {
                overrides.put("server.port", Integer.toString(port));
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(spec.commandLine(), "--port must be an integer from 0 to 65535");
    }

    @Option(names = "--data-dir", paramLabel = "DIR", order = 2,
            description = "keep the H2 database in DIR (default ./data)")
    private void dataDir(String dir) {
        overrides.put("cachedeck.data.dir", dir);
        overrides.put("cachedeck.data.in-memory", "false");
    }

    @Option(names = "--in-memory", order = 3,
            description = "keep the database in memory (sample data is loaded at every start)")
    private void inMemory(boolean inMemory) {
        overrides.put("cachedeck.data.in-memory", "true");
    }

    @Option(names = "--scale", paramLabel = "F", order = 4,
            description = "sample-data scale on first start (1.0 = 10k users, 500k reviews)")
    private void scale(String raw) {
        try {
            double scale = Double.parseDouble(raw);
            if (scale > 0 && scale <= 100) {
                overrides.put("cachedeck.data.scale", Double.toString(scale));
                return;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new ParameterException(spec.commandLine(), String.format(Locale.ROOT,
                "--scale must be a number above 0 and at most 100, got '%s'", raw));
    }

    /** Parses {@code args} onto {@code defaults}; a bad command line is a {@link ParameterException}. */
    static Parsed parse(String[] args, ServerSettings defaults) {
        ServeOptions options = new ServeOptions();
        CommandLine line = new CommandLine(options);
        line.parseArgs(args);
        if (line.isUsageHelpRequested() || options.command.equals("help")) {
            return new Parsed("help", defaults);
        }
        if (!options.command.equals("serve")) {
            throw new ParameterException(line, "unknown command '" + options.command + "'");
        }
        return new Parsed(options.command, defaults.with(options.overrides));
    }

    /** The generated usage text. */
    static String usage() {
        StringWriter text = new StringWriter();
        new CommandLine(new ServeOptions()).usage(new PrintWriter(text));
        return text.toString();
    }
}

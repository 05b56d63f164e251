package dev.cachedeck.sample;

import dev.cachedeck.sample.CliOptions.CsvTarget;
import dev.cachedeck.sample.CliOptions.JdbcTarget;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/** Writes a sample dataset as CSV files or loads it into an empty database. */
public final class SampleDataCli {
    static final int EXIT_OK = 0;
    static final int EXIT_FAILED = 1;
    static final int EXIT_BAD_ARGUMENTS = 2;
    private SampleDataCli() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (List.of(args).equals(List.of("--help")) || List.of(args).equals(List.of("-h"))) {
            out.print(CliOptions.commandLine().getUsageMessage());
            return EXIT_OK;
        }
        CliOptions options;
        try {
            options = CliOptions.parse(args);
        } catch (IllegalArgumentException e) {
            err.println("error: " + e.getMessage());
            err.print(CliOptions.commandLine().getUsageMessage());
            return EXIT_BAD_ARGUMENTS;
        }
        try {
            out.println(execute(options));
            return EXIT_OK;
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            err.println("error: " + e.getMessage());
            return EXIT_FAILED;
        }
    }

    private static String execute(CliOptions options) throws IOException {
        return switch (options.target()) {
            case CsvTarget(Path dir) -> "wrote dir=" + dir + " rows=" + new CsvDatasetWriter(dir).write(options.spec());
            case JdbcTarget(String url, String user, String password) ->
                    "loaded " + SampleDataLoader.forJdbcUrl(url, user, password).load(options.spec());
        };
    }
}

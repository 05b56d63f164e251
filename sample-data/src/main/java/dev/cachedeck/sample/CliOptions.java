package dev.cachedeck.sample;

import java.nio.file.Path;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** What {@link SampleDataCli} was asked to do: which dataset, and where it goes. */
record CliOptions(DatasetSpec spec, Target target) {

    sealed interface Target permits CsvTarget, JdbcTarget {
    }

    record CsvTarget(Path dir) implements Target {
    }

    /** User and password are null when not given, leaving them to the URL or the driver's defaults. */
    record JdbcTarget(String url, String user, String password) implements Target {
    }

    /** The command line as picocli sees it: exactly one target, then the dataset. */
    @Command(name = "SampleDataCli", sortOptions = false, separator = " ",
            description = "Writes a sample dataset as CSV files or loads it into an empty database.")
    static final class Line {
        @ArgGroup(multiplicity = "1")
        Destination destination;

        @Option(names = "--seed", paramLabel = "N",
                description = "dataset seed, the same seed gives the same data (default ${DEFAULT-VALUE})")
        long seed = DatasetSpec.DEFAULT_SEED;

        @Option(names = "--scale", paramLabel = "F",
                description = "dataset size, 1.0 = 10k users, 50k jobs, 500k reviews, 200k payments "
                        + "(default ${DEFAULT-VALUE})")
        double scale = DatasetSpec.DEFAULT_SCALE;

        @Option(names = {"--help", "-h"}, usageHelp = true, description = "print this text")
        boolean help;
    }

    /** Either a directory of CSV files or a database, never both. */
    static final class Destination {
        @Option(names = "--csv-dir", paramLabel = "DIR", required = true,
                description = "write users.csv, jobs.csv, reviews.csv, payments.csv (RFC 4180, header row) into DIR")
        Path csvDir;

        @ArgGroup(exclusive = false)
        Database database;
    }

    static final class Database {
        @Option(names = "--jdbc-url", paramLabel = "URL", required = true,
                description = "create the schema in this empty database and load the data; the driver must be "
                        + "on the class path (H2 and PostgreSQL are; PostgreSQL loads by COPY)")
        String url;

        @Option(names = "--user", paramLabel = "U", description = "database user")
        String user;

        @Option(names = "--password", paramLabel = "P", description = "database password")
        String password;
    }

    /** A new picocli command line over a fresh {@link Line}, for parsing or for the usage text. */
    static CommandLine commandLine() {
        return new CommandLine(new Line());
    }

    /** Parses the arguments; throws IllegalArgumentException with a message naming the problem. */
    static CliOptions parse(String... args) {
        CommandLine commandLine = commandLine();
        try {
            commandLine.parseArgs(args);
        } catch (ParameterException e) {
            // Some of picocli's messages start with "Error: "; the CLI prints its own "error: " prefix.
            throw new IllegalArgumentException(e.getMessage().replaceFirst("^Error: ", ""), e);
        }
        Line line = commandLine.getCommand();
        return new CliOptions(DatasetSpec.of(line.seed, line.scale), target(line.destination));
    }

    private static Target target(Destination destination) {
        if (destination.csvDir != null) {
            return new CsvTarget(destination.csvDir);
        }
        Database database = destination.database;
        if (!database.url.startsWith("jdbc:")) {
            throw new IllegalArgumentException("--jdbc-url must start with jdbc:, got " + database.url);
        }
        return new JdbcTarget(database.url, database.user, database.password);
    }
}

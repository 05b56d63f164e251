package dev.cachedeck.server.restart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A file in the data directory that exists while the server runs and is removed when it stops cleanly. Found
 * at start, it says the last run ended without a clean stop (killed, crashed, power lost): a write may have
 * been committed without its invalidation, and on H2 a commit not yet forced to the disk may be gone.
 */
public final class RunMarker implements AutoCloseable {
    static final String FILE_NAME = "cachedeck.running";

    private final Optional<Path> file;
    private final boolean lastRunEndedUncleanly;

    private RunMarker(Optional<Path> file, boolean lastRunEndedUncleanly) {
        this.file = file;
        this.lastRunEndedUncleanly = lastRunEndedUncleanly;
    }

    /** The database lives and dies with the process (in memory): nothing to learn from an earlier run. */
    public static RunMarker none() {
        return new RunMarker(Optional.empty(), false);
    }

    public static RunMarker begin(Path dataDir) {
        Path file = dataDir.resolve(FILE_NAME);
        try {
            boolean found = Files.exists(file);
            Files.createDirectories(dataDir);
            Files.writeString(file, Long.toString(ProcessHandle.current().pid()));
            return new RunMarker(Optional.of(file), found);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    boolean lastRunEndedUncleanly() {
        return lastRunEndedUncleanly;
    }

    @Override
    public void close() throws IOException {
        if (file.isPresent()) {
            Files.deleteIfExists(file.get());
        }
    }
}

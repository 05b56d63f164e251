package dev.cachedeck.server.restart;

import dev.cachedeck.server.store.ConstraintViolationException;
import dev.cachedeck.server.store.Jdbc;
import java.util.Optional;
import java.util.UUID;

/**
 * The database's epoch: a random id written once, when the table is first found empty, and kept for the
 * database's life. A fresh database (in memory at every start, a deleted data directory, another JDBC URL)
 * has a new one, so Redis entries filled from an earlier database can be recognised.
 */
final class EpochTable {
    private static final String CREATE = """
            CREATE TABLE IF NOT EXISTS cache_epoch (id SMALLINT PRIMARY KEY, epoch VARCHAR(36) NOT NULL)""";
    private static final String SELECT = "SELECT epoch FROM cache_epoch WHERE id = 1";
    private static final String INSERT = "INSERT INTO cache_epoch (id, epoch) VALUES (1, ?)";

    private final Jdbc jdbc;

    EpochTable(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    /** The epoch, created when there is none yet; of two instances creating it at once, the first insert wins. */
    String epoch() {
        jdbc.transaction(session -> session.update(CREATE));
        return read().orElseGet(() -> {
            try {
                String created = UUID.randomUUID().toString();
                jdbc.transaction(session -> session.update(INSERT, created));
                return created;
            } catch (ConstraintViolationException anotherInstanceWasFirst) {
                return read().orElseThrow();
            }
        });
    }

    private Optional<String> read() {
        return jdbc.read(session -> session.one(SELECT, row -> row.getString(1)));
    }
}

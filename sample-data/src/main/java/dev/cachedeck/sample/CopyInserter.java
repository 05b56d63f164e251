package dev.cachedeck.sample;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * Streams a generated table into PostgreSQL with {@code COPY ... FROM STDIN (FORMAT csv)}: one
 * statement per table instead of one batched INSERT per thousand rows.
 */
final class CopyInserter implements TableInserter {
    private static final int FLUSH_BYTES = 256 * 1024;

    private final Connection connection;

    CopyInserter(Connection connection) {
        this.connection = connection;
    }

    /** True when the connection (or the pool's wrapper around it) is pgJDBC's, so COPY is there. */
    static boolean supports(Connection connection) throws SQLException {
        return connection.isWrapperFor(PGConnection.class);
    }

    @Override
    public long insert(MarketplaceTable table, MarketplaceGenerator generator) throws SQLException {
        String sql = "COPY " + table.tableName() + " (" + String.join(", ", table.columns()) + ") FROM STDIN (FORMAT csv)";
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql);
        ByteArrayOutputStream buffer = new ByteArrayOutputStream(FLUSH_BYTES + 4096);
        long[] count = {0};
        try {
            table.rows(generator, values -> {
                buffer.writeBytes(CsvDatasetWriter.record(asWrittenByJdbc(values)).getBytes(StandardCharsets.UTF_8));
                count[0]++;
                if (buffer.size() >= FLUSH_BYTES) {
                    flush(copy, buffer, table);
                }
            });
            flush(copy, buffer, table);
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
        connection.commit();
        return count[0];
    }

    /**
     * The loader's INSERT path binds instants with {@code setTimestamp}, which stores the wall-clock
     * time of the JVM's zone in a TIMESTAMP column; COPY must store the same, not the instant's UTC text.
     */
    private static Object[] asWrittenByJdbc(Object[] values) {
        Object[] converted = values.clone();
        for (int i = 0; i < converted.length; i++) {
            if (converted[i] instanceof Instant instant) {
                converted[i] = Timestamp.from(instant).toString();
            }
        }
        return converted;
    }

    private static void flush(CopyIn copy, ByteArrayOutputStream buffer, MarketplaceTable table) {
        try {
            copy.writeToCopy(buffer.toByteArray(), 0, buffer.size());
            buffer.reset();
        } catch (SQLException e) {
            throw new IllegalStateException("COPY into " + table.tableName() + " failed: " + e.getMessage(), e);
        }
    }
}

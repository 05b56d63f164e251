package dev.cachedeck.sample;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;

/** Inserts a generated table through one prepared statement, in JDBC batches, committing every so many rows. */
final class BatchInserter implements TableInserter {
    private final Connection connection;
    private final int batchSize;
    private final int rowsPerCommit;

    /** {@code rowsPerCommit} must be a multiple of {@code batchSize}; the connection must not auto-commit. */
    BatchInserter(Connection connection, int batchSize, int rowsPerCommit) {
        if (batchSize <= 0 || rowsPerCommit % batchSize != 0) {
            throw new IllegalArgumentException("rowsPerCommit=" + rowsPerCommit + " is not a multiple of batchSize=" + batchSize);
        }
        this.connection = connection;
        this.batchSize = batchSize;
        this.rowsPerCommit = rowsPerCommit;
    }

    @Override
    public long insert(MarketplaceTable table, MarketplaceGenerator generator) throws SQLException {
        long[] count = {0};
        try (PreparedStatement statement = connection.prepareStatement(table.insertSql())) {
            table.rows(generator, values -> {
                try {
                    bind(statement, values);
                    statement.addBatch();
                    if (++count[0] % batchSize == 0) {
                        statement.executeBatch();
                        if (count[0] % rowsPerCommit == 0) {
                            connection.commit();
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("insert into " + table.tableName() + " failed: " + e.getMessage(), e);
                }
            });
            statement.executeBatch();
        }
        connection.commit();
        return count[0];
    }

    private static void bind(PreparedStatement statement, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            int index = i + 1;
            switch (values[i]) {
                case null -> statement.setNull(index, Types.NULL);
                case Instant instant -> statement.setTimestamp(index, Timestamp.from(instant));
                case BigDecimal decimal -> statement.setBigDecimal(index, decimal);
                case String text -> statement.setString(index, text);
                case Long number -> statement.setLong(index, number);
                case Integer number -> statement.setInt(index, number);
                case Boolean flag -> statement.setBoolean(index, flag);
                default -> throw new IllegalArgumentException("unsupported column value " + values[i].getClass());
            }
        }
    }
}

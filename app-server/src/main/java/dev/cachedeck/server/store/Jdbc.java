package dev.cachedeck.server.store;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Runs repository work on a pooled connection and turns SQL failures into the two outcomes the
 * API distinguishes: the database is unavailable (503) or a constraint was broken (409).
 */
public final class Jdbc {
    private final DataSource dataSource;

    public Jdbc(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @FunctionalInterface
    public interface Work<T> {
        T run(SqlSession session) throws SQLException;
    }

    /** Runs read-only work with auto-commit. */
    public <T> T read(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(new SqlSession(connection));
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Runs work in one transaction, rolled back if it throws. */
    public <T> T transaction(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                T result = work.run(new SqlSession(connection));
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    /** Product name and version, after checking a connection answers within two seconds. */
    public String probe() {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.isValid(2)) {
                throw new DatabaseUnavailableException("connection is not valid", null);
            }
            var meta = connection.getMetaData();
            return meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
        } catch (SQLException e) {
            throw translate(e);
        }
    }

    private static RuntimeException translate(SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.startsWith("23")) {
            return new ConstraintViolationException(e.getMessage(), e);
        }
        return new DatabaseUnavailableException("database error sqlState=" + state, e);
    }
}

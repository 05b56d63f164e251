package dev.cachedeck.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Creates the schema in any JDBC database and fills it with a generated dataset: tables first, rows
 * in batches (through COPY on PostgreSQL), then indexes and foreign keys over the loaded rows.
 */
public final class SampleDataLoader {
    private static final Logger LOG = Logger.getLogger(SampleDataLoader.class.getName());
    private static final String COMPLETION_TABLE = "sample_data_load";
    private static final int BATCH = 1_000;
    private static final int ROWS_PER_COMMIT = 20_000;

    private interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final ConnectionSource connections;

    public SampleDataLoader(DataSource dataSource) {
        this(dataSource::getConnection);
    }

    private SampleDataLoader(ConnectionSource connections) {
        this.connections = connections;
    }

    /** A loader for a database given by URL; its JDBC driver must be on the class path. User and password may be null. */
    public static SampleDataLoader forJdbcUrl(String url, String user, String password) {
        return new SampleDataLoader(() -> DriverManager.getConnection(url, user, password));
    }

    /** Rows loaded per table and the time it took. */
    public record LoadReport(Map<String, Long> rows, long millis) {
        @Override
        public String toString() {
            return "rows=" + rows + " ms=" + millis;
        }
    }

    /** True when the users table exists and has rows, i.e. an earlier start already loaded data. */
    public boolean isLoaded() {
        try (Connection connection = connections.open()) {
            if (!tableExists(connection, "users")) {
                return false;
            }
            if (!tableExists(connection, COMPLETION_TABLE)) {
                // Loading commits in batches, so an interrupted load leaves rows without indexes or keys.
                throw new IllegalStateException("an earlier sample-data load into this database did not finish; "
                        + "delete the database (the server's data dir) and start again");
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException("could not inspect the database: " + e.getMessage(), e);
        }
    }

    private static boolean tableExists(Connection connection, String name) throws SQLException {
        // Only the connection's own schema: H2's INFORMATION_SCHEMA has a USERS table too.
        try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), "%", null)) {
            while (tables.next()) {
                if (tables.getString("TABLE_NAME").equalsIgnoreCase(name)) {
                    return true;
                }
            }
            return false;
        }
    }

    public LoadReport load(DatasetSpec spec) {
        long start = System.nanoTime();
        MarketplaceGenerator generator = new MarketplaceGenerator(spec);
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection connection = connections.open()) {
            connection.setAutoCommit(false);
            execute(connection, SchemaScript.TABLES.statements());
            boolean postgres = CopyInserter.supports(connection);
            TableInserter inserter = postgres
                    ? new CopyInserter(connection)
                    : new BatchInserter(connection, BATCH, ROWS_PER_COMMIT);
            for (MarketplaceTable table : MarketplaceTable.values()) {
                rows.put(table.tableName(), loadTable(connection, inserter, table, generator));
            }
            addKeysAndIndexes(connection);
            if (postgres) {
                // Until autovacuum gets round to them, freshly copied tables have no planner statistics
                // and the first requests would be planned as if the tables were empty.
                execute(connection, List.of("ANALYZE"));
            }
            markComplete(connection, spec);
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("sample data load failed: " + e.getMessage(), e);
        }
        LoadReport report = new LoadReport(rows, millisSince(start));
        LOG.info(() -> "sample-data loaded seed=" + spec.seed() + " scale=" + spec.scale() + " " + report);
        return report;
    }

    private static long loadTable(Connection connection, TableInserter inserter, MarketplaceTable table,
                                  MarketplaceGenerator generator) throws SQLException {
        long start = System.nanoTime();
        long count = inserter.insert(table, generator);
        continueIdentityAfterLoadedIds(connection, table.tableName());
        long millis = millisSince(start);
        LOG.info(() -> "sample-data loaded table=" + table.tableName() + " rows=" + count + " ms=" + millis);
        return count;
    }

    private static void addKeysAndIndexes(Connection connection) throws SQLException {
        long start = System.nanoTime();
        List<String> statements = SchemaScript.KEYS_AND_INDEXES.statements();
        execute(connection, statements);
        long millis = millisSince(start);
        LOG.info(() -> "sample-data indexed statements=" + statements.size() + " ms=" + millis);
    }

    /** The last step: {@link #isLoaded()} trusts a database only when this table exists, so it is made durable. */
    private static void markComplete(Connection connection, DatasetSpec spec) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE " + COMPLETION_TABLE + " (seed BIGINT NOT NULL, scale DOUBLE PRECISION NOT NULL)");
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + COMPLETION_TABLE + " VALUES (?, ?)")) {
            insert.setLong(1, spec.seed());
            insert.setDouble(2, spec.scale());
            insert.executeUpdate();
        }
        connection.commit();
        makeDurable(connection);
    }

    /**
     * H2 writes committed pages to its file up to its write delay (500 ms by default) later and never forces
     * them to the disk on commit, so a process killed right after the load would leave a database without its
     * completion marker. {@code CHECKPOINT SYNC} writes and forces everything now. Other databases make a commit
     * durable themselves (PostgreSQL with its default {@code synchronous_commit = on}).
     */
    private static void makeDurable(Connection connection) throws SQLException {
        if (connection.getMetaData().getDatabaseProductName().equals("H2")) {
            try (Statement statement = connection.createStatement()) {
                statement.execute("CHECKPOINT SYNC");
            }
        }
    }

    // Rows were inserted with explicit ids; new rows from the API must continue after them.
    private static void continueIdentityAfterLoadedIds(Connection connection, String table) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            long maxId;
            try (ResultSet result = statement.executeQuery("SELECT COALESCE(MAX(id), 0) FROM " + table)) {
                result.next();
                maxId = result.getLong(1);
            }
            statement.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + (maxId + 1));
        }
        connection.commit();
    }

    private static void execute(Connection connection, List<String> statements) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
        connection.commit();
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}

package dev.cachedeck.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Logger;
import javax.sql.DataSource;

/** Creates the schema in any JDBC database and fills it with a generated dataset, in batches. */
public final class SampleDataLoader {
    private static final Logger LOG = Logger.getLogger(SampleDataLoader.class.getName());
    private static final String SCHEMA = "/dev/cachedeck/sample/schema.sql";
    private static final int BATCH = 1_000;
    private static final int BATCHES_PER_COMMIT = 20;

    private static final String INSERT_USER = """
            INSERT INTO users (id, display_name, email, bio, skills, hourly_rate, location, is_client, member_since,
              updated_at, api_token) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String INSERT_JOB = """
            INSERT INTO jobs (id, client_id, title, description, budget, status, skills, created_at, updated_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String INSERT_REVIEW = """
            INSERT INTO reviews (id, reviewer_id, reviewed_id, job_id, rating, text, is_read, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """;
    private static final String INSERT_PAYMENT = """
            INSERT INTO payments (id, payer_id, payee_id, job_id, amount, currency, status, created_at)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?)
            """;

    private final DataSource dataSource;

    public SampleDataLoader(DataSource dataSource) {
        this.dataSource = dataSource;
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
        try (Connection connection = dataSource.getConnection()) {
            boolean exists;
            // Only the connection's own schema: H2's INFORMATION_SCHEMA has a USERS table too.
            try (ResultSet tables = connection.getMetaData().getTables(null, connection.getSchema(), "%", null)) {
                exists = false;
                while (tables.next()) {
                    exists |= tables.getString("TABLE_NAME").equalsIgnoreCase("users");
                }
            }
            if (!exists) {
                return false;
            }
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT COUNT(*) FROM users")) {
                return rows.next() && rows.getLong(1) > 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not inspect the database: " + e.getMessage(), e);
        }
    }

    public LoadReport load(DatasetSpec spec) {
        long start = System.nanoTime();
        MarketplaceGenerator generator = new MarketplaceGenerator(spec);
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            createSchema(connection);
            rows.put("users", insert(connection, "users", INSERT_USER, sink -> generator.users(u -> sink.accept(new Object[] {
                    u.id(), u.displayName(), u.email(), u.bio(), u.skills(), u.hourlyRate(), u.location(), u.client(),
                    u.memberSince(), u.updatedAt(), u.apiToken()}))));
            rows.put("jobs", insert(connection, "jobs", INSERT_JOB, sink -> generator.jobs(j -> sink.accept(new Object[] {
                    j.id(), j.clientId(), j.title(), j.description(), j.budget(), j.status(), j.skills(), j.createdAt(),
                    j.updatedAt()}))));
            rows.put("reviews", insert(connection, "reviews", INSERT_REVIEW, sink -> generator.reviews(r -> sink.accept(new Object[] {
                    r.id(), r.reviewerId(), r.reviewedId(), r.jobId(), r.rating(), r.text(), r.read(), r.createdAt()}))));
            rows.put("payments", insert(connection, "payments", INSERT_PAYMENT, sink -> generator.payments(p -> sink.accept(new Object[] {
                    p.id(), p.payerId(), p.payeeId(), p.jobId(), p.amount(), p.currency(), p.status(), p.createdAt()}))));
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw new IllegalStateException("sample data load failed: " + e.getMessage(), e);
        }
        LoadReport report = new LoadReport(rows, (System.nanoTime() - start) / 1_000_000);
        LOG.info(() -> "sample-data loaded seed=" + spec.seed() + " scale=" + spec.scale() + " " + report);
        return report;
    }

    private static void createSchema(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            for (String sql : schemaStatements()) {
                statement.execute(sql);
            }
        }
        connection.commit();
    }

    static List<String> schemaStatements() {
        try (InputStream in = SampleDataLoader.class.getResourceAsStream(SCHEMA)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing: " + SCHEMA);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String withoutComments = text.lines().filter(line -> !line.trim().startsWith("--"))
                    .reduce("", (a, b) -> a + b + "\n");
            return Arrays.stream(withoutComments.split(";\\s*\\n")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private interface RowSource {
        void emit(Consumer<Object[]> sink);
    }

    private static long insert(Connection connection, String table, String sql, RowSource source) throws SQLException {
        long start = System.nanoTime();
        long[] count = {0};
        long[] maxId = {0};
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            source.emit(values -> {
                try {
                    bind(statement, values);
                    statement.addBatch();
                    maxId[0] = Math.max(maxId[0], (Long) values[0]);
                    if (++count[0] % BATCH == 0) {
                        statement.executeBatch();
                        if (count[0] % (BATCH * BATCHES_PER_COMMIT) == 0) {
                            connection.commit();
                        }
                    }
                } catch (SQLException e) {
                    throw new IllegalStateException("insert into " + table + " failed: " + e.getMessage(), e);
                }
            });
            statement.executeBatch();
        }
        try (Statement statement = connection.createStatement()) {
            // Rows were inserted with explicit ids; new rows from the API must continue after them.
            statement.execute("ALTER TABLE " + table + " ALTER COLUMN id RESTART WITH " + (maxId[0] + 1));
        }
        connection.commit();
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info(() -> "sample-data loaded table=" + table + " rows=" + count[0] + " ms=" + millis);
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

package dev.cachedeck.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.sample.SampleDataLoader.LoadReport;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** On H2 (INSERT batches); {@link SampleDataLoaderOnPostgresTest} runs the same tests on PostgreSQL (COPY). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleDataLoaderTest {
    private static final DatasetSpec SPEC = DatasetSpec.of(DatasetSpec.DEFAULT_SEED, 0.02);
    private static final DatasetSpec SMALL_SPEC = DatasetSpec.of(DatasetSpec.DEFAULT_SEED, 0.01);

    /** Loaded once and only read, so the tests below can share it. */
    private DataSource loaded;
    private LoadReport report;

    /** A new, empty database of the kind under test. */
    DataSource freshDatabase() {
        return H2Databases.fresh();
    }

    /** The SQLSTATE this database gives a foreign key whose parent row is missing. */
    String missingParentRowState() {
        return "23506";
    }

    @BeforeAll
    void loadOnce() {
        loaded = freshDatabase();
        report = new SampleDataLoader(loaded).load(SPEC);
    }

    @Test
    void loadsAndReportsTheRowCountsOfTheSpec() throws SQLException {
        Map<String, Long> expected = Map.of("users", (long) SPEC.users(), "jobs", (long) SPEC.jobs(),
                "reviews", (long) SPEC.reviews(), "payments", (long) SPEC.payments());

        assertEquals(expected, report.rows());
        for (Map.Entry<String, Long> table : expected.entrySet()) {
            assertEquals(table.getValue(), count("SELECT COUNT(*) FROM " + table.getKey()), table.getKey());
        }
    }

    @Test
    void everyReviewReferencesExistingUsersAndJobs() throws SQLException {
        assertEquals(0, count("""
                SELECT COUNT(*) FROM reviews r
                LEFT JOIN users reviewer ON reviewer.id = r.reviewer_id
                LEFT JOIN users reviewed ON reviewed.id = r.reviewed_id
                LEFT JOIN jobs j ON j.id = r.job_id
                WHERE reviewer.id IS NULL OR reviewed.id IS NULL OR (r.job_id IS NOT NULL AND j.id IS NULL)
                """));
    }

    @Test
    void nobodyReviewsThemselvesAndRatingsAreOneToFive() throws SQLException {
        assertEquals(0, count("SELECT COUNT(*) FROM reviews WHERE reviewer_id = reviewed_id"));
        assertEquals(0, count("SELECT COUNT(*) FROM reviews WHERE rating NOT BETWEEN 1 AND 5"));
        assertEquals(5, count("SELECT COUNT(DISTINCT rating) FROM reviews"));
    }

    @Test
    void paymentsGoBetweenExistingDifferentUsersWithPositiveAmounts() throws SQLException {
        assertEquals(0, count("SELECT COUNT(*) FROM payments WHERE payer_id = payee_id OR amount <= 0"));
        assertEquals(0, count("""
                SELECT COUNT(*) FROM payments p
                LEFT JOIN users payer ON payer.id = p.payer_id
                LEFT JOIN users payee ON payee.id = p.payee_id
                LEFT JOIN jobs j ON j.id = p.job_id
                WHERE payer.id IS NULL OR payee.id IS NULL OR (p.job_id IS NOT NULL AND j.id IS NULL)
                """));
    }

    @Test
    void jobsArePostedByClients() throws SQLException {
        assertEquals(0, count("SELECT COUNT(*) FROM jobs j LEFT JOIN users u ON u.id = j.client_id"
                + " WHERE u.id IS NULL OR NOT u.is_client"));
    }

    @Test
    void foreignKeysAreInPlaceAfterLoad() throws SQLException {
        // Explicit, unused ids so that only the missing parent row can make these inserts fail.
        try (Connection connection = loaded.getConnection(); Statement statement = connection.createStatement()) {
            SQLException unknownUser = assertThrows(SQLException.class, () -> statement.executeUpdate("""
                    INSERT INTO reviews (id, reviewer_id, reviewed_id, rating, text, created_at)
                    VALUES (900000001, 1, 999999, 5, 'no such user', CURRENT_TIMESTAMP)
                    """));
            SQLException unknownJob = assertThrows(SQLException.class, () -> statement.executeUpdate("""
                    INSERT INTO payments (id, payer_id, payee_id, job_id, amount, currency, status, created_at)
                    VALUES (900000001, 1, 2, 999999, 10, 'USD', 'PENDING', CURRENT_TIMESTAMP)
                    """));
            assertEquals(missingParentRowState(), unknownUser.getSQLState());
            assertEquals(missingParentRowState(), unknownJob.getSQLState());
        }
    }

    @Test
    void secondaryIndexesAreCreatedAfterLoad() throws SQLException {
        Set<String> indexes = new HashSet<>();
        try (Connection connection = loaded.getConnection()) {
            var meta = connection.getMetaData();
            for (String table : new String[] {"jobs", "reviews", "payments"}) {
                String stored = meta.storesUpperCaseIdentifiers() ? table.toUpperCase(Locale.ROOT) : table;
                try (ResultSet rows = meta.getIndexInfo(null, connection.getSchema(), stored, false, true)) {
                    while (rows.next()) {
                        indexes.add(rows.getString("INDEX_NAME").toLowerCase(Locale.ROOT));
                    }
                }
            }
        }

        assertTrue(indexes.containsAll(Set.of("ix_jobs_client_created", "ix_jobs_status", "ix_reviews_reviewed_created",
                "ix_reviews_reviewer_created", "ix_reviews_job", "ix_payments_payer_created", "ix_payments_payee_created")),
                indexes.toString());
    }

    @Test
    void isLoadedIsFalseOnAnEmptyDatabaseAndTrueAfterLoad() {
        SampleDataLoader loader = new SampleDataLoader(freshDatabase());

        assertFalse(loader.isLoaded());
        loader.load(SMALL_SPEC);
        assertTrue(loader.isLoaded());
    }

    @Test
    void anInterruptedLoadIsReportedInsteadOfTrusted() throws SQLException {
        DataSource dataSource = freshDatabase();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String sql : SchemaScript.TABLES.statements()) {
                statement.execute(sql);
            }
            statement.executeUpdate("""
                    INSERT INTO users (display_name, email, member_since, updated_at, api_token)
                    VALUES ('Half Loaded', 'half@example.test', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'half-token')
                    """);
        }
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new SampleDataLoader(dataSource).isLoaded());
        assertTrue(e.getMessage().contains("did not finish"), e.getMessage());
    }

    @Test
    void rowsInsertedWithoutIdContinueAfterTheLoadedIds() throws SQLException {
        DataSource dataSource = freshDatabase();
        new SampleDataLoader(dataSource).load(SMALL_SPEC);

        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate("""
                    INSERT INTO users (display_name, email, member_since, updated_at, api_token)
                    VALUES ('New User', 'new.user@example.test', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP, 'new-token')
                    """);
            statement.executeUpdate("""
                    INSERT INTO jobs (client_id, title, description, budget, status, created_at, updated_at)
                    SELECT client_id, title, description, budget, status, created_at, updated_at FROM jobs WHERE id = 1
                    """);
            statement.executeUpdate("""
                    INSERT INTO reviews (reviewer_id, reviewed_id, job_id, rating, text, is_read, created_at)
                    SELECT reviewer_id, reviewed_id, job_id, rating, text, is_read, created_at FROM reviews WHERE id = 1
                    """);
            statement.executeUpdate("""
                    INSERT INTO payments (payer_id, payee_id, job_id, amount, currency, status, created_at)
                    SELECT payer_id, payee_id, job_id, amount, currency, status, created_at FROM payments WHERE id = 1
                    """);
        }

        assertEquals(SMALL_SPEC.users() + 1, maxId(dataSource, "users"));
        assertEquals(SMALL_SPEC.jobs() + 1, maxId(dataSource, "jobs"));
        assertEquals(SMALL_SPEC.reviews() + 1, maxId(dataSource, "reviews"));
        assertEquals(SMALL_SPEC.payments() + 1, maxId(dataSource, "payments"));
    }

    @Test
    void loadingTwiceFailsInsteadOfDuplicatingData() {
        DataSource dataSource = freshDatabase();
        SampleDataLoader loader = new SampleDataLoader(dataSource);
        loader.load(SMALL_SPEC);

        assertThrows(IllegalStateException.class, () -> loader.load(SMALL_SPEC));
    }

    private static long maxId(DataSource dataSource, String table) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT MAX(id) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = loaded.getConnection(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}

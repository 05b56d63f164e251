package dev.cachedeck.server.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachedeck.sample.DatasetSpec;
import dev.cachedeck.sample.SampleDataLoader;
import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.ApiClient.Reply;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestServers;
import dev.cachedeck.server.api.Fixtures;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/**
 * Every foreign key of the schema, read from the database's own metadata, has a rule here. A key that makes
 * the database change child rows (ON DELETE SET NULL, CASCADE...) has a scenario showing that no cached read
 * keeps the old rows after the parent's write; a key that only refuses the write is listed as such. A new
 * foreign key without an entry fails this test.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ForeignKeyInvalidationTest {
    private static final int PAGE = 100;
    private static final Set<String> CHANGING_RULES = Set.of("CASCADE", "SET NULL", "SET DEFAULT");

    private record ForeignKey(String table, String column, String parent, String onDelete, String onUpdate) {
        boolean changesChildRows() {
            return Stream.of(onDelete, onUpdate).anyMatch(CHANGING_RULES::contains);
        }

        String id() {
            return table + "." + column + " -> " + parent;
        }
    }

    private CacheDeckServer server;
    private ApiClient api;
    private Fixtures fixtures;

    @BeforeAll
    void start() {
        server = TestServers.start();
        api = new ApiClient(server.baseUri());
        fixtures = new Fixtures(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /**
     * Keys that only refuse a write (NO ACTION / RESTRICT): their parent is a user, and users are never deleted
     * and their ids never change, so no cached read can go stale through them.
     */
    private static final Set<String> REFUSING_ONLY = Set.of("jobs.client_id -> users", "reviews.reviewer_id -> users",
            "reviews.reviewed_id -> users", "payments.payer_id -> users", "payments.payee_id -> users");

    /** For each key that changes child rows, the scenario showing that the cache follows. */
    private Map<String, Runnable> cascades() {
        return Map.of(
                "reviews.job_id -> jobs", this::deletingAJobClearsItFromCachedReviewPages,
                "payments.job_id -> jobs", this::deletingAJobClearsItFromCachedPaymentPages);
    }

    @TestFactory
    Stream<DynamicTest> everyForeignKeyOfTheSchemaHasAnInvalidationRule() throws SQLException {
        List<ForeignKey> keys = schemaForeignKeys();
        assertEquals(REFUSING_ONLY.size() + cascades().size(), keys.size(), "the schema's foreign keys: " + keys);
        Map<String, Runnable> cascades = cascades();
        return keys.stream().map(key -> DynamicTest.dynamicTest(key.id() + " " + key.onDelete(), () -> {
            if (!key.changesChildRows()) {
                assertTrue(REFUSING_ONLY.contains(key.id()), "foreign key " + key + " is new: can its parent row be "
                        + "deleted or its id change? If not, list it in REFUSING_ONLY");
                return;
            }
            Runnable scenario = cascades.get(key.id());
            if (scenario == null) {
                fail("foreign key " + key + " changes child rows but has no invalidation rule: make the cached reads "
                        + "that show those rows depend on the parent, and add a scenario here");
            }
            scenario.run();
        }));
    }

    @Test
    void schemaHasNoTriggers() throws SQLException {
        try (Connection connection = schema(); Statement statement = connection.createStatement();
             ResultSet triggers = statement.executeQuery("SELECT TRIGGER_NAME FROM INFORMATION_SCHEMA.TRIGGERS")) {
            assertFalse(triggers.next(), "a trigger changes rows behind the services: give it an invalidation rule");
        }
    }

    private void deletingAJobClearsItFromCachedReviewPages() {
        long review = fixtures.count("""
                SELECT MIN(r.id) FROM reviews r WHERE r.job_id IS NOT NULL
                AND (SELECT COUNT(*) FROM reviews x WHERE x.reviewed_id = r.reviewed_id) <= ?
                AND (SELECT COUNT(*) FROM reviews y WHERE y.reviewer_id = r.reviewer_id) <= ?""", PAGE, PAGE);
        long job = fixtures.count("SELECT job_id FROM reviews WHERE id = ?", review);
        String received = "/api/reviews/" + fixtures.count("SELECT reviewed_id FROM reviews WHERE id = ?", review)
                + "?size=" + PAGE;
        long reviewer = fixtures.count("SELECT reviewer_id FROM reviews WHERE id = ?", review);
        String written = "/api/ratings/reviewer_" + reviewer + "/?size=" + PAGE;
        assertJobShownThenCleared(job, review, "reviews", TestServers.ADMIN_TOKEN, received, written);
    }

    private void deletingAJobClearsItFromCachedPaymentPages() {
        long payment = fixtures.count("""
                SELECT MIN(p.id) FROM payments p WHERE p.job_id IS NOT NULL
                AND (SELECT COUNT(*) FROM payments x WHERE x.payer_id = p.payer_id OR x.payee_id = p.payer_id) <= ?
                AND (SELECT COUNT(*) FROM payments y WHERE y.payer_id = p.payee_id OR y.payee_id = p.payee_id) <= ?""",
                PAGE, PAGE);
        long job = fixtures.count("SELECT job_id FROM payments WHERE id = ?", payment);
        String payer = "/api/users/" + fixtures.count("SELECT payer_id FROM payments WHERE id = ?", payment)
                + "/payments?size=" + PAGE;
        String payee = "/api/users/" + fixtures.count("SELECT payee_id FROM payments WHERE id = ?", payment)
                + "/payments?size=" + PAGE;
        assertJobShownThenCleared(job, payment, "payments", TestServers.ADMIN_TOKEN, payer, payee);
    }

    private void assertJobShownThenCleared(long job, long row, String list, String token, String... paths) {
        for (String path : paths) {
            api.get(path, token);
            Reply cached = api.get(path, token);
            assertEquals("api=HIT", cached.header("X-Cache"), path);
            assertEquals(job, jobOf(cached, list, row).asLong(), path);
        }
        assertEquals(204, api.delete("/api/jobs/" + job, TestServers.ADMIN_TOKEN).status());
        for (String path : paths) {
            JsonNode after = jobOf(api.get(path, token), list, row);
            assertTrue(after.isNull(), path + " still shows job " + job + " on row " + row);
        }
    }

    private static JsonNode jobOf(Reply page, String list, long rowId) {
        for (JsonNode item : page.json().get(list)) {
            if (item.get("id").asLong() == rowId) {
                return item.get("jobId");
            }
        }
        throw new AssertionError("row " + rowId + " not on the page: " + page.raw().body());
    }

    /** The schema as sample-data creates it, in a database of its own, so the metadata is the schema's. */
    private static Connection schema() throws SQLException {
        JdbcDataSource database = new JdbcDataSource();
        database.setURL("jdbc:h2:mem:schema-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new SampleDataLoader(database).load(DatasetSpec.of(DatasetSpec.DEFAULT_SEED, 0.000_1));
        return database.getConnection();
    }

    private static List<ForeignKey> schemaForeignKeys() throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        try (Connection connection = schema()) {
            DatabaseMetaData meta = connection.getMetaData();
            try (ResultSet tables = meta.getTables(null, connection.getSchema(), "%", new String[] {"TABLE"})) {
                while (tables.next()) {
                    try (ResultSet imported = meta.getImportedKeys(null, connection.getSchema(),
                            tables.getString("TABLE_NAME"))) {
                        while (imported.next()) {
                            keys.add(new ForeignKey(imported.getString("FKTABLE_NAME").toLowerCase(),
                                    imported.getString("FKCOLUMN_NAME").toLowerCase(),
                                    imported.getString("PKTABLE_NAME").toLowerCase(),
                                    rule(imported.getShort("DELETE_RULE")), rule(imported.getShort("UPDATE_RULE"))));
                        }
                    }
                }
            }
        }
        return keys;
    }

    private static String rule(short rule) {
        return switch (rule) {
            case DatabaseMetaData.importedKeyCascade -> "CASCADE";
            case DatabaseMetaData.importedKeySetNull -> "SET NULL";
            case DatabaseMetaData.importedKeySetDefault -> "SET DEFAULT";
            case DatabaseMetaData.importedKeyRestrict -> "RESTRICT";
            default -> "NO ACTION";
        };
    }
}

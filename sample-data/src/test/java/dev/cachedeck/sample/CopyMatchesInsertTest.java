package dev.cachedeck.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The same spec loaded through COPY into PostgreSQL and through INSERT batches into H2 gives the same
 * rows, tokens aside. The module's tests run in a zone with an offset and summer time (see the POM), so COPY text
 * in UTC where JDBC stores local time would show here.
 */
class CopyMatchesInsertTest {
    private static final DatasetSpec SPEC = DatasetSpec.of(DatasetSpec.DEFAULT_SEED, 0.01);

    @Test
    void everyTableHoldsTheSameRowsOnBothDatabases() throws SQLException, IOException {
        DataSource h2 = H2Databases.fresh();
        new SampleDataLoader(h2).load(SPEC);
        try (PostgresDatabases postgres = new PostgresDatabases()) {
            DataSource pg = postgres.fresh();
            new SampleDataLoader(pg).load(SPEC);

            for (MarketplaceTable table : MarketplaceTable.values()) {
                List<List<String>> expected = rows(h2, table);
                assertEquals(expected.size(), countRows(table), table.tableName());
                assertEquals(expected, rows(pg, table), table.tableName());
            }
        }
    }

    private static long countRows(MarketplaceTable table) {
        return switch (table) {
            case USERS -> SPEC.users();
            case JOBS -> SPEC.jobs();
            case REVIEWS -> SPEC.reviews();
            case PAYMENTS -> SPEC.payments();
        };
    }

    /** Each row as text that does not depend on the driver's Java types (SMALLINT is a Short on H2, an Integer on pgJDBC). */
    private static List<List<String>> rows(DataSource dataSource, MarketplaceTable table) throws SQLException {
        // API tokens are random on every load (UserTokens), so they are the one column left out.
        List<String> columns = table.columns().stream().filter(column -> !column.equals("api_token")).toList();
        String sql = "SELECT " + String.join(", ", columns) + " FROM " + table.tableName() + " ORDER BY id";
        List<List<String>> rows = new ArrayList<>();
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet result = statement.executeQuery(sql)) {
            while (result.next()) {
                List<String> row = new ArrayList<>(columns.size());
                for (int i = 1; i <= columns.size(); i++) {
                    // The wall-clock time a TIMESTAMP column stores: turned into an Instant, the drivers
                    // resolve the hour repeated at the end of summer time differently.
                    boolean timestamp = result.getMetaData().getColumnType(i) == Types.TIMESTAMP;
                    row.add(text(timestamp ? result.getObject(i, LocalDateTime.class) : result.getObject(i)));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    private static String text(Object value) {
        return switch (value) {
            case null -> "NULL";
            case BigDecimal decimal -> decimal.toPlainString();
            case Number number -> Long.toString(number.longValue());
            default -> value.toString();
        };
    }
}

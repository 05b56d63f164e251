package dev.cachedeck.sample;

import java.io.IOException;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;

/** Every loader test again, on a real PostgreSQL, where the rows go in through COPY. */
class SampleDataLoaderOnPostgresTest extends SampleDataLoaderTest {
    private final PostgresDatabases postgres = new PostgresDatabases();

    @Override
    DataSource freshDatabase() {
        return postgres.fresh();
    }

    @Override
    String missingParentRowState() {
        return "23503";
    }

    @AfterAll
    void stopPostgres() throws IOException {
        postgres.close();
    }
}

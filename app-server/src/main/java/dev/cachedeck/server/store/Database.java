package dev.cachedeck.server.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.cachedeck.sample.DatasetSpec;
import dev.cachedeck.sample.SampleDataLoader;
import java.nio.file.Path;
import java.util.UUID;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * The application's connection pool. With no JDBC URL configured it is an H2 database under the
 * data directory (or in memory), filled from {@code sample-data} the first time it is opened.
 */
public final class Database implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(Database.class.getName());

    private final HikariDataSource pool;

    private Database(HikariDataSource pool) {
        this.pool = pool;
    }

    /** Opens the pool and loads sample data when the schema is missing. */
    public static Database open(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.poolSize());
        config.setPoolName("cachedeck-db");
        config.setConnectionTimeout(5_000);
        Database database = new Database(new HikariDataSource(config));
        database.loadSampleDataIfEmpty(settings.dataset());
        return database;
    }

    /**
     * H2 by default writes a commit to its file up to half a second later, so a killed process lost writes it
     * had acknowledged. {@code WRITE_DELAY=0} writes each commit to the file before the commit returns. H2 does
     * not force the file to the disk on commit, so this holds when the process dies, not when the machine does
     * (see docs/security.md).
     */
    public static String h2FileUrl(Path dataDir) {
        return "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("cachedeck") + ";DB_CLOSE_ON_EXIT=FALSE;WRITE_DELAY=0";
    }

    public static String h2MemoryUrl() {
        return "jdbc:h2:mem:cachedeck-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    private void loadSampleDataIfEmpty(DatasetSpec dataset) {
        SampleDataLoader loader = new SampleDataLoader(pool);
        if (loader.isLoaded()) {
            LOG.info("database ready sampleData=existing");
            return;
        }
        var report = loader.load(dataset);
        LOG.info(() -> "database ready sampleData=loaded " + report);
    }

    public DataSource dataSource() {
        return pool;
    }

    @Override
    public void close() {
        pool.close();
    }
}

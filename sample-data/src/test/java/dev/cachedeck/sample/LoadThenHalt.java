package dev.cachedeck.sample;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Run in a child JVM: loads a dataset into the H2 file database named by the first argument, says so,
 * and stops at once, as a {@code kill -9} would, without closing the database. A second connection stays
 * open meanwhile, as the server's pool does, so the loader's own close does not close the database.
 */
public final class LoadThenHalt {
    private LoadThenHalt() {
    }

    public static void main(String[] args) throws SQLException {
        Connection pooled = DriverManager.getConnection(args[0], "sa", "");
        SampleDataLoader.forJdbcUrl(args[0], "sa", "").load(DatasetSpec.of(DatasetSpec.DEFAULT_SEED, 0.01));
        System.out.println("loaded");
        System.out.flush();
        Runtime.getRuntime().halt(pooled.isClosed() ? 1 : 0);
    }
}

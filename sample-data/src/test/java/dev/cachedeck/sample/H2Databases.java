package dev.cachedeck.sample;

import java.util.UUID;
import org.h2.jdbcx.JdbcDataSource;

/** Fresh, private in-memory H2 databases for tests. */
final class H2Databases {
    private H2Databases() {
    }

    static String newUrl() {
        return "jdbc:h2:mem:sample-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
    }

    static JdbcDataSource at(String url) {
        return at(url, "", "");
    }

    static JdbcDataSource at(String url, String user, String password) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    static JdbcDataSource fresh() {
        return at(newUrl());
    }
}

package dev.cachedeck.server.api;

import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestPostgres;
import dev.cachedeck.server.TestServers;
import org.junit.jupiter.api.AfterAll;

/** Every read-route test again, with the server on a real PostgreSQL: each repository statement runs there too. */
class ReadRoutesOnPostgresTest extends ReadRoutesTest {
    private final TestPostgres postgres = new TestPostgres();

    @Override
    CacheDeckServer startServer() {
        return TestServers.start(postgres);
    }

    @Override
    @AfterAll
    void stop() {
        super.stop();
        postgres.close();
    }
}

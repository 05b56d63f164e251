package dev.cachedeck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.helidon.config.Config;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {

    @Test
    void theDatabaseUrlUserAndPasswordComeFromTheEnvironment() {
        ServerSettings settings = ServerSettings.load(Config.create(), Map.of(
                "CACHEDECK_JDBC_URL", "jdbc:postgresql://db.internal:5432/cachedeck",
                "CACHEDECK_JDBC_USER", "cachedeck",
                "CACHEDECK_JDBC_PASSWORD", "s3cret"));

        assertEquals("jdbc:postgresql://db.internal:5432/cachedeck", settings.jdbcUrl().orElseThrow());
        assertEquals("cachedeck", settings.jdbcUser());
        assertEquals("s3cret", settings.jdbcPassword());
    }

    @Test
    void theInstanceIdAndPublicUrlComeFromTheEnvironment() {
        ServerSettings settings = ServerSettings.load(Config.create(), Map.of(
                "CACHEDECK_INSTANCE_ID", "eu-1",
                "CACHEDECK_PUBLIC_URL", "http://api-1.internal:8080"));

        assertEquals("eu-1", settings.instance().id().orElseThrow());
        assertEquals("http://api-1.internal:8080", settings.instance().publicUrl().orElseThrow());
    }
}

package dev.cachedeck.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachedeck.sample.DatasetSpec;
import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestServers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's token is known to the admin (and the user), and cannot be computed from the public seed. */
class UserTokenTest {

    @Test
    void tokenComputedFromSeedAndIdIsRefusedWhileTheListedOneWorks() {
        try (CacheDeckServer server = TestServers.start()) {
            ApiClient api = new ApiClient(server.baseUri());
            JsonNode listed = api.get("/admin/tokens?limit=5", TestServers.ADMIN_TOKEN).json();
            assertEquals(5, listed.size());
            for (JsonNode entry : listed) {
                long user = entry.get("userId").asLong();
                String computed = sha256(DatasetSpec.DEFAULT_SEED + ":" + user);
                assertNotEquals(computed, entry.get("token").asText());

                String payments = "/api/users/" + user + "/payments";
                assertEquals(401, api.get(payments, computed).status(), "a computed token opens nothing");
                assertEquals(200, api.get(payments, entry.get("token").asText()).status(), "the listed token works");
            }
        }
    }

    @Test
    void databaseLoadedWithComputableTokensGetsRandomOnesAtTheNextStart(@TempDir Path dataDir) throws SQLException {
        CacheDeckServer.start(TestServers.settings().withDataDir(dataDir)).close();
        String url = "jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("cachedeck");
        try (Connection connection = DriverManager.getConnection(url, "sa", "");
             PreparedStatement legacy = connection.prepareStatement("UPDATE users SET api_token = ? WHERE id = ?")) {
            for (long user = 1; user <= 5; user++) {
                legacy.setString(1, sha256(DatasetSpec.DEFAULT_SEED + ":" + user));
                legacy.setLong(2, user);
                legacy.executeUpdate();
            }
        }
        try (CacheDeckServer server = CacheDeckServer.start(TestServers.settings().withDataDir(dataDir))) {
            ApiClient api = new ApiClient(server.baseUri());
            for (long user = 1; user <= 5; user++) {
                String computed = sha256(DatasetSpec.DEFAULT_SEED + ":" + user);
                assertEquals(401, api.get("/api/users/" + user + "/payments", computed).status(), "user " + user);
            }
            JsonNode listed = api.get("/admin/tokens?limit=5", TestServers.ADMIN_TOKEN).json();
            for (JsonNode entry : listed) {
                String payments = "/api/users/" + entry.get("userId").asLong() + "/payments";
                assertEquals(200, api.get(payments, entry.get("token").asText()).status(), "the new token works");
            }
        }
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}

package dev.cachedeck.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.cachedeck.sample.DatasetSpec;
import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestServers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

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

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}

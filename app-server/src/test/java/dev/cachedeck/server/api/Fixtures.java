package dev.cachedeck.server.api;

import dev.cachedeck.server.ApiClient;
import dev.cachedeck.server.CacheDeckServer;
import dev.cachedeck.server.TestServers;
import java.util.HashMap;
import java.util.Map;

/**
 * Facts about the loaded sample data, asked of the database itself through a plain JDBC
 * connection, so tests compare the API with the truth rather than with constants.
 */
public final class Fixtures {
    private final CacheDeckServer server;
    private final Map<Long, String> tokens = new HashMap<>();

    public Fixtures(CacheDeckServer server) {
        this.server = server;
        var body = new ApiClient(server.baseUri()).get("/admin/tokens?limit=1000", TestServers.ADMIN_TOKEN).json();
        body.forEach(entry -> tokens.put(entry.get("userId").asLong(), entry.get("token").asText()));
    }

    public String tokenOf(long userId) {
        String token = tokens.get(userId);
        if (token == null) {
            throw new IllegalStateException("no token for user " + userId);
        }
        return token;
    }

    public long count(String sql, Object... params) {
        return server.jdbc().read(session -> session.count(sql, params));
    }

    public long mostReviewedUser() {
        return count("SELECT reviewed_id FROM reviews GROUP BY reviewed_id ORDER BY COUNT(*) DESC, reviewed_id LIMIT 1");
    }

    public long mostActiveReviewer() {
        return count("SELECT reviewer_id FROM reviews GROUP BY reviewer_id ORDER BY COUNT(*) DESC, reviewer_id LIMIT 1");
    }

    public long busiestClient() {
        return count("SELECT client_id FROM jobs GROUP BY client_id ORDER BY COUNT(*) DESC, client_id LIMIT 1");
    }

    public long busiestPayer() {
        return count("SELECT payer_id FROM payments GROUP BY payer_id ORDER BY COUNT(*) DESC, payer_id LIMIT 1");
    }

    public long anyJob() {
        return count("SELECT MIN(id) FROM jobs");
    }
}

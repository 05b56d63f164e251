package dev.cachedeck.server.auth;

import dev.cachedeck.sample.UserTokens;
import dev.cachedeck.server.store.Jdbc;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.logging.Logger;

/**
 * Databases loaded before tokens came from {@code SecureRandom} hold {@code sha256("<seed>:<id>")} tokens, which
 * anyone who knows the public seed can compute. At start, every token still equal to that hash is replaced by
 * a random one. Each update names the old token, so of two instances doing this at once only one replaces it.
 */
public final class ComputableTokens {
    private static final Logger LOG = Logger.getLogger(ComputableTokens.class.getName());
    private static final String SELECT_SEED = "SELECT seed FROM sample_data_load";
    private static final String SELECT_TOKENS = "SELECT id, api_token FROM users";
    private static final String REPLACE = "UPDATE users SET api_token = ? WHERE id = ? AND api_token = ?";

    private record IssuedToken(long userId, String token) {
    }

    private ComputableTokens() {
    }

    /** Replaces the computable tokens; returns how many there were. */
    public static int replace(Jdbc jdbc) {
        return jdbc.transaction(session -> {
            List<Long> seeds = session.list(SELECT_SEED, row -> row.getLong(1));
            if (seeds.isEmpty()) {
                return 0;
            }
            long seed = seeds.getFirst();
            UserTokens fresh = UserTokens.random();
            int replaced = 0;
            for (IssuedToken issued : session.list(SELECT_TOKENS,
                    row -> new IssuedToken(row.getLong("id"), row.getString("api_token")))) {
                if (issued.token().equals(sha256(seed + ":" + issued.userId()))) {
                    replaced += session.update(REPLACE, fresh.tokenFor(issued.userId()), issued.userId(),
                            issued.token());
                }
            }
            if (replaced > 0) {
                int count = replaced;
                LOG.warning(() -> "user tokens replaced reason=computable-from-seed count=" + count);
            }
            return replaced;
        });
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JVM", e);
        }
    }
}

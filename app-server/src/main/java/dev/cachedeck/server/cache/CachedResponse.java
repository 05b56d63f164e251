package dev.cachedeck.server.cache;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A cached 200 body with its ETag, worked out once when the entry is taken (a SHA-256 per hit cost more
 * than Helidon's whole request path). Immutable by contract: nobody writes into {@code body}.
 */
record CachedResponse(byte[] body, String etag) {

    static CachedResponse of(byte[] body) {
        return new CachedResponse(body, etag(body));
    }

    static String etag(byte[] body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.cachedeck.sample;

import java.security.SecureRandom;
import java.util.HexFormat;

/** Where each generated user's API token comes from. */
@FunctionalInterface
public interface UserTokens {
    int TOKEN_BYTES = 32;

    String tokenFor(long userId);

    /**
     * 32 bytes from {@link SecureRandom} per user, as hex. Nothing about the dataset (seed, id) predicts a
     * token: the seed is public, so tokens derived from it could be computed by anyone.
     */
    static UserTokens random() {
        SecureRandom random = new SecureRandom();
        return userId -> {
            byte[] token = new byte[TOKEN_BYTES];
            random.nextBytes(token);
            return HexFormat.of().formatHex(token);
        };
    }
}

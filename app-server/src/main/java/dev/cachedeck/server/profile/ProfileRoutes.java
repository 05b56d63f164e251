package dev.cachedeck.server.profile;

import dev.cachedeck.model.api.ProfileChange;
import dev.cachedeck.server.auth.Authenticator;
import dev.cachedeck.server.http.RequestReader;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/** {@code GET /api/get-profile/{userId}} and {@code PUT /api/profiles/{userId}}. */
public final class ProfileRoutes implements HttpService {
    private final ProfileService profiles;
    private final RequestReader reader;
    private final Authenticator authenticator;

    public ProfileRoutes(ProfileService profiles, RequestReader reader, Authenticator authenticator) {
        this.profiles = profiles;
        this.reader = reader;
        this.authenticator = authenticator;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/get-profile/{userId}", (req, res) -> res.send(profiles.profile(reader.id(req, "userId"))))
                .put("/profiles/{userId}", (req, res) -> {
                    var principal = authenticator.require(req);
                    long userId = reader.id(req, "userId");
                    res.send(profiles.update(principal, userId, reader.body(req, ProfileChange.class)));
                });
    }
}

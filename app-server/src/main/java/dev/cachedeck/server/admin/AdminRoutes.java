package dev.cachedeck.server.admin;

import dev.cachedeck.model.api.Problem.FieldError;
import dev.cachedeck.server.http.ApiProblem;
import dev.cachedeck.server.http.RequestNumbers;
import dev.cachedeck.server.http.RequestReader;
import dev.cachedeck.server.profile.UserRepository;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import java.util.List;

/** {@code /admin/tokens}: demo users' tokens, for trying the API as a user. */
public final class AdminRoutes implements HttpService {
    private static final int MAX_TOKENS = 1000;

    private final RequestReader reader;
    private final UserRepository users;

    public AdminRoutes(RequestReader reader, UserRepository users) {
        this.reader = reader;
        this.users = users;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/tokens", (req, res) -> res.send(users.demoTokens(limit(reader.query(req, "limit").orElse("20")))));
    }

    private static int limit(String raw) {
        try {
            int limit = RequestNumbers.parseInt(raw);
            if (limit >= 1 && limit <= MAX_TOKENS) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // answered below with the allowed range
        }
        throw ApiProblem.invalidFields(List.of(new FieldError("limit", "must be an integer from 1 to " + MAX_TOKENS)));
    }
}

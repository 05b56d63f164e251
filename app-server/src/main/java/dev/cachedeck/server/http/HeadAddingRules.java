package dev.cachedeck.server.http;

import io.helidon.http.Method;
import io.helidon.http.PathMatcher;
import io.helidon.http.PathMatchers;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * The rules a service registers into, with each GET route registered for GET and HEAD and its handler made
 * HEAD-aware. Every {@code get(...)} of {@link HttpRules} comes through one of the {@code route(Method, ...)}
 * methods overridden here; each returns this, so a chain of registrations stays on these rules.
 */
final class HeadAddingRules implements HttpRules {
    private final HttpRules rules;

    HeadAddingRules(HttpRules rules) {
        this.rules = rules;
    }

    @Override
    public HttpRules register(HttpService... services) {
        rules.register(HeadRequests.alongsideGet(services));
        return this;
    }

    @Override
    public HttpRules register(String pathPattern, HttpService... services) {
        rules.register(pathPattern, HeadRequests.alongsideGet(services));
        return this;
    }

    @Override
    public HttpRules route(HttpRoute route) {
        rules.route(route);
        return this;
    }

    @Override
    public HttpRules route(Method method, String pathPattern, Handler handler) {
        return route(method, PathMatchers.create(pathPattern), handler);
    }

    @Override
    public HttpRules route(Method method, PathMatcher pathMatcher, Handler handler) {
        if (Method.GET.equals(method)) {
            rules.route(Method.predicate(Method.GET, Method.HEAD), pathMatcher, HeadRequests.headAware(handler));
        } else {
            rules.route(method, pathMatcher, handler);
        }
        return this;
    }

    @Override
    public HttpRules route(Method method, Handler handler) {
        if (Method.GET.equals(method)) {
            rules.route(HttpRoute.builder().methods(Method.GET, Method.HEAD).handler(HeadRequests.headAware(handler)));
        } else {
            rules.route(method, handler);
        }
        return this;
    }
}

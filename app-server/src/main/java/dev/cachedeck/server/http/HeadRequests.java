package dev.cachedeck.server.http;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.util.Arrays;

/**
 * HEAD wherever GET is served (RFC 9110 9.3.2): the GET route runs and its status and headers go out, its content
 * does not. Helidon 4.5.0 answers HEAD only where a route names it, and writes whatever a route sends, body
 * included, which desynchronises a kept-alive connection; so every service is registered through
 * {@link #alongsideGet}, and the few places that send outside a route (the response tier, the problem renderer)
 * send through {@link #response}.
 */
public final class HeadRequests {
    private HeadRequests() {
    }

    /** {@code services} as they are, except that each GET route they register answers HEAD too. */
    public static HttpService[] alongsideGet(HttpService... services) {
        return Arrays.stream(services).map(HeadRequests::alongsideGet).toArray(HttpService[]::new);
    }

    public static boolean isHead(ServerRequest req) {
        return req.prologue().method() == Method.HEAD;
    }

    /**
     * Where to send the answer to {@code req}: {@code res} itself, or for a HEAD a response that announces the
     * length of the content it is given (the length a GET gets) and sends no byte of it.
     */
    public static ServerResponse response(ServerRequest req, ServerResponse res) {
        return isHead(req) ? new HeadResponse(req, res) : res;
    }

    static Handler headAware(Handler handler) {
        return (req, res) -> handler.handle(req, response(req, res));
    }

    private static HttpService alongsideGet(HttpService service) {
        return new HttpService() {
            @Override
            public void routing(HttpRules rules) {
                service.routing(new HeadAddingRules(rules));
            }

            @Override
            public void beforeStart() {
                service.beforeStart();
            }

            @Override
            public void afterStop() {
                service.afterStop();
            }
        };
    }
}

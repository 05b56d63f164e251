package dev.cachedeck.server.http;

import io.helidon.http.HeaderValues;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;

/**
 * The outermost filter: closes the connection once a request that asked for it ({@code Connection: close}) has
 * been answered. Helidon 4.5.0 puts {@code Connection: close} on the answer and then waits on the socket for
 * another request (helidon-io/helidon#12324, fixed after 4.5.3). Ending the connection with Helidon's own
 * {@link CloseConnectionException} after the answer is written makes it close the socket, as it does for a client
 * that went away (logged at TRACE only).
 */
public final class ConnectionClose implements Filter {
    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        chain.proceed();
        if (req.headers().containsToken(HeaderValues.CONNECTION_CLOSE)) {
            res.commit();
            // Content left unread in the socket would turn the close into a reset, which can destroy the answer
            // before the client has read it.
            req.content().consume();
            throw new CloseConnectionException("the client asked to close the connection");
        }
    }
}

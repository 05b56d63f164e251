package dev.cachedeck.server.http;

import io.helidon.http.Headers;
import io.helidon.http.HttpPrologue;
import io.helidon.webserver.CloseConnectionException;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1ConnectionListener;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Closes a connection whose request headers have not all arrived {@code cachedeck.http.header-timeout} after its
 * request line did, however the bytes trickle in. Helidon 4.5.0 has no header-read timeout, and its idle check
 * interrupts a connection only while it waits for a request line: a client that sent one and then nothing held
 * its socket and its virtual thread for good. This is an HTTP/1 receive listener: the request line arms the
 * deadline, the end of the header section disarms it, and a sweeper closes the socket of every connection past
 * its deadline, which ends the blocked read.
 */
public final class HeaderDeadline implements Http1ConnectionListener, AutoCloseable {
    private static final Logger LOG = Logger.getLogger(HeaderDeadline.class.getName());

    /** Connections between their request line and the end of their headers, with the time the line arrived. */
    private final Map<ConnectionContext, Long> reading = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final ScheduledExecutorService sweeper = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("header-deadline").factory());

    public HeaderDeadline(Duration timeout, Duration checkPeriod) {
        this.timeout = timeout;
        sweeper.scheduleAtFixedRate(this::sweep, checkPeriod.toNanos(), checkPeriod.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public void prologue(ConnectionContext ctx, HttpPrologue prologue) {
        reading.put(ctx, System.nanoTime());
    }

    @Override
    public void headers(ConnectionContext ctx, Headers headers) {
        if (reading.remove(ctx) == null) {
            // The sweeper got there first and closed the socket: no use routing a request nobody can be answered on.
            throw new CloseConnectionException("the request headers came after the header deadline");
        }
    }

    private void sweep() {
        long now = System.nanoTime();
        reading.forEach((ctx, since) -> {
            if (now - since > timeout.toNanos() && reading.remove(ctx, since)) {
                expire(ctx);
            }
        });
    }

    /** Must not throw: an exception would end the periodic sweep, and no deadline would hold after it. */
    private void expire(ConnectionContext ctx) {
        String remote;
        try {
            remote = ctx.remotePeer().host() + ":" + ctx.remotePeer().port();
            ctx.serverSocket().close();
        } catch (RuntimeException alreadyClosed) {
            // The client hung up while sending its headers and the connection ended on its own (Helidon's close
            // of a closed socket throws).
            return;
        }
        LOG.info(() -> "event=header-timeout remote=" + remote + " timeout=" + timeout);
    }

    @Override
    public void close() {
        sweeper.shutdownNow();
    }
}

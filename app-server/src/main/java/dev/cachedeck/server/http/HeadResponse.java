package dev.cachedeck.server.http;

import io.helidon.common.GenericType;
import io.helidon.common.uri.UriQuery;
import io.helidon.http.Header;
import io.helidon.http.HeaderValues;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.ServerResponseTrailers;
import io.helidon.http.Status;
import io.helidon.http.media.EntityWriter;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.http.spi.Sink;
import io.helidon.webserver.sse.SseSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * The answer to a HEAD, handed to a GET route: status and headers go to the real response as they are; content
 * is only measured, and the real response sends an empty entity with {@code Content-Length} set to what a GET
 * would have carried. An empty send with a preset length is the one way Helidon 4.5.0 writes a header section
 * with that length and no content: anything streamed is announced as {@code Content-Length: 0}.
 */
final class HeadResponse implements ServerResponse {
    private static final Set<Integer> NO_CONTENT = Set.of(204, 205, 304);

    private final ServerRequest req;
    private final ServerResponse res;

    HeadResponse(ServerRequest req, ServerResponse res) {
        this.req = req;
        this.res = res;
    }

    @Override
    public void send(byte[] bytes) {
        announce(bytes.length);
    }

    @Override
    public void send(byte[] bytes, int position, int length) {
        announce(length);
    }

    @Override
    public void send(Object entity) {
        announce(entity instanceof byte[] bytes ? bytes.length
                : entity instanceof String text ? written(text, GenericType.STRING).length
                : written(entity, GenericType.create(entity)).length);
    }

    @Override
    public void send() {
        res.send();
    }

    /** Counts what the route writes; closing it answers the HEAD. */
    @Override
    public OutputStream outputStream() {
        return new OutputStream() {
            private long count;
            private boolean closed;

            @Override
            public void write(int b) {
                count++;
            }

            @Override
            public void write(byte[] b, int off, int len) {
                count += len;
            }

            @Override
            public void close() {
                if (!closed) {
                    closed = true;
                    announce(count);
                }
            }
        };
    }

    /**
     * A server-sent event stream has no length: its head (status and {@code Content-Type: text/event-stream}) goes
     * out at once, and the first event the route emits ends the route as a client that went away would.
     */
    @Override
    @SuppressWarnings("unchecked")
    public <T extends Sink<?>> T sink(GenericType<T> sinkType) {
        if (!SseSink.TYPE.equals(sinkType)) {
            throw new UnsupportedOperationException("no HEAD answer for a stream of " + sinkType.getTypeName());
        }
        res.header(HeaderValues.CONTENT_TYPE_EVENT_STREAM);
        res.send();
        return (T) new StreamHead();
    }

    private void announce(long length) {
        if (!NO_CONTENT.contains(res.status().code())) {
            res.contentLength(length);
        }
        res.send();
    }

    /** The entity as Helidon's media support would write it for a GET, with the headers that writing sets. */
    private <T> byte[] written(T entity, GenericType<T> type) {
        EntityWriter<T> writer = req.listenerContext().mediaContext().writer(type, req.headers(), res.headers());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        writer.write(type, entity, out, req.headers(), res.headers());
        return out.toByteArray();
    }

    private static final class StreamHead implements SseSink {
        @Override
        public SseSink emit(SseEvent event) {
            throw new UncheckedIOException(new IOException("the answer to a HEAD carries no events"));
        }

        @Override
        public void close() {
        }
    }

    @Override
    public ServerResponse status(Status status) {
        res.status(status);
        return this;
    }

    @Override
    public Status status() {
        return res.status();
    }

    @Override
    public ServerResponse header(Header header) {
        res.header(header);
        return this;
    }

    @Override
    public boolean isSent() {
        return res.isSent();
    }

    @Override
    public long bytesWritten() {
        return res.bytesWritten();
    }

    @Override
    public ServerResponse beforeSend(Runnable listener) {
        res.beforeSend(listener);
        return this;
    }

    @Override
    public ServerResponse whenSent(Runnable listener) {
        res.whenSent(listener);
        return this;
    }

    @Override
    public ServerResponse reroute(String newPath) {
        res.reroute(newPath);
        return this;
    }

    @Override
    public ServerResponse reroute(String path, UriQuery query) {
        res.reroute(path, query);
        return this;
    }

    @Override
    public ServerResponse next() {
        res.next();
        return this;
    }

    @Override
    public ServerResponseHeaders headers() {
        return res.headers();
    }

    @Override
    public ServerResponseTrailers trailers() {
        return res.trailers();
    }

    @Override
    public ServerResponse beforeTrailers(Consumer<ServerResponseTrailers> beforeTrailers) {
        res.beforeTrailers(beforeTrailers);
        return this;
    }

    @Override
    public void streamResult(String result) {
        res.streamResult(result);
    }

    @Override
    public void streamFilter(UnaryOperator<OutputStream> filterFunction) {
        res.streamFilter(filterFunction);
    }
}

package dev.cachedeck.desktop.connection;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/** A stand-in {@code /observe/health} on loopback whose answer, status and delay tests change at will. */
final class HealthStub implements AutoCloseable {
    static final String UP = """
            {"status":"UP","components":{"database":{"status":"UP","detail":"H2 2.5","latencyMicros":800},
             "redis":{"status":"UP","detail":"Redis 6.2.11","latencyMicros":1250}}}""";
    static final String REDIS_DOWN = """
            {"status":"DEGRADED","components":{"database":{"status":"UP","detail":"H2 2.5","latencyMicros":800},
             "redis":{"status":"DOWN","detail":"redis unreachable: RedisException","latencyMicros":250000}}}""";
    static final String DATABASE_DOWN = """
            {"status":"DOWN","components":{"database":{"status":"DOWN","detail":"database unreachable","latencyMicros":9000},
             "redis":{"status":"UP","detail":"Redis 6.2.11","latencyMicros":300}}}""";

    private final HttpServer server;
    private final AtomicBoolean stopped = new AtomicBoolean();
    private volatile String body = UP;
    private volatile int status = 200;
    private volatile Duration delay = Duration.ZERO;

    private HealthStub(int port) {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/observe/health", exchange -> {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.start();
    }

    /** Port 0 picks a free one; a known port brings a stopped stub "back". */
    static HealthStub start(int port) {
        return new HealthStub(port);
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    HealthStub answer(int newStatus, String newBody) {
        status = newStatus;
        body = newBody;
        return this;
    }

    HealthStub delay(Duration newDelay) {
        delay = newDelay;
        return this;
    }

    /** Stops answering; closing twice is harmless, so a test can stop the stub early. */
    @Override
    public void close() {
        if (!stopped.getAndSet(true)) {
            server.stop(0);
        }
    }
}

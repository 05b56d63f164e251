package dev.cachedeck.server.metrics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.model.api.Problem.FieldError;
import dev.cachedeck.model.monitor.StatsTick;
import dev.cachedeck.model.monitor.Toggle;
import dev.cachedeck.server.http.ApiProblem;
import dev.cachedeck.server.http.RequestNumbers;
import dev.cachedeck.server.http.RequestReader;
import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.sse.SseEvent;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.helidon.webserver.sse.SseSink;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code /admin/stats}: the snapshot, the live one-second stream (SSE, resumable with {@code Last-Event-ID}),
 * reset, and the instrumentation switch.
 */
public final class StatsRoutes implements HttpService {
    private static final HeaderName LAST_EVENT_ID = HeaderNames.create("Last-Event-ID");
    // A comment line this often lets a stream notice a client that went away even when no tick is due.
    private static final Duration KEEP_ALIVE = Duration.ofSeconds(5);

    private final RequestReader reader;
    private final ObjectMapper mapper;
    private final StatsReport report;
    private final StatsSeries series;
    private final Instrumentation instrumentation;
    private final MarkerLog markers;

    public StatsRoutes(RequestReader reader, ObjectMapper mapper, StatsReport report,
                       StatsSeries series, Instrumentation instrumentation, MarkerLog markers) {
        this.reader = reader;
        this.mapper = mapper;
        this.report = report;
        this.series = series;
        this.instrumentation = instrumentation;
        this.markers = markers;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/stats", (req, res) -> {
                    res.send(report.snapshot(second("since", reader.query(req, "since")).orElse(Long.MIN_VALUE)));
                })
                .delete("/stats", (req, res) -> {
                    report.reset();
                    res.status(204).send();
                })
                .get("/stats/stream", this::stream)
                .put("/stats/instrumentation", (req, res) -> {
                    Toggle toggle = reader.body(req, Toggle.class);
                    if (toggle.enabled() == null) {
                        throw ApiProblem.invalidFields(List.of(new FieldError("enabled", "is required (true or false)")));
                    }
                    instrumentation.setEnabled(toggle.enabled());
                    markers.record(MarkerLog.TOGGLE, "instrumentation " + (toggle.enabled() ? "on" : "off"));
                    res.send(Map.of("enabled", instrumentation.enabled()));
                });
    }

    /**
     * Sends the kept ticks after {@code Last-Event-ID} (none without it), then each new tick, until the client
     * goes away (a write fails) or the server stops (the series closes).
     */
    private void stream(ServerRequest req, ServerResponse res) throws InterruptedException {
        long last = second(LAST_EVENT_ID.defaultCase(), req.headers().first(LAST_EVENT_ID))
                .orElse(series.latestSecond());
        try (SseSink sink = res.sink(SseSink.TYPE)) {
            while (!series.closed()) {
                List<StatsTick> ticks = series.await(last, KEEP_ALIVE);
                if (ticks.isEmpty() && !series.closed()) {
                    sink.emit(SseEvent.builder().comment("keep-alive").build());
                }
                for (StatsTick tick : ticks) {
                    sink.emit(event(tick));
                    last = tick.second();
                }
            }
        } catch (UncheckedIOException e) {
            // The client closed the connection: nothing to answer.
        }
    }

    private SseEvent event(StatsTick tick) {
        try {
            return SseEvent.builder()
                    .id(Long.toString(tick.second()))
                    .name("tick")
                    .data(mapper.writeValueAsString(tick))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a tick could not be written as JSON", e);
        }
    }

    private static Optional<Long> second(String name, Optional<String> raw) {
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        try {
            long value = RequestNumbers.parseLong(raw.get());
            if (value >= 0) {
                return Optional.of(value);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw ApiProblem.invalidFields(List.of(new FieldError(name, "must be an epoch second (a non-negative integer)")));
    }
}

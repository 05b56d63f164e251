package dev.cachedeck.server.bench;

import dev.cachedeck.model.api.Problem.FieldError;
import dev.cachedeck.model.bench.DatabaseDelay;
import dev.cachedeck.model.bench.PhaseName;
import dev.cachedeck.model.bench.ScenarioSpec;
import dev.cachedeck.server.http.ApiProblem;
import dev.cachedeck.server.http.RequestReader;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;

/**
 * {@code /admin/bench}: start (POST a {@link ScenarioSpec}), observe (GET) and stop (DELETE) the one
 * before/after scenario; {@code /admin/database/delay}: read or set the simulated database round trip.
 */
public final class BenchRoutes implements HttpService {
    private static final double MAX_DB_DELAY_MILLIS = 1000;
    private static final double MAX_SKEW = 5;

    private final RequestReader reader;
    private final ScenarioRunner runner;
    private final ScenarioControls controls;

    public BenchRoutes(RequestReader reader, ScenarioRunner runner,
                       ScenarioControls controls) {
        this.reader = reader;
        this.runner = runner;
        this.controls = controls;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/bench", (req, res) -> {
                    ScenarioSpec spec = validated(reader.body(req, ScenarioSpec.class));
                    res.status(Status.ACCEPTED_202).send(runner.start(spec, ownLoopbackUri(req)));
                })
                .get("/bench", (req, res) -> {
                    res.send(runner.status());
                })
                .delete("/bench", (req, res) -> {
                    res.send(runner.stop());
                })
                .get("/database/delay", (req, res) -> {
                    res.send(currentDelay());
                })
                .put("/database/delay", (req, res) -> {
                    DatabaseDelay delay = reader.body(req, DatabaseDelay.class);
                    if (delay.millis() == null || delay.millis() < 0 || delay.millis() > MAX_DB_DELAY_MILLIS) {
                        throw ApiProblem.invalidFields(List.of(
                                new FieldError("millis", "must be a number from 0 to " + MAX_DB_DELAY_MILLIS)));
                    }
                    controls.setDbDelay(Duration.ofNanos(Math.round(delay.millis() * 1_000_000)));
                    res.send(currentDelay());
                });
    }

    private DatabaseDelay currentDelay() {
        return new DatabaseDelay(controls.dbDelay().toNanos() / 1_000_000.0);
    }

    /** The scenario talks to this very server through loopback, on the port the admin call came in on. */
    private static URI ownLoopbackUri(ServerRequest req) {
        return URI.create("http://127.0.0.1:" + req.localPeer().port());
    }

    private ScenarioSpec validated(ScenarioSpec spec) {
        BenchSettings limits = runner.settings();
        double maxSeconds = limits.maxPhase().toSeconds();
        List<FieldError> errors = new ArrayList<>();
        if (spec.phases() == null || spec.phases().isEmpty()
                || new HashSet<>(spec.phases()).size() != spec.phases().size()) {
            errors.add(new FieldError("phases", "must list distinct phases out of "
                    + List.of(PhaseName.values())));
        }
        check(errors, spec.phaseSeconds() > 0 && spec.phaseSeconds() <= maxSeconds, "phaseSeconds",
                "must be above 0 and at most " + maxSeconds);
        check(errors, spec.warmupSeconds() >= 0 && spec.warmupSeconds() <= maxSeconds, "warmupSeconds",
                "must be from 0 to " + maxSeconds);
        check(errors, spec.capacitySeconds() >= 0 && spec.capacitySeconds() <= maxSeconds, "capacitySeconds",
                "must be from 0 to " + maxSeconds);
        check(errors, spec.ratePerSecond() >= 1 && spec.ratePerSecond() <= limits.maxRate(), "ratePerSecond",
                "must be from 1 to " + limits.maxRate());
        check(errors, spec.plannedRequestsPerPhase() >= 1, "phaseSeconds", "must leave at least one request");
        check(errors, spec.concurrency() >= 1 && spec.concurrency() <= limits.maxConcurrency(), "concurrency",
                "must be from 1 to " + limits.maxConcurrency());
        check(errors, spec.writePercent() >= 0 && spec.writePercent() <= 100, "writePercent", "must be from 0 to 100");
        check(errors, spec.zipfSkew() >= 0 && spec.zipfSkew() <= MAX_SKEW, "zipfSkew", "must be from 0 to " + MAX_SKEW);
        check(errors, spec.dbDelayMillis() >= 0 && spec.dbDelayMillis() <= MAX_DB_DELAY_MILLIS, "dbDelayMillis",
                "must be from 0 to " + MAX_DB_DELAY_MILLIS);
        if (!errors.isEmpty()) {
            throw ApiProblem.invalidFields(errors);
        }
        return spec;
    }

    private static void check(List<FieldError> errors, boolean ok, String field, String message) {
        if (!ok) {
            errors.add(new FieldError(field, message));
        }
    }
}

package dev.cachedeck.server.bench;

import dev.cachedeck.model.api.Problem.FieldError;
import dev.cachedeck.model.bench.BenchState;
import dev.cachedeck.model.bench.DatabaseDelay;
import dev.cachedeck.model.bench.LiveTrafficSpec;
import dev.cachedeck.model.bench.PhaseMarker;
import dev.cachedeck.model.bench.RedisPause;
import dev.cachedeck.model.bench.ScenarioSpec;
import dev.cachedeck.server.http.ApiProblem;
import dev.cachedeck.server.http.RequestReader;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * {@code /admin/traffic}: start or change (PUT a {@link LiveTrafficSpec}), observe and stop live traffic.
 * {@code /admin/bench}: start (POST a {@link ScenarioSpec}), observe (GET) and stop (DELETE) the one
 * before/after scenario run inside the server; {@code /admin/database/delay}: read or set the simulated database
 * round trip. A scenario generated in another process (the {@code bench} command) switches its phases through
 * {@code /admin/cache}, the delay and three calls of its own: the population to draw from, phase markers for the
 * live charts, and a Redis pause for the redis-down phase.
 */
public final class BenchRoutes implements HttpService {
    private static final int MAX_MARKER_LENGTH = 80;

    private final RequestReader reader;
    private final ScenarioRunner runner;
    private final ScenarioControls controls;
    private final LiveTraffic traffic;

    public BenchRoutes(RequestReader reader, ScenarioRunner runner, ScenarioControls controls, LiveTraffic traffic) {
        this.reader = reader;
        this.runner = runner;
        this.controls = controls;
        this.traffic = traffic;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/bench", (req, res) -> {
                    ScenarioSpec spec = validated(reader.body(req, ScenarioSpec.class));
                    if (traffic.running()) {
                        throw ApiProblem.conflict("live traffic is running; stop it with DELETE /admin/traffic first");
                    }
                    res.status(Status.ACCEPTED_202).send(runner.start(spec, ownLoopbackUri(req)));
                })
                .get("/bench", (req, res) -> {
                    res.send(runner.status());
                })
                .delete("/bench", (req, res) -> {
                    res.send(runner.stop());
                })
                .get("/bench/population", (req, res) -> {
                    res.send(controls.population());
                })
                .post("/bench/markers", (req, res) -> {
                    PhaseMarker marker = reader.body(req, PhaseMarker.class);
                    if (marker.label() == null || marker.label().isBlank() || marker.label().length() > MAX_MARKER_LENGTH) {
                        throw ApiProblem.invalidFields(List.of(
                                new FieldError("label", "must be 1 to " + MAX_MARKER_LENGTH + " characters")));
                    }
                    controls.mark(marker.label());
                    res.status(Status.NO_CONTENT_204).send();
                })
                .post("/bench/redis-pause", (req, res) -> {
                    RedisPause pause = reader.body(req, RedisPause.class);
                    long maxMillis = 2 * runner.settings().maxPhase().toMillis();
                    if (pause.millis() == null || pause.millis() < 1 || pause.millis() > maxMillis) {
                        throw ApiProblem.invalidFields(List.of(
                                new FieldError("millis", "must be a whole number from 1 to " + maxMillis)));
                    }
                    controls.pauseRedis(Duration.ofMillis(pause.millis()));
                    res.status(Status.NO_CONTENT_204).send();
                })
                .get("/traffic", (req, res) -> {
                    res.send(traffic.status());
                })
                .put("/traffic", (req, res) -> {
                    LiveTrafficSpec spec = validated(reader.body(req, LiveTrafficSpec.class));
                    if (runner.status().state() == BenchState.RUNNING || runner.status().state() == BenchState.STOPPING) {
                        throw ApiProblem.conflict("a scenario is running; live traffic would change its figures");
                    }
                    res.send(traffic.start(spec, ownLoopbackUri(req)));
                })
                .delete("/traffic", (req, res) -> {
                    res.send(traffic.stop());
                })
                .get("/database/delay", (req, res) -> {
                    res.send(currentDelay());
                })
                .put("/database/delay", (req, res) -> {
                    DatabaseDelay delay = reader.body(req, DatabaseDelay.class);
                    if (delay.millis() == null || delay.millis() < 0 || delay.millis() > ScenarioChecks.MAX_DB_DELAY_MILLIS) {
                        throw ApiProblem.invalidFields(List.of(
                                new FieldError("millis", "must be a number from 0 to " + ScenarioChecks.MAX_DB_DELAY_MILLIS)));
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

    private LiveTrafficSpec validated(LiveTrafficSpec spec) {
        List<FieldError> errors = ScenarioChecks.errors(spec, runner.settings());
        if (!errors.isEmpty()) {
            throw ApiProblem.invalidFields(errors);
        }
        return spec;
    }

    private ScenarioSpec validated(ScenarioSpec spec) {
        List<FieldError> errors = ScenarioChecks.errors(spec, runner.settings());
        if (!errors.isEmpty()) {
            throw ApiProblem.invalidFields(errors);
        }
        return spec;
    }
}

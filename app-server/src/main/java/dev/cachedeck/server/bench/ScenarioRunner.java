package dev.cachedeck.server.bench;

import dev.cachedeck.model.bench.BenchStatus;
import dev.cachedeck.model.bench.ScenarioSpec;
import dev.cachedeck.server.http.ApiProblem;
import dev.cachedeck.server.loadgen.LoadTarget;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one scenario at a time inside the server, on a background thread ({@code POST /admin/bench}): the load
 * is generated in the server's own process and shares its cores and heap, which the report says.
 */
public final class ScenarioRunner implements AutoCloseable {
    static final String IN_SERVER = "in the server's process (lean HTTP/1.1 client)";

    private final String adminToken;
    private final BenchSettings settings;
    private final ScenarioControls controls;
    private final AtomicReference<ScenarioProgress> latest = new AtomicReference<>();

    public ScenarioRunner(String adminToken, BenchSettings settings, ScenarioControls controls) {
        this.adminToken = adminToken;
        this.settings = settings;
        this.controls = controls;
    }

    public BenchSettings settings() {
        return settings;
    }

    /** Starts {@code spec} against the server at {@code target} (a loopback URI), or 409 when one runs. */
    public synchronized BenchStatus start(ScenarioSpec spec, URI target) {
        LoadTarget load = LoadTarget.of(target, adminToken);
        ScenarioProgress current = latest.get();
        if (current != null && current.active()) {
            throw ApiProblem.conflict("a scenario is already running; stop it with DELETE /admin/bench");
        }
        ScenarioProgress run = new ScenarioProgress(spec, settings.calibrationProbe().toMillis() / 1000.0);
        latest.set(run);
        Scenario scenario = new Scenario(controls, load, settings, IN_SERVER);
        Thread.ofPlatform().name("bench-scenario").daemon().start(() -> scenario.run(run));
        return run.status();
    }

    public BenchStatus status() {
        ScenarioProgress run = latest.get();
        return run == null ? BenchStatus.idle() : run.status();
    }

    /** Asks the running scenario to stop; requests in flight finish, the settings are restored. */
    public BenchStatus stop() {
        ScenarioProgress run = latest.get();
        if (run == null) {
            return BenchStatus.idle();
        }
        run.requestStop();
        return run.status();
    }

    @Override
    public void close() {
        stop();
    }
}

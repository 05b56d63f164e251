package dev.cachedeck.server.bench;

import dev.cachedeck.model.bench.BenchEnvironment;
import dev.cachedeck.model.bench.BenchReport;
import dev.cachedeck.model.bench.BenchState;
import dev.cachedeck.model.bench.BenchStatus;
import dev.cachedeck.model.bench.CapacityResult;
import dev.cachedeck.model.bench.PhaseName;
import dev.cachedeck.model.bench.PhaseResult;
import dev.cachedeck.model.bench.ScenarioSpec;
import dev.cachedeck.server.http.ApiProblem;
import dev.cachedeck.server.metrics.MarkerLog;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * Runs one before/after scenario at a time on a background thread: for each phase it sets the cache up
 * (off; flushed and on; on; on with Redis paused), drives the server's public routes through the
 * {@link LoadGenerator} and keeps the figures, then restores the cache switch and the database delay.
 */
public final class ScenarioRunner implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(ScenarioRunner.class.getName());
    private static final Duration REDIS_RECOVERY_LIMIT = Duration.ofSeconds(30);

    /** Facts about the server that a report states and the runner cannot see for itself. */
    public record ServerFacts(double dataScale, String database, String redis) {
    }

    private final String adminToken;
    private final BenchSettings settings;
    private final ScenarioControls controls;
    private final Supplier<Population> population;
    private final ServerFacts facts;
    private final MarkerLog markers;
    private final AtomicReference<ScenarioRun> latest = new AtomicReference<>();

    /** {@code markers} gets the scenario's phase changes, so the live charts show where each phase began. */
    public ScenarioRunner(String adminToken, BenchSettings settings, ScenarioControls controls,
                          Supplier<Population> population, ServerFacts facts, MarkerLog markers) {
        this.adminToken = adminToken;
        this.settings = settings;
        this.controls = controls;
        this.population = population;
        this.facts = facts;
        this.markers = markers;
    }

    public BenchSettings settings() {
        return settings;
    }

    /** Starts {@code spec} against the server at {@code target} (a loopback URI), or 409 when one runs. */
    public synchronized BenchStatus start(ScenarioSpec spec, URI target) {
        LoadGenerator.requireLoopback(target);
        ScenarioRun current = latest.get();
        if (current != null && current.active()) {
            throw ApiProblem.conflict("a scenario is already running; stop it with DELETE /admin/bench");
        }
        ScenarioRun run = new ScenarioRun(spec);
        latest.set(run);
        Thread.ofPlatform().name("bench-scenario").daemon().start(() -> execute(run, target));
        return run.status();
    }

    public BenchStatus status() {
        ScenarioRun run = latest.get();
        return run == null ? BenchStatus.idle() : run.status();
    }

    /** Asks the running scenario to stop; requests in flight finish, the settings are restored. */
    public BenchStatus stop() {
        ScenarioRun run = latest.get();
        if (run == null) {
            return BenchStatus.idle();
        }
        run.requestStop();
        return run.status();
    }

    private void execute(ScenarioRun run, URI target) {
        ScenarioSpec spec = run.spec();
        ScenarioControls.Saved saved = controls.save();
        LOG.info(() -> "bench scenario started phases=" + spec.phases() + " rate=" + spec.ratePerSecond()
                + " db_delay_ms=" + spec.dbDelayMillis());
        try (LoadGenerator generator = new LoadGenerator(target, settings.startTimeout())) {
            controls.setDbDelay(Duration.ofNanos(Math.round(spec.dbDelayMillis() * 1_000_000)));
            Population ids = population.get();
            TrafficPlan plan = new TrafficPlan(target, adminToken, settings.requestTimeout(), ids,
                    spec.writePercent(), spec.zipfSkew(), spec.seed());
            BenchEnvironment environment = environment(spec, ids);
            for (PhaseName phase : spec.phases()) {
                if (run.stopRequested()) {
                    break;
                }
                runPhase(run, phase, generator, plan);
            }
            run.finish(environment);
            markers.record(MarkerLog.PHASE, "bench " + run.status().state().name().toLowerCase(Locale.ROOT));
            LOG.info(() -> "bench scenario finished state=" + run.status().state());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            run.fail("interrupted");
            markers.record(MarkerLog.PHASE, "bench failed");
        } catch (RuntimeException | Error e) {
            // Whatever ends this thread must end the run too: a run left RUNNING refuses every later one (409).
            LOG.warning("bench scenario failed error=\"" + e + "\"");
            run.fail(e.toString());
            markers.record(MarkerLog.PHASE, "bench failed");
            if (e instanceof Error error) {
                throw error;
            }
        } finally {
            controls.restore(saved);
        }
    }

    private void runPhase(ScenarioRun run, PhaseName phase, LoadGenerator generator, TrafficPlan plan)
            throws InterruptedException {
        ScenarioSpec spec = run.spec();
        // A warm-up before the cold phase would fill the cache it is meant to measure empty.
        double warmupSeconds = phase == PhaseName.COLD ? 0 : spec.warmupSeconds();
        long warmupRequests = Math.round(warmupSeconds * spec.ratePerSecond());
        long total = warmupRequests + spec.plannedRequestsPerPhase();
        prepare(phase, warmupSeconds + spec.phaseSeconds() + spec.capacitySeconds());
        PhaseRecorder recorder = new PhaseRecorder(phase, TrafficPlan.routeNames());
        // Fresh sequences per phase: every phase's measured window sends the same requests in the same order.
        TrafficPlan.Sequence warmup = plan.sequence(TrafficPlan.Stream.WARMUP);
        TrafficPlan.Sequence measured = plan.sequence(TrafficPlan.Stream.MEASURED);
        run.phaseStarted(phase, warmupSeconds);
        markers.record(MarkerLog.PHASE, "bench " + phaseLabel(phase) + (warmupRequests > 0 ? " warm-up" : ""));
        generator.run(total, spec.ratePerSecond(), spec.concurrency(),
                index -> index < warmupRequests ? warmup.next() : measured.next(), index -> {
            if (index < warmupRequests) {
                return null;
            }
            if (index == warmupRequests) {
                run.measureStarted(recorder);
                if (warmupRequests > 0) {
                    markers.record(MarkerLog.PHASE, "bench " + phaseLabel(phase) + " measured");
                }
            }
            return recorder;
        }, run::stopRequested);
        run.latencyMeasured();
        if (spec.capacitySeconds() > 0 && !run.stopRequested()) {
            // Same phase state (cache switch, Redis paused or not); the cold phase is no longer cold by now.
            TrafficPlan.Sequence saturating = plan.sequence(TrafficPlan.Stream.CAPACITY);
            markers.record(MarkerLog.PHASE, "bench " + phaseLabel(phase) + " capacity");
            run.capacityMeasured(generator.saturate(Duration.ofMillis(Math.round(spec.capacitySeconds() * 1000)),
                    spec.concurrency(), () -> {
                        synchronized (saturating) {
                            return saturating.next();
                        }
                    }, run::stopRequested));
        }
        run.phaseEnded();
        if (phase == PhaseName.REDIS_DOWN && !controls.awaitCacheRecovered(REDIS_RECOVERY_LIMIT)) {
            throw new IllegalStateException("the Redis circuit did not close within " + REDIS_RECOVERY_LIMIT);
        }
    }

    private static String phaseLabel(PhaseName phase) {
        return phase.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private void prepare(PhaseName phase, double seconds) {
        switch (phase) {
            case OFF -> controls.setCacheEnabled(false);
            case COLD -> {
                controls.setCacheEnabled(true);
                long flushed = controls.flushCache();
                LOG.info(() -> "bench cold phase flushed_keys=" + flushed);
            }
            case WARM -> controls.setCacheEnabled(true);
            case REDIS_DOWN -> {
                controls.setCacheEnabled(true);
                controls.pauseRedis(Duration.ofMillis(Math.round(seconds * 1000)));
            }
        }
    }

    private BenchEnvironment environment(ScenarioSpec spec, Population ids) {
        Runtime runtime = Runtime.getRuntime();
        return new BenchEnvironment(facts.dataScale(), ids.userIds().length, ids.jobIds().length,
                spec.dbDelayMillis(), runtime.availableProcessors(),
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), facts.database(), facts.redis());
    }

    @Override
    public void close() {
        stop();
    }

    /** One scenario's mutable progress; every method is synchronized because HTTP threads read it. */
    private static final class ScenarioRun {
        private final ScenarioSpec spec;
        private final Instant startedAt = Instant.now();
        private final long startedNanos = System.nanoTime();
        private final double plannedSeconds;
        private final List<PhaseResult> finished = new ArrayList<>();
        private BenchState state = BenchState.RUNNING;
        private PhaseName phase;
        private double phasePlannedSeconds;
        private double donePlannedSeconds;
        private long phaseStartedNanos;
        private PhaseRecorder measuring;
        private PhaseResult measured;
        private long measureStartedNanos;
        private BenchReport report;
        private String error;
        private volatile boolean stopRequested;

        ScenarioRun(ScenarioSpec spec) {
            this.spec = spec;
            this.plannedSeconds = spec.phases().stream()
                    .mapToDouble(p -> (p == PhaseName.COLD ? 0 : spec.warmupSeconds()) + spec.phaseSeconds()
                            + spec.capacitySeconds()).sum();
        }

        ScenarioSpec spec() {
            return spec;
        }

        boolean stopRequested() {
            return stopRequested;
        }

        synchronized boolean active() {
            return state == BenchState.RUNNING || state == BenchState.STOPPING;
        }

        synchronized void requestStop() {
            if (active()) {
                stopRequested = true;
                state = BenchState.STOPPING;
            }
        }

        synchronized void phaseStarted(PhaseName name, double warmupSeconds) {
            phase = name;
            phasePlannedSeconds = warmupSeconds + spec.phaseSeconds() + spec.capacitySeconds();
            phaseStartedNanos = System.nanoTime();
            measuring = null;
        }

        synchronized void measureStarted(PhaseRecorder recorder) {
            measuring = recorder;
            measureStartedNanos = System.nanoTime();
        }

        /** The open-loop window is over: its figures are final, the capacity run (if any) follows. */
        synchronized void latencyMeasured() {
            if (measuring != null) {
                measured = measuring.result(seconds(System.nanoTime() - measureStartedNanos), !stopRequested);
            }
            measuring = null;
        }

        synchronized void capacityMeasured(CapacityResult capacity) {
            if (measured != null) {
                measured = measured.withCapacity(capacity);
            }
        }

        synchronized void phaseEnded() {
            if (measured != null) {
                finished.add(measured);
            }
            donePlannedSeconds += phasePlannedSeconds;
            measured = null;
            phase = null;
        }

        synchronized void finish(BenchEnvironment environment) {
            report = ReportBuilder.build(spec, environment, startedAt, Instant.now(), finished);
            state = stopRequested ? BenchState.STOPPED : BenchState.DONE;
        }

        synchronized void fail(String reason) {
            error = reason;
            state = BenchState.FAILED;
        }

        synchronized BenchStatus status() {
            List<PhaseResult> phases = new ArrayList<>(finished);
            if (measuring != null) {
                phases.add(measuring.result(seconds(System.nanoTime() - measureStartedNanos), false));
            } else if (measured != null) {
                phases.add(measured.asIncomplete());
            }
            double inPhase = phase == null ? 0 : Math.min(phasePlannedSeconds, seconds(System.nanoTime() - phaseStartedNanos));
            double progress = active() ? Math.min(1, (donePlannedSeconds + inPhase) / plannedSeconds) : 1;
            return new BenchStatus(state, spec, phase, phase != null && measuring == null && measured == null, progress,
                    seconds(System.nanoTime() - startedNanos), phases, report, error);
        }

        private static double seconds(long nanos) {
            return nanos / 1e9;
        }
    }
}

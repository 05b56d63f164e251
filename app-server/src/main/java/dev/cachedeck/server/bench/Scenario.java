package dev.cachedeck.server.bench;

import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.bench.BenchEnvironment;
import dev.cachedeck.model.bench.Calibration;
import dev.cachedeck.model.bench.CapacityResult;
import dev.cachedeck.model.bench.PhaseName;
import dev.cachedeck.model.bench.Population;
import dev.cachedeck.model.bench.ScenarioSpec;
import dev.cachedeck.server.loadgen.LoadRequest;
import dev.cachedeck.server.loadgen.LoadTarget;
import java.time.Duration;
import java.util.Locale;
import java.util.logging.Logger;

/**
 * One before/after scenario, run on the calling thread: for each phase it sets the server up (cache off; flushed
 * and on; on; on with Redis paused), drives the public routes with the {@link LoadGenerator} from this process,
 * keeps the figures in a {@link ScenarioProgress}, and at the end restores the cache switch and the database
 * delay. The same code runs inside the server ({@link ScenarioRunner}) and in the {@code bench} command's own
 * process; only the {@link ScenarioServer} differs.
 */
final class Scenario {
    private static final Logger LOG = Logger.getLogger(Scenario.class.getName());
    private static final Duration REDIS_RECOVERY_LIMIT = Duration.ofSeconds(30);
    /** Uncounted closed-loop time before the ceiling and the calibration probe: the JIT compiles the paths first. */
    static final double CEILING_WARMUP_SECONDS = 1;
    private static final double PROBE_WARMUP_SECONDS = 1;
    private static final PlannedRequest PING = new PlannedRequest("ping", false, "GET " + ApiPaths.PING,
            LoadRequest.get(ApiPaths.PING));

    private final ScenarioServer server;
    private final LoadTarget target;
    private final BenchSettings settings;
    private final String generator;

    /** {@code generator} says in the report where the load came from (which process, which client). */
    Scenario(ScenarioServer server, LoadTarget target, BenchSettings settings, String generator) {
        this.server = server;
        this.target = target;
        this.settings = settings;
        this.generator = generator;
    }

    /** Runs the progress's spec to the end (or its stop), leaving the outcome in {@code run}; never throws. */
    void run(ScenarioProgress run) {
        ScenarioSpec spec = run.spec();
        LOG.info(() -> "bench scenario started phases=" + spec.phases() + " rate=" + spec.ratePerSecond()
                + " db_delay_ms=" + spec.dbDelayMillis() + " generator=\"" + generator + "\"");
        ScenarioServer.Saved saved = null;
        try (LoadGenerator load = new LoadGenerator(target, spec.concurrency(), settings.startTimeout(),
                settings.requestTimeout())) {
            saved = server.save();
            server.setDbDelay(Duration.ofNanos(Math.round(spec.dbDelayMillis() * 1_000_000)));
            Population population = server.population();
            TrafficPlan plan = new TrafficPlan(population, spec.writePercent(), spec.zipfSkew(), spec.seed());
            if (spec.capacitySeconds() > 0 && !run.stopRequested()) {
                measureCeiling(run, load);
            }
            int rate = spec.calibrated() && !run.stopRequested() ? calibrate(run, load, plan) : spec.ratePerSecond();
            for (PhaseName phase : spec.phases()) {
                if (run.stopRequested()) {
                    break;
                }
                runPhase(run, phase, load, plan, rate);
            }
            run.finish(environment(spec, population));
            server.mark("bench " + run.status().state().name().toLowerCase(Locale.ROOT));
            LOG.info(() -> "bench scenario finished state=" + run.status().state());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failed(run, "interrupted");
        } catch (RuntimeException | Error e) {
            // Whatever ends this thread must end the run too: a run left RUNNING refuses every later one (409).
            LOG.warning("bench scenario failed error=\"" + e + "\"");
            failed(run, e.toString());
            if (e instanceof Error error) {
                throw error;
            }
        } finally {
            if (saved != null) {
                server.restore(saved);
            }
        }
    }

    private void failed(ScenarioProgress run, String reason) {
        run.fail(reason);
        try {
            server.mark("bench failed");
        } catch (RuntimeException e) {
            LOG.warning("bench failure marker not recorded error=\"" + e + "\"");
        }
    }

    /** The capacity of a route that touches neither database nor cache: what no phase can exceed. */
    private void measureCeiling(ScenarioProgress run, LoadGenerator load) throws InterruptedException {
        run.stepStarted("ceiling");
        server.mark("bench ceiling");
        load.saturate(seconds(CEILING_WARMUP_SECONDS), worker -> () -> PING, run::stopRequested);
        CapacityResult ceiling = load.saturate(seconds(run.spec().capacitySeconds()), worker -> () -> PING,
                run::stopRequested);
        LOG.info(() -> String.format(Locale.ROOT, "bench ceiling per_second=%.0f connections=%d",
                ceiling.perSecond(), ceiling.workers()));
        run.ceilingMeasured(ceiling);
    }

    /**
     * Probes the cache-off capacity with the scenario's own kind of traffic and offers about half of it, so that
     * even the slowest phase runs well below saturation and its latency is the server's, not a queue's.
     */
    private int calibrate(ScenarioProgress run, LoadGenerator load, TrafficPlan plan) throws InterruptedException {
        run.stepStarted("calibration");
        server.mark("bench calibration");
        server.setCacheEnabled(false);
        load.saturate(seconds(PROBE_WARMUP_SECONDS), worker -> plan.sequence(TrafficPlan.Stream.PROBE, worker)::next,
                run::stopRequested);
        double probeSeconds = settings.calibrationProbe().toMillis() / 1000.0 - PROBE_WARMUP_SECONDS;
        CapacityResult probe = load.saturate(seconds(probeSeconds),
                worker -> plan.sequence(TrafficPlan.Stream.PROBE, worker + load.connections())::next,
                run::stopRequested);
        Calibration calibration = new Calibration(probe.seconds(), probe.perSecond(),
                Calibration.rateFor(probe.perSecond()));
        LOG.info(() -> String.format(Locale.ROOT, "bench calibrated off_capacity_per_second=%.0f rate=%d",
                calibration.offCapacity(), calibration.chosenRate()));
        run.calibrated(calibration, settings.calibrationProbe().toMillis() / 1000.0);
        return calibration.chosenRate();
    }

    private static Duration seconds(double seconds) {
        return Duration.ofMillis(Math.round(seconds * 1000));
    }

    private void runPhase(ScenarioProgress run, PhaseName phase, LoadGenerator load, TrafficPlan plan, int rate)
            throws InterruptedException {
        ScenarioSpec spec = run.spec();
        // A warm-up before the cold phase would fill the cache it is meant to measure empty.
        double warmupSeconds = phase == PhaseName.COLD ? 0 : spec.warmupSeconds();
        long warmupRequests = Math.round(warmupSeconds * rate);
        long total = warmupRequests + Math.round(spec.phaseSeconds() * rate);
        prepare(phase, warmupSeconds + spec.phaseSeconds() + spec.capacitySeconds());
        PhaseRecorder recorder = new PhaseRecorder(phase, TrafficPlan.routeNames(), rate, spec.phaseSeconds());
        // Fresh sequences per phase: every phase's measured window sends the same requests in the same order.
        TrafficPlan.Sequence warmup = plan.sequence(TrafficPlan.Stream.WARMUP);
        TrafficPlan.Sequence measured = plan.sequence(TrafficPlan.Stream.MEASURED);
        WindowReplay window = new WindowReplay();
        run.phaseStarted(phase, warmupSeconds);
        server.mark("bench " + phase.wireName() + (warmupRequests > 0 ? " warm-up" : ""));
        load.run(total, rate, index -> index < warmupRequests ? warmup.next() : window.keep(measured.next()),
                index -> {
                    if (index < warmupRequests) {
                        return null;
                    }
                    if (index == warmupRequests) {
                        run.measureStarted(recorder);
                        if (warmupRequests > 0) {
                            server.mark("bench " + phase.wireName() + " measured");
                        }
                    }
                    return recorder;
                }, run::stopRequested);
        run.latencyMeasured();
        if (spec.capacitySeconds() > 0 && !run.stopRequested() && !window.isEmpty()) {
            // Same phase state (cache switch, Redis paused or not) and the window's own requests again; the cold
            // phase is no longer cold by now.
            server.mark("bench " + phase.wireName() + " capacity");
            run.capacityMeasured(load.saturate(seconds(spec.capacitySeconds()), window.lanes(load.connections()),
                    run::stopRequested));
        }
        run.phaseEnded();
        if (phase == PhaseName.REDIS_DOWN && !server.awaitCacheRecovered(REDIS_RECOVERY_LIMIT)) {
            throw new IllegalStateException("the Redis circuit did not close within " + REDIS_RECOVERY_LIMIT);
        }
    }

    private void prepare(PhaseName phase, double seconds) {
        switch (phase) {
            case OFF -> server.setCacheEnabled(false);
            case COLD -> {
                server.setCacheEnabled(true);
                server.flushCache();
            }
            case WARM -> server.setCacheEnabled(true);
            case REDIS_DOWN -> {
                server.setCacheEnabled(true);
                server.pauseRedis(Duration.ofMillis(Math.round(seconds * 1000)));
            }
        }
    }

    private BenchEnvironment environment(ScenarioSpec spec, Population population) {
        Runtime runtime = Runtime.getRuntime();
        return new BenchEnvironment(population.dataScale(), population.userIds().length, population.jobIds().length,
                spec.dbDelayMillis(), runtime.availableProcessors(),
                System.getProperty("java.vm.name") + " " + Runtime.version(),
                System.getProperty("os.name") + " " + System.getProperty("os.arch"), population.database(),
                population.redis(), generator);
    }
}

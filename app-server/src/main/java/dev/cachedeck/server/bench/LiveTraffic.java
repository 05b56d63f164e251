package dev.cachedeck.server.bench;

import dev.cachedeck.model.bench.LiveTrafficSpec;
import dev.cachedeck.model.bench.LiveTrafficStatus;
import dev.cachedeck.model.bench.ScenarioSpec;
import dev.cachedeck.server.loadgen.LoadTarget;
import java.net.URI;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Steady traffic without phases ({@code /admin/traffic}): the scenario's generator and request mix at a fixed
 * rate inside the server's process until stopped (or {@code cachedeck.bench.live-traffic-limit} passes), so a
 * developer can toggle tiers and purge keys and watch the charts react. Changing the settings restarts it; the
 * database delay it sets is put back when it stops. Only one runs, and never beside a scenario.
 */
public final class LiveTraffic implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(LiveTraffic.class.getName());
    private static final double CHUNK_SECONDS = 10;
    private static final long SEED = ScenarioSpec.defaults().seed();

    private final String adminToken;
    private final BenchSettings settings;
    private final ScenarioControls controls;
    private Running current;

    public LiveTraffic(String adminToken, BenchSettings settings, ScenarioControls controls) {
        this.adminToken = adminToken;
        this.settings = settings;
        this.controls = controls;
    }

    /** Starts {@code spec} against {@code target} (this server over loopback), replacing traffic that runs. */
    public synchronized LiveTrafficStatus start(LiveTrafficSpec spec, URI target) throws InterruptedException {
        LoadTarget load = LoadTarget.of(target, adminToken);
        stopAndWait();
        current = new Running(spec, load);
        current.thread = Thread.ofPlatform().name("live-traffic").daemon().start(current);
        return current.status();
    }

    public synchronized LiveTrafficStatus stop() throws InterruptedException {
        stopAndWait();
        return status();
    }

    public synchronized LiveTrafficStatus status() {
        return current == null ? LiveTrafficStatus.idle() : current.status();
    }

    public synchronized boolean running() {
        return current != null && current.thread.isAlive();
    }

    private void stopAndWait() throws InterruptedException {
        if (current != null) {
            current.stopRequested = true;
            current.thread.join();
        }
    }

    @Override
    public synchronized void close() throws InterruptedException {
        stopAndWait();
    }

    /** One traffic run: chunks of open-loop schedule back to back until it is asked to stop. */
    private final class Running implements Runnable {
        private final LiveTrafficSpec spec;
        private final LoadTarget target;
        private final long startedNanos = System.nanoTime();
        private volatile long endedNanos;
        private volatile boolean stopRequested;
        private Thread thread;

        Running(LiveTrafficSpec spec, LoadTarget target) {
            this.spec = spec;
            this.target = target;
        }

        LiveTrafficStatus status() {
            long end = endedNanos == 0 ? System.nanoTime() : endedNanos;
            return new LiveTrafficStatus(endedNanos == 0, spec, (end - startedNanos) / 1e9);
        }

        @Override
        public void run() {
            Duration delayBefore = controls.dbDelay();
            controls.setDbDelay(Duration.ofNanos(Math.round(spec.dbDelayMillis() * 1_000_000)));
            controls.mark("live traffic on");
            LOG.info(() -> "live traffic started rate=" + spec.ratePerSecond() + " write_percent=" + spec.writePercent()
                    + " db_delay_ms=" + spec.dbDelayMillis());
            long deadline = startedNanos + settings.liveTrafficLimit().toNanos();
            try (LoadGenerator load = new LoadGenerator(target, ScenarioSpec.defaults().concurrency(),
                    settings.startTimeout(), settings.requestTimeout())) {
                TrafficPlan.Sequence requests = new TrafficPlan(controls.population(), spec.writePercent(),
                        spec.zipfSkew(), SEED).sequence(TrafficPlan.Stream.MEASURED);
                long chunk = Math.max(1, Math.round(spec.ratePerSecond() * CHUNK_SECONDS));
                while (!stopRequested && System.nanoTime() < deadline) {
                    load.run(chunk, spec.ratePerSecond(), index -> requests.next(), index -> null,
                            () -> stopRequested || System.nanoTime() >= deadline);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                LOG.warning("live traffic failed error=\"" + e + "\"");
            } finally {
                controls.setDbDelay(delayBefore);
                endedNanos = System.nanoTime();
                controls.mark("live traffic off");
                LOG.info("live traffic stopped");
            }
        }
    }
}

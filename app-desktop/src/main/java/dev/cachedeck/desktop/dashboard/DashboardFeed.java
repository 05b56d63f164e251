package dev.cachedeck.desktop.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.desktop.client.AdminApi;
import dev.cachedeck.desktop.tasks.Tasks;
import dev.cachedeck.model.monitor.StatsTick;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Live stats from the admin API's stats stream into the charts and the tiles. Chart data is written
 * on the stream's thread; the view-model gets ticks in batches through one pending UI task at a time,
 * so a replay of 900 ticks after a reconnect is one UI update, not 900.
 */
public final class DashboardFeed implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DashboardFeed.class.getName());
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final ObjectMapper mapper;
    private final LiveSeries series;
    private final Tasks ui;
    private final Consumer<List<StatsTick>> ticksOnUi;
    private final EventStream stream;
    private final ConcurrentLinkedQueue<StatsTick> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean flushQueued = new AtomicBoolean();
    /** Guarded by this: once closed, no event reaches the series, whose next ticks may come from elsewhere. */
    private boolean closed;

    public DashboardFeed(AdminApi admin, ObjectMapper mapper, LiveSeries series, Tasks ui,
                         Consumer<List<StatsTick>> ticksOnUi, Consumer<EventStream.Status> statusOnUi) {
        this.mapper = mapper;
        this.series = series;
        this.ui = ui;
        this.ticksOnUi = ticksOnUi;
        this.stream = new EventStream(admin::statsStream, RETRY, this::event,
                status -> ui.onUi(() -> statusOnUi.accept(status)));
    }

    public synchronized void start() {
        if (!closed) {
            stream.start();
        }
    }

    private synchronized void event(SseEvent event) {
        if (closed) {
            return;
        }
        // Other event types (bench progress, for one) may be added by the server; this feed only draws ticks.
        if (!event.event().equals("tick")) {
            return;
        }
        StatsTick tick;
        try {
            tick = mapper.readValue(event.data(), StatsTick.class);
        } catch (IOException e) {
            LOG.warning("unreadable stats tick id=" + event.id() + " error=" + e.getMessage());
            return;
        }
        series.append(List.of(tick));
        pending.add(tick);
        if (flushQueued.compareAndSet(false, true)) {
            ui.onUi(this::flush);
        }
    }

    private void flush() {
        flushQueued.set(false);
        synchronized (this) {
            // A batch queued before close() would land on whatever the view-model shows next.
            if (closed) {
                pending.clear();
                return;
            }
        }
        List<StatsTick> batch = new ArrayList<>();
        for (StatsTick tick = pending.poll(); tick != null; tick = pending.poll()) {
            batch.add(tick);
        }
        if (!batch.isEmpty()) {
            ticksOnUi.accept(batch);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
        }
        stream.close();
    }
}

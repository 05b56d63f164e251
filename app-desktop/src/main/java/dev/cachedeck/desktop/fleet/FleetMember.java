package dev.cachedeck.desktop.fleet;

import dev.cachedeck.desktop.client.AdminApi;
import dev.cachedeck.desktop.client.AdminProblem;
import dev.cachedeck.model.monitor.StatsSnapshot;
import dev.cachedeck.model.monitor.StatsTick;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One server instance of the fleet, polled through its own admin API: the seconds it reported (as many as the
 * server keeps), its last snapshot, and whether it still answers. An instance that stops answering stays a
 * member, marked unreachable; its figures come back with its next answer, the missed seconds replayed.
 * Polled from background threads, read from the UI thread: every state change is under its lock.
 */
public final class FleetMember {
    /** What the server keeps and replays, 15 minutes of one-second ticks. */
    static final int KEPT_SECONDS = 900;

    private final URI url;
    private final AdminApi admin;
    private final Deque<StatsTick> ticks = new ArrayDeque<>();
    private final Set<String> answeredAs = new LinkedHashSet<>();
    private String id;
    private StatsSnapshot last;
    private String problem = "";
    private Instant unreachableSince;
    private boolean polled;

    FleetMember(String id, URI url, AdminApi admin) {
        this.id = id;
        this.url = url;
        this.admin = admin;
    }

    /**
     * Asks for the snapshot with every second after the newest one held (the last 15 minutes the first time), and
     * keeps what came; a failure marks the instance unreachable. Blocks for at most the admin API's timeout.
     */
    void poll(Instant now) {
        Instant since;
        synchronized (this) {
            since = ticks.isEmpty() ? now.minusSeconds(KEPT_SECONDS) : Instant.ofEpochSecond(ticks.peekLast().second());
        }
        try {
            answered(admin.stats(since));
        } catch (AdminProblem failure) {
            failed(failure.getMessage(), now);
        }
    }

    private synchronized void answered(StatsSnapshot snapshot) {
        polled = true;
        last = snapshot;
        problem = "";
        unreachableSince = null;
        if (snapshot.instance() != null) {
            named(snapshot.instance());
        }
        for (StatsTick tick : snapshot.series() == null ? List.<StatsTick>of() : snapshot.series()) {
            if (ticks.isEmpty() || tick.second() > ticks.peekLast().second()) {
                ticks.addLast(tick);
            }
        }
        while (ticks.size() > KEPT_SECONDS) {
            ticks.removeFirst();
        }
    }

    /** The instance id an answer named (a server from before instance ids names none). */
    synchronized void named(String instance) {
        answeredAs.add(instance);
        id = instance;
    }

    private synchronized void failed(String why, Instant now) {
        polled = true;
        problem = why;
        if (unreachableSince == null) {
            unreachableSince = now;
        }
    }

    /** The instance id it answers as, or its URL until it has said. */
    public synchronized String id() {
        return id;
    }

    public URI url() {
        return url;
    }

    public AdminApi admin() {
        return admin;
    }

    public synchronized boolean answering() {
        return polled && unreachableSince == null;
    }

    /** Not asked yet: neither answering nor unreachable. */
    public synchronized boolean waiting() {
        return !polled;
    }

    /** Why the last poll failed; empty while it answers. */
    public synchronized String problem() {
        return problem;
    }

    public synchronized Optional<Instant> unreachableSince() {
        return Optional.ofNullable(unreachableSince);
    }

    /**
     * Every instance id its answers named. More than one means the URL is not one instance but something that
     * spreads requests over several, such as a load balancer: its figures are a mix.
     */
    public synchronized Set<String> answeredAs() {
        return Set.copyOf(answeredAs);
    }

    /** The seconds held, oldest first. */
    public synchronized List<StatsTick> ticks() {
        return new ArrayList<>(ticks);
    }

    /** The last answer's snapshot: totals since the server's start or its last reset. */
    public synchronized Optional<StatsSnapshot> lastSnapshot() {
        return Optional.ofNullable(last);
    }
}

package dev.cachedeck.desktop.fleet;

import dev.cachedeck.desktop.client.AdminApi;
import dev.cachedeck.desktop.client.AdminProblem;
import dev.cachedeck.model.monitor.InstanceInfo;
import dev.cachedeck.model.monitor.InstanceList;
import dev.cachedeck.model.monitor.StatsSnapshot;
import dev.cachedeck.model.monitor.StatsTick;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.logging.Logger;

/**
 * The server instances the desktop watches: the entry points it was given (the embedded server, or each
 * {@code --server}) and every instance they list as registered in the Redis they share ({@code GET
 * /admin/instances}), each polled directly through its own admin API with the same admin token. Members join and
 * never leave: one that stops answering is shown as unreachable.
 * <p>
 * An entry point that answers as several instances in turn is a load balancer. When it can list the instances
 * behind it, they are polled directly and it is left out of the figures ({@link #balancers()}); when it cannot,
 * it stays a member whose figures are the balancer's mix, and {@link #mixed(FleetMember)} says so.
 */
public final class Fleet {
    /** A server to start from, with the admin API that reaches it. */
    public record EntryPoint(URI url, AdminApi admin) {
    }

    private static final Logger LOG = Logger.getLogger(Fleet.class.getName());
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

    private final Function<URI, AdminApi> clients;
    private final List<FleetMember> entries = new CopyOnWriteArrayList<>();
    /** Entries whose registration list was read: their balancer mix need not be shown. */
    private final Set<FleetMember> listing = ConcurrentHashMap.newKeySet();
    /** Instances found through a registration, in the order they appeared. */
    private final List<FleetMember> joined = new CopyOnWriteArrayList<>();
    // Only poll() touches these two, and polls do not overlap.
    private FleetTicks merged = new FleetTicks();
    private List<FleetMember> lastAnswering = List.of();
    /** The fleet seconds merged so far, as many as an instance keeps; read by {@link #rows}. */
    private final Deque<StatsTick> fleetSeconds = new ArrayDeque<>();

    /** {@code clients} makes the admin API of an instance found through its registration. */
    public Fleet(List<EntryPoint> entryPoints, Function<URI, AdminApi> clients) {
        this.clients = clients;
        entryPoints.forEach(entry -> entries.add(member(entry)));
    }

    private static FleetMember member(EntryPoint entry) {
        return new FleetMember(entry.url().toString(), entry.url(), entry.admin());
    }

    /**
     * The server the other tabs talk to, known once connected (an embedded server's port is picked at its
     * start): it leads the entry points.
     */
    public void connected(EntryPoint server) {
        entries.addFirst(member(server));
    }

    /**
     * Asks every entry point who it is and which instances are registered, and lets new ones join. Blocks for at
     * most the entry points' admin timeouts; an entry point that does not answer is asked again next time.
     */
    public void discover() {
        for (FleetMember entry : entries) {
            InstanceList registered;
            try {
                registered = entry.admin().instances();
            } catch (AdminProblem notListed) {
                // Not answering, or a server from before registrations: the entry point is all that is known.
                continue;
            }
            entry.named(registered.answeredBy());
            // Partial: Redis could not be asked, and the list holds the entry point alone.
            if (!registered.partial()) {
                listing.add(entry);
                registered.instances().forEach(this::join);
            }
        }
    }

    private void join(InstanceInfo instance) {
        boolean known = members().stream().anyMatch(member -> member.id().equals(instance.id()));
        if (known) {
            return;
        }
        URI url;
        try {
            url = URI.create(instance.url());
        } catch (IllegalArgumentException notAUrl) {
            // A registration no client could reach (a bad cachedeck.server.public-url) must not hide the others.
            LOG.warning("instance registration skipped id=" + instance.id() + " url=\"" + instance.url() + "\"");
            return;
        }
        joined.add(new FleetMember(instance.id(), url, clients.apply(url)));
    }

    /**
     * Polls every member at once (each on its own virtual thread, so an unreachable one costs its timeout, not
     * the others' turn) and returns the fleet seconds that every answering member has now reported. When the
     * answering members changed, everything held is merged again: a member that joined late, or came back with
     * its missed seconds, is then counted in the seconds before too. One poll at a time.
     */
    public FleetPoll poll(Instant now) {
        List<FleetMember> members = members();
        try (ExecutorService polls = Executors.newVirtualThreadPerTaskExecutor()) {
            members.forEach(member -> polls.submit(() -> member.poll(now)));
        }
        // Asked again: this poll may have shown an entry point to be a balancer, whose mix must not be added in.
        List<FleetMember> shown = members();
        List<FleetMember> answering = shown.stream().filter(FleetMember::answering).toList();
        boolean redrawn = !answering.equals(lastAnswering);
        lastAnswering = answering;
        if (redrawn) {
            merged = new FleetTicks();
        }
        List<StatsTick> seconds = merged.next(answering.stream().map(FleetMember::ticks).toList(),
                shown.stream().filter(member -> !member.answering()).map(FleetMember::ticks).toList());
        synchronized (fleetSeconds) {
            if (redrawn) {
                fleetSeconds.clear();
            }
            fleetSeconds.addAll(seconds);
            while (fleetSeconds.size() > FleetMember.KEPT_SECONDS) {
                fleetSeconds.removeFirst();
            }
        }
        return new FleetPoll(redrawn, seconds);
    }

    /**
     * Every member's snapshot with the totals only, asked at once. One server is asked as it always was: its
     * failure is the caller's. With several, the ones that do not answer are named in the result.
     */
    public Snapshots snapshots(Instant now) {
        List<FleetMember> members = members();
        if (members.isEmpty()) {
            throw new AdminProblem(0, "The server is not connected yet.");
        }
        if (members.size() == 1) {
            FleetMember only = members.getFirst();
            StatsSnapshot snapshot = only.admin().stats(now);
            return new Snapshots(List.of(new Snapshots.Answer(answeredAs(snapshot, only), snapshot)), List.of(), 1);
        }
        List<Future<StatsSnapshot>> asked = new ArrayList<>();
        try (ExecutorService calls = Executors.newVirtualThreadPerTaskExecutor()) {
            members.forEach(member -> asked.add(calls.submit(() -> member.admin().stats(now))));
        }
        List<Snapshots.Answer> answered = new ArrayList<>();
        List<String> unreachable = new ArrayList<>();
        for (int i = 0; i < members.size(); i++) {
            FleetMember member = members.get(i);
            try {
                StatsSnapshot snapshot = asked.get(i).resultNow();
                answered.add(new Snapshots.Answer(answeredAs(snapshot, member), snapshot));
            } catch (IllegalStateException failed) {
                unreachable.add(member.id() + ": " + asked.get(i).exceptionNow().getMessage());
            }
        }
        return new Snapshots(answered, unreachable, members.size());
    }

    private static String answeredAs(StatsSnapshot snapshot, FleetMember member) {
        return snapshot.instance() != null ? snapshot.instance() : member.id();
    }

    /**
     * The instance table: the fleet's line first, then one per member, with the figures of the last
     * {@code windowSeconds} held.
     */
    public List<InstanceRow> rows(int windowSeconds, ZoneId zone) {
        List<FleetMember> members = members();
        List<StatsTick> window;
        synchronized (fleetSeconds) {
            long newest = fleetSeconds.isEmpty() ? Long.MIN_VALUE : fleetSeconds.peekLast().second();
            window = fleetSeconds.stream().filter(tick -> tick.second() > newest - windowSeconds).toList();
        }
        long answering = members.stream().filter(FleetMember::answering).count();
        List<InstanceRow> rows = new ArrayList<>();
        rows.add(new InstanceRow(InstanceRow.Kind.FLEET, "Fleet", members.size() + " instances",
                answering + " of " + members.size() + " answering", WindowFigures.of(window, window.size())));
        for (FleetMember member : members) {
            rows.add(row(member, window, zone));
        }
        return rows;
    }

    /** An instance's line counts the seconds of the fleet's window, so the lines add up to the fleet's. */
    private InstanceRow row(FleetMember member, List<StatsTick> fleetWindow, ZoneId zone) {
        if (member.waiting()) {
            return new InstanceRow(InstanceRow.Kind.WAITING, member.id(), member.url().toString(), "asking…",
                    WindowFigures.NONE);
        }
        if (!member.answering()) {
            String since = TIME.format(member.unreachableSince().orElseThrow().atZone(zone));
            return new InstanceRow(InstanceRow.Kind.UNREACHABLE, member.id(), member.url().toString(),
                    "unreachable since " + since + ": " + member.problem(), WindowFigures.NONE);
        }
        WindowFigures figures = fleetWindow.isEmpty() ? WindowFigures.NONE : WindowFigures.of(member.ticks().stream()
                .filter(tick -> tick.second() >= fleetWindow.getFirst().second()
                        && tick.second() <= fleetWindow.getLast().second()).toList(), fleetWindow.size());
        if (mixed(member)) {
            return new InstanceRow(InstanceRow.Kind.MIXED, String.join(", ", member.answeredAs()),
                    member.url().toString(), "a load balancer: the mix of the instances it sent to", figures);
        }
        return new InstanceRow(InstanceRow.Kind.ANSWERING, member.id(), member.url().toString(), "answering", figures);
    }

    /** The instances whose figures are shown, entry points first. */
    public List<FleetMember> members() {
        List<FleetMember> members = new ArrayList<>();
        for (FleetMember entry : entries) {
            boolean shownThroughItsInstances = mixed(entry) && listing.contains(entry);
            boolean alsoJoined = joined.stream().anyMatch(member -> member.id().equals(entry.id()));
            if (!shownThroughItsInstances && !alsoJoined) {
                members.add(entry);
            }
        }
        joined.stream().sorted(Comparator.comparing(FleetMember::id)).forEach(members::add);
        return members;
    }

    /**
     * More than one instance, or a balancer among the entry points: the dashboard shows fleet totals and a line
     * per instance, so that a balancer's mix is never shown as if it were one server.
     */
    public boolean isFleet() {
        return members().size() > 1 || !balancers().isEmpty();
    }

    /** Entry points that answered as several instances, with the ids they answered as. */
    public Map<URI, Set<String>> balancers() {
        Map<URI, Set<String>> balancers = new LinkedHashMap<>();
        for (FleetMember entry : entries) {
            if (mixed(entry)) {
                balancers.put(entry.url(), entry.answeredAs());
            }
        }
        return balancers;
    }

    /** Whether this member's figures come from several instances answering in turn. */
    public boolean mixed(FleetMember member) {
        return member.answeredAs().size() > 1;
    }

    /** The entry points whose instance list could be read. */
    public boolean listsInstances(URI entryPoint) {
        return listing.stream().anyMatch(entry -> entry.url().equals(entryPoint));
    }
}

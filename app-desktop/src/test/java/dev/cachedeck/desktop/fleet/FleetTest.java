package dev.cachedeck.desktop.fleet;

import static dev.cachedeck.desktop.fleet.StatsFixtures.NOW;
import static dev.cachedeck.desktop.fleet.StatsFixtures.snapshot;
import static dev.cachedeck.desktop.fleet.StatsFixtures.tick;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.desktop.client.AdminProblem;
import dev.cachedeck.desktop.client.FakeAdminApi;
import dev.cachedeck.model.monitor.InstanceInfo;
import dev.cachedeck.model.monitor.InstanceList;
import dev.cachedeck.model.monitor.StatsSnapshot;
import dev.cachedeck.model.monitor.StatsTick;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Several fakes are several instances: each URL reaches its own. */
class FleetTest {
    private static final URI A = URI.create("http://127.0.0.1:8081");
    private static final URI B = URI.create("http://10.0.0.2:8082");
    private static final URI C = URI.create("http://10.0.0.3:8083");

    private final Map<URI, FakeAdminApi> instances = new HashMap<>();

    private FakeAdminApi instance(URI url, String id, List<StatsTick> series) {
        FakeAdminApi admin = new FakeAdminApi();
        admin.stats = snapshot(id, series);
        instances.put(url, admin);
        return admin;
    }

    private Fleet fleetFrom(URI... entryPoints) {
        List<Fleet.EntryPoint> entries = Arrays.stream(entryPoints)
                .map(url -> new Fleet.EntryPoint(url, instances.get(url))).toList();
        return new Fleet(entries, url -> {
            FakeAdminApi admin = instances.get(url);
            if (admin == null) {
                throw new AssertionError("no instance at " + url);
            }
            return admin;
        });
    }

    private static InstanceInfo registration(String id, URI url) {
        return new InstanceInfo(id, url.toString(), Instant.parse("2026-12-01T11:00:00Z"), NOW);
    }

    private static InstanceList listed(String answeredBy, InstanceInfo... registrations) {
        return new InstanceList(answeredBy, false, List.of(registrations));
    }

    private static List<String> ids(Fleet fleet) {
        return fleet.members().stream().map(FleetMember::id).toList();
    }

    @Test
    void oneServerThatListsOnlyItselfIsNoFleet() {
        FakeAdminApi a = instance(A, "a", List.of());
        a.instances = listed("a", registration("a", URI.create("http://a.internal:8081")));
        Fleet fleet = fleetFrom(A);

        fleet.discover();

        assertEquals(List.of("a"), ids(fleet));
        assertEquals(A, fleet.members().getFirst().url(), "the URL that works is kept, not the registered one");
        assertFalse(fleet.isFleet());
    }

    @Test
    void registeredInstancesJoinAndANewRegistrationAppearsOnTheNextDiscovery() {
        FakeAdminApi a = instance(A, "a", List.of());
        instance(B, "b", List.of());
        instance(C, "c", List.of());
        a.instances = listed("a", registration("a", A), registration("b", B));
        Fleet fleet = fleetFrom(A);

        fleet.discover();
        assertEquals(List.of("a", "b"), ids(fleet));
        assertTrue(fleet.isFleet());

        a.instances = listed("a", registration("a", A), registration("b", B), registration("c", C));
        fleet.discover();
        assertEquals(List.of("a", "b", "c"), ids(fleet));
    }

    @Test
    void anInstanceThatStopsAnsweringStaysAsUnreachableWithWhyAndSince() {
        instance(A, "a", List.of(tick(100, 10, 0, 9, 1, 2_000, 0.1)));
        FakeAdminApi b = instance(B, "b", List.of(tick(100, 4, 0, 2, 2, 8_000, 1.0)));
        Fleet fleet = fleetFrom(A, B);
        fleet.poll(NOW);

        b.failing = new AdminProblem(0, "The server does not answer at 10.0.0.2:8082.");
        fleet.poll(NOW.plusSeconds(1));

        assertEquals(List.of("a", "b"), ids(fleet));
        List<InstanceRow> rows = fleet.rows(60, ZoneOffset.UTC);
        assertEquals(List.of(InstanceRow.Kind.FLEET, InstanceRow.Kind.ANSWERING, InstanceRow.Kind.UNREACHABLE),
                rows.stream().map(InstanceRow::kind).toList());
        assertEquals("1 of 2 answering", rows.getFirst().state());
        assertEquals(14.0, rows.getFirst().figures().requestsPerSecond(), "what b did before it went quiet counts");
        assertEquals("unreachable since 12:00:06: The server does not answer at 10.0.0.2:8082.", rows.get(2).state());
        assertEquals(WindowFigures.NONE, rows.get(2).figures());
    }

    @Test
    void theFleetLineSumsTheInstancesAndEachInstanceLineIsItsOwn() {
        instance(A, "a", List.of(tick(100, 90, 1, 81, 9, 4_000, 0.1)));
        instance(B, "b", List.of(tick(100, 10, 2, 1, 9, 30_000, 2.0)));
        Fleet fleet = fleetFrom(A, B);

        List<StatsTick> merged = fleet.poll(NOW).seconds();

        assertEquals(1, merged.size());
        List<InstanceRow> rows = fleet.rows(60, ZoneOffset.UTC);
        assertEquals(new WindowFigures(100.0, 0.82, 30_000L, 3L, (90 * 0.1 + 10 * 2.0) / 100), rows.getFirst().figures());
        assertEquals(new WindowFigures(90.0, 0.9, 4_000L, 1L, 0.1), rows.get(1).figures());
        assertEquals(new WindowFigures(10.0, 0.1, 30_000L, 2L, 2.0), rows.get(2).figures());
    }

    @Test
    void anInstanceThatStartedLaterCountsTheFleetsSecondsSoTheRatesAddUp() {
        instance(A, "a", List.of(tick(99, 30, 0, 0, 0, 100, 0), tick(100, 30, 0, 0, 0, 100, 0)));
        instance(B, "b", List.of(tick(100, 10, 0, 0, 0, 100, 0)));
        Fleet fleet = fleetFrom(A, B);
        fleet.poll(NOW);

        List<Double> rates = fleet.rows(60, ZoneOffset.UTC).stream()
                .map(row -> row.figures().requestsPerSecond()).toList();

        assertEquals(List.of(35.0, 30.0, 5.0), rates);
    }

    @Test
    void anInstanceThatJoinsLateIsCountedInTheSecondsBeforeTooByMergingThemAgain() {
        FakeAdminApi a = instance(A, "a", List.of(tick(99, 30, 0, 0, 0, 100, 0), tick(100, 30, 0, 0, 0, 100, 0)));
        instance(B, "b", List.of(tick(99, 10, 0, 0, 0, 100, 0), tick(100, 10, 0, 0, 0, 100, 0)));
        a.instances = listed("a", registration("a", A));
        Fleet fleet = fleetFrom(A);
        FleetPoll first = fleet.poll(NOW);
        assertTrue(first.redrawn(), "the first poll draws everything");
        assertFalse(fleet.poll(NOW.plusSeconds(1)).redrawn(), "the same instances: only new seconds");

        a.instances = listed("a", registration("a", A), registration("b", B));
        fleet.discover();
        FleetPoll joined = fleet.poll(NOW.plusSeconds(2));

        assertTrue(joined.redrawn());
        assertEquals(List.of(40L, 40L), joined.seconds().stream().map(StatsTick::requests).toList());
        assertEquals(40.0, fleet.rows(60, ZoneOffset.UTC).getFirst().figures().requestsPerSecond());
    }

    @Test
    void pollingAsksForTheSecondsAfterTheNewestOneHeld() {
        FakeAdminApi a = instance(A, "a", List.of(tick(100, 1, 0, 1, 0, 100, 0), tick(101, 1, 0, 1, 0, 100, 0)));
        Fleet fleet = fleetFrom(A);

        fleet.poll(NOW);
        fleet.poll(NOW.plusSeconds(1));

        assertEquals(List.of("stats " + NOW.minusSeconds(900), "stats " + Instant.ofEpochSecond(101)), a.calls);
    }

    @Test
    void aBalancerThatListsItsInstancesIsLeftOutAndTheyArePolledDirectly() {
        URI balancer = URI.create("http://127.0.0.1:8080");
        FakeAdminApi front = instance(balancer, "b", List.of());
        instance(B, "b", List.of());
        instance(C, "c", List.of());
        front.instances = listed("b", registration("b", B), registration("c", C));
        Fleet fleet = fleetFrom(balancer);
        fleet.discover();

        front.instances = listed("c", registration("b", B), registration("c", C));
        fleet.discover();

        assertEquals(Set.of("b", "c"), Set.copyOf(ids(fleet)));
        assertEquals(2, fleet.members().size());
        assertTrue(fleet.members().stream().noneMatch(member -> member.url().equals(balancer)));
        assertEquals(Map.of(balancer, Set.of("b", "c")), fleet.balancers());
        assertTrue(fleet.listsInstances(balancer));
    }

    @Test
    void aBalancerThatListsNoInstancesStaysAMemberWhoseLineSaysItIsAMix() {
        URI balancer = URI.create("http://127.0.0.1:8080");
        FakeAdminApi front = instance(balancer, "b", List.of(tick(100, 5, 0, 5, 0, 100, 0)));
        Fleet fleet = fleetFrom(balancer);
        fleet.poll(NOW);
        front.stats = snapshot("c", List.of(tick(101, 5, 0, 5, 0, 100, 0)));
        fleet.poll(NOW.plusSeconds(1));

        fleet.discover();

        assertFalse(fleet.listsInstances(balancer));
        assertTrue(fleet.isFleet(), "shown with the fleet's table, never as one server");
        InstanceRow line = fleet.rows(60, ZoneOffset.UTC).get(1);
        assertEquals(InstanceRow.Kind.MIXED, line.kind());
        assertEquals("a load balancer: the mix of the instances it sent to", line.state());
    }

    @Test
    void aRegistrationWithAUrlNoClientCanUseIsSkippedAndTheOthersStillJoin() {
        FakeAdminApi a = instance(A, "a", List.of());
        instance(C, "c", List.of());
        a.instances = listed("a", new InstanceInfo("b", "http://host name:8082", NOW, NOW), registration("c", C));
        Fleet fleet = fleetFrom(A);

        fleet.discover();

        assertEquals(List.of("a", "c"), ids(fleet));
    }

    @Test
    void aPartialListFromAServerWithoutRedisAddsNobody() {
        FakeAdminApi a = instance(A, "a", List.of());
        a.instances = new InstanceList("a", true, List.of(registration("a", A)));
        Fleet fleet = fleetFrom(A);

        fleet.discover();

        assertEquals(List.of("a"), ids(fleet));
        assertFalse(fleet.listsInstances(A));
    }

    @Test
    void withOneServerItsFailureIsTheCallersAndWithSeveralTheSilentOnesAreNamed() {
        FakeAdminApi a = instance(A, "a", List.of());
        a.failing = new AdminProblem(0, "The server does not answer at 127.0.0.1:8081.");
        Fleet single = fleetFrom(A);
        AdminProblem failure = assertThrows(AdminProblem.class,
                () -> single.snapshots(NOW));
        assertEquals("The server does not answer at 127.0.0.1:8081.", failure.getMessage());

        instance(B, "b", List.of());
        Snapshots both = fleetFrom(A, B).snapshots(NOW);
        assertEquals(List.of("b"), both.answered().stream().map(Snapshots.Answer::instance).toList());
        assertEquals(List.of("http://127.0.0.1:8081: The server does not answer at 127.0.0.1:8081."),
                both.unreachable());
        assertEquals(2, both.members());
    }

    @Test
    void beforeTheServerIsConnectedThereIsNothingToAsk() {
        Fleet fleet = new Fleet(List.of(), url -> new FakeAdminApi());
        AdminProblem failure = assertThrows(AdminProblem.class,
                () -> fleet.snapshots(NOW));
        assertEquals("The server is not connected yet.", failure.getMessage());

        FakeAdminApi a = instance(A, "a", List.of());
        fleet.connected(new Fleet.EntryPoint(A, a));
        StatsSnapshot answer = fleet.snapshots(NOW).answered().getFirst().snapshot();
        assertEquals("a", answer.instance());
    }
}

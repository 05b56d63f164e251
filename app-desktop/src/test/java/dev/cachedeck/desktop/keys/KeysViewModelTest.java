package dev.cachedeck.desktop.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.desktop.client.FakeAdminApi;
import dev.cachedeck.desktop.client.KeyQuery;
import dev.cachedeck.desktop.tasks.CurrentThreadTasks;
import dev.cachedeck.model.Tier;
import dev.cachedeck.model.keys.KeyDetail;
import dev.cachedeck.model.keys.KeyInfo;
import dev.cachedeck.model.keys.KeyKind;
import dev.cachedeck.model.keys.KeyPage;
import dev.cachedeck.model.keys.NamespaceRow;
import dev.cachedeck.model.keys.NamespaceSummary;
import dev.cachedeck.model.keys.PurgeProgress;
import dev.cachedeck.model.keys.PurgeRequest;
import dev.cachedeck.model.keys.PurgeResult;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KeysViewModelTest {
    private final FakeAdminApi admin = new FakeAdminApi();
    private final CurrentThreadTasks tasks = new CurrentThreadTasks();
    private final MovableClock clock = new MovableClock(Instant.parse("2026-12-01T12:00:00Z"));
    private final KeysViewModel model = new KeysViewModel(admin, tasks, clock);

    private static KeyInfo key(String name) {
        return new KeyInfo(name, Tier.QUERY, KeyKind.ENTRY, "string", 60_000, 120, "user", 3L, null);
    }

    private static KeyPage page(String nextCursor, String... names) {
        return new KeyPage(java.util.Arrays.stream(names).map(KeysViewModelTest::key).toList(), nextCursor, names.length);
    }

    @Test
    void theFactsOfAnEntrySayWhetherTheAnsweringInstanceHoldsItNear() {
        KeyInfo entry = new KeyInfo("cd:api:profile:/api/get-profile/1", Tier.RESPONSE, KeyKind.ENTRY, "string",
                60_000, 700, "user", 1L, "profile");
        KeyInfo tagSet = new KeyInfo("cd:t:user:1", null, KeyKind.TAG_SET, "set", 60_000, 80, "user", 1L, null);
        KeyInfo model = new KeyInfo("cd:m:user:1", Tier.MODEL, KeyKind.ENTRY, "string", 60_000, 400, "user", 1L,
                "profile");

        String held = KeysViewModel.facts(new KeyDetail(entry, "{}", List.of(), 700, 650, true));
        String notHeld = KeysViewModel.facts(new KeyDetail(entry, "{}", List.of(), 700, 650, false));
        String bookkeeping = KeysViewModel.facts(new KeyDetail(tagSet, "[]", List.of(), 80, -1, false));

        assertTrue(held.endsWith("route profile   ·   held near by this instance"), held);
        assertTrue(notHeld.endsWith("not held near by this instance"), notHeld);
        assertFalse(bookkeeping.contains("near"), "only an entry can be held near: " + bookkeeping);
        assertFalse(KeysViewModel.facts(new KeyDetail(model, "{}", List.of(), 400, 380, false)).contains("near"),
                "the near tier copies response-tier entries only");
    }

    @Test
    void anUnfilteredListAsksForOnePagesWorthOfSlotsPerScan() {
        admin.keyPages.add(page("0", "cd:q:a", "cd:q:b"));

        model.search();

        assertEquals(List.of(new KeyQuery("*", Optional.empty(), "0", KeysViewModel.PAGE_SIZE)), admin.keyQueries);
        assertEquals(2, model.keys().size());
        assertFalse(model.moreAvailableProperty().get());
        assertEquals("2 keys listed after 1 SCAN call, scan complete", model.listNoteProperty().get());
    }

    @Test
    void aFilteredListScansWiderAndGoesOnUntilAPageIsFoundOrTheScanEnds() {
        admin.keyPages.add(page("17", "cd:m:user:1"));
        admin.keyPages.add(page("0", "cd:m:user:2"));
        model.patternProperty().set("  m:user:*  ");
        model.tierProperty().set(Tier.MODEL);

        model.search();

        assertEquals(List.of(new KeyQuery("m:user:*", Optional.of(Tier.MODEL), "0", KeysViewModel.FILTERED_SCAN_COUNT),
                new KeyQuery("m:user:*", Optional.of(Tier.MODEL), "17", KeysViewModel.FILTERED_SCAN_COUNT)),
                admin.keyQueries);
        assertEquals("2 keys listed after 2 SCAN calls, scan complete", model.listNoteProperty().get());
    }

    @Test
    void loadMoreGoesOnFromTheCursorWhereTheLastClickStopped() {
        String[] full = IntStream.range(0, KeysViewModel.PAGE_SIZE).mapToObj(i -> "cd:q:k" + i).toArray(String[]::new);
        admin.keyPages.add(page("42", full));
        model.search();
        assertTrue(model.moreAvailableProperty().get());

        admin.keyPages.add(page("0", "cd:q:last"));
        model.loadMore();

        assertEquals("42", admin.keyQueries.getLast().cursor());
        assertEquals(KeysViewModel.PAGE_SIZE + 1, model.keys().size());
        assertFalse(model.moreAvailableProperty().get());
    }

    @Test
    void refreshReadsTheSummaryAndSaysWhenItWasSampled() {
        admin.keySummary = new NamespaceSummary(List.of(new NamespaceRow(Tier.QUERY, "user", 10, 1_000)), false,
                200_000, 5_000);
        admin.keyPages.add(page("0"));
        admin.purgeProgress.add(new PurgeProgress(false, 0, 0, null));

        model.refresh();

        assertEquals(1, model.namespaces().size());
        assertEquals("sampled: 200,000 keys scanned, 5,000 sized, the rest extrapolated", model.summaryNoteProperty().get());
    }

    @Test
    void deletingKeysRemovesTheirRowsAndSaysSo() {
        admin.keyPages.add(page("0", "cd:q:a", "cd:q:b", "cd:q:c"));
        model.search();
        admin.keySummary = new NamespaceSummary(List.of(), true, 1, 1);

        model.delete(List.of(model.keys().get(0), model.keys().get(2)));

        assertTrue(admin.calls.containsAll(List.of("deleteKey cd:q:a", "deleteKey cd:q:c")));
        assertEquals(List.of("cd:q:b"), model.keys().stream().map(row -> row.info().key()).toList());
        assertEquals("Deleted 2 keys.", model.status().messageProperty().get());
    }

    @Test
    void aTtlThatIsNotWholeSecondsIsAnsweredWithoutAsking() {
        admin.keyPages.add(page("0", "cd:q:a"));
        model.search();
        int calls = admin.calls.size();

        model.changeTtl(model.keys().getFirst(), "1.5");

        assertEquals(calls, admin.calls.size());
        assertEquals("The TTL must be a whole number of seconds.", model.status().messageProperty().get());
    }

    @Test
    void aTtlChangeReplacesTheRowWithTheServersAnswer() {
        admin.keyPages.add(page("0", "cd:q:a"));
        model.search();
        admin.keyInfo = new KeyInfo("cd:q:a", Tier.QUERY, KeyKind.ENTRY, "string", 90_000, 120, "user", 3L, null);

        model.changeTtl(model.keys().getFirst(), " 90 ");

        assertTrue(admin.calls.contains("changeKeyTtl cd:q:a 90000"));
        assertEquals(90_000, model.keys().getFirst().info().ttlMillis());
        assertTrue(model.status().messageProperty().get().startsWith("TTL of cd:q:a set to"));
    }

    @Test
    void theCountdownTicksOnceASecondOnlyWhileTheTabIsOnScreen() {
        model.shown(true);
        assertEquals(List.of(KeysViewModel.COUNTDOWN_TICK), tasks.repeating());

        clock.move(Duration.ofSeconds(3));
        tasks.elapse();
        assertEquals(clock.instant(), model.nowProperty().get());

        model.shown(false);
        assertTrue(tasks.repeating().isEmpty());
    }

    @Test
    void anOwnPurgeShowsItsProgressThenWhatItRemoved() {
        admin.purgeResult = new PurgeResult(50_000, 5 << 20, 100, 5_000);
        admin.keySummary = new NamespaceSummary(List.of(), true, 0, 0);
        admin.keyPages.add(page("0"));
        admin.purgeProgress.add(new PurgeProgress(false, 0, 0, null));
        PurgeProgressModel progress = model.purgeProgress();
        progress.activeProperty().addListener((property, old, active) -> admin.calls.add("progress " + active));

        model.purge(new PurgeRequest("q:*", null, null, null));

        assertEquals(List.of("progress true", "purge", "progress false"), admin.calls.subList(0, 3));
        assertEquals("Purged 50,000 keys (5.0 MiB) in 5,000 ms.", model.status().messageProperty().get());
        assertFalse(progress.activeProperty().get());
    }

    @Test
    void aPurgeStartedElsewhereIsFoundByARefreshAndFollowedToItsEnd() {
        admin.keySummary = new NamespaceSummary(List.of(), true, 0, 0);
        admin.keyPages.add(page("0"));
        admin.purgeProgress.add(new PurgeProgress(true, 10_000, 2_500, Instant.EPOCH));
        admin.purgeProgress.add(new PurgeProgress(true, 10_000, 7_500, Instant.EPOCH));
        admin.purgeProgress.add(new PurgeProgress(false, 10_000, 10_000, Instant.EPOCH));

        model.refresh();
        PurgeProgressModel progress = model.purgeProgress();
        assertTrue(progress.activeProperty().get());
        assertEquals("Purging: 2,500 of 10,000 keys removed (25%)…", progress.textProperty().get());
        assertEquals(List.of(PurgeProgressModel.POLL_EVERY), tasks.repeating());

        tasks.elapse();
        assertEquals(0.75, progress.fractionProperty().get());

        admin.keyPages.add(page("0"));
        tasks.elapse();
        assertFalse(progress.activeProperty().get());
        assertTrue(tasks.repeating().isEmpty());
        assertEquals("A purge started elsewhere finished: 10,000 keys removed.", model.status().messageProperty().get());
    }

    private static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}

package dev.cachedeck.desktop.keys;

import dev.cachedeck.desktop.client.AdminApi;
import dev.cachedeck.desktop.client.KeyQuery;
import dev.cachedeck.desktop.shell.StatusLine;
import dev.cachedeck.desktop.shell.Units;
import dev.cachedeck.desktop.shell.View;
import dev.cachedeck.desktop.tasks.Repeater;
import dev.cachedeck.desktop.tasks.Tasks;
import dev.cachedeck.model.Tier;
import dev.cachedeck.model.keys.KeyDetail;
import dev.cachedeck.model.keys.KeyInfo;
import dev.cachedeck.model.keys.KeyKind;
import dev.cachedeck.model.keys.KeyPage;
import dev.cachedeck.model.keys.NamespaceSummary;
import dev.cachedeck.model.keys.PurgePreview;
import dev.cachedeck.model.keys.PurgeRequest;
import dev.cachedeck.model.keys.TagDependency;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The key browser: namespace summary, a key list filled one SCAN page at a time (never all keys: a
 * million keys stay a million keys in Redis), the selected key's value, and the actions on keys. While the tab
 * is on screen, every TTL countdown moves once a second from one clock tick.
 */
public final class KeysViewModel implements View {
    /** Keys per "load more": a screenful or two, cheap for Redis and for the table. */
    static final int PAGE_SIZE = 200;
    /**
     * SCAN COUNT when a pattern or tier narrows the list: most slots then hold nothing wanted, so each call
     * should look at many (the server's maximum), while an unfiltered list takes one page's worth per call.
     */
    static final int FILTERED_SCAN_COUNT = 1000;
    /**
     * A rare pattern may need the whole keyspace walked; one click walks for at most this long (a million keys
     * take a few seconds), then shows what it found and the user decides whether to go on.
     */
    static final Duration SCAN_BUDGET = Duration.ofSeconds(3);
    /** The same bound in calls, for a clock that does not move (tests). */
    private static final int MAX_SCANS_PER_CLICK = 2000;
    /** TTLs are shown in whole seconds. */
    static final Duration COUNTDOWN_TICK = Duration.ofSeconds(1);

    /** What one click's SCAN calls found, and where the next click goes on. */
    private record ScanStep(List<KeyInfo> keys, String nextCursor, boolean complete, int calls) {
    }

    private final AdminApi admin;
    private final Tasks tasks;
    private final Clock clock;
    private final PurgeProgressModel purgeProgress;
    private final Repeater countdown;
    private final StatusLine status = new StatusLine();

    private final ObservableList<NamespaceGroup> namespaces = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summaryNote = new ReadOnlyStringWrapper("");
    private final ObservableList<KeyRow> keys = FXCollections.observableArrayList();
    private final StringProperty pattern = new SimpleStringProperty("");
    private final ObjectProperty<Tier> tier = new SimpleObjectProperty<>();
    private final ReadOnlyBooleanWrapper moreAvailable = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper listNote = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Instant> now;
    private final ReadOnlyObjectWrapper<KeyDetail> detail = new ReadOnlyObjectWrapper<>();
    private String cursor = "0";
    private long scanCalls;
    /** Bumped by every new search, so a page that arrives after the filter changed is dropped. */
    private int generation;

    public KeysViewModel(AdminApi admin, Tasks tasks, Clock clock) {
        this.admin = admin;
        this.tasks = tasks;
        this.clock = clock;
        this.purgeProgress = new PurgeProgressModel(admin, tasks);
        this.now = new ReadOnlyObjectWrapper<>(clock.instant());
        this.countdown = new Repeater(tasks, COUNTDOWN_TICK, this::tick);
    }

    @Override
    public void refresh() {
        loadSummary();
        search();
        purgeProgress.watchRunning(finished -> {
            status.done(String.format(Locale.ROOT, "A purge started elsewhere finished: %,d keys removed.",
                    finished.removed()));
            refresh();
        });
    }

    @Override
    public void shown(boolean onScreen) {
        countdown.repeat(onScreen);
    }

    public void loadSummary() {
        tasks.run(admin::keySummary, summary -> {
            namespaces.setAll(NamespaceGroup.of(summary.rows()));
            summaryNote.set(summaryNote(summary));
            status.clearFailure();
        }, status::problem);
    }

    static String summaryNote(NamespaceSummary summary) {
        if (summary.exact()) {
            return String.format(Locale.ROOT, "%,d keys, counted and sized exactly", summary.keysScanned());
        }
        return String.format(Locale.ROOT, "sampled: %,d keys scanned, %,d sized, the rest extrapolated",
                summary.keysScanned(), summary.keysSized());
    }

    /** Starts the list again from the first page with the current pattern and tier. */
    public void search() {
        generation++;
        cursor = "0";
        scanCalls = 0;
        keys.clear();
        detail.set(null);
        fetchPage();
    }

    public void loadMore() {
        if (moreAvailable.get() && !loading.get()) {
            fetchPage();
        }
    }

    private void fetchPage() {
        int requested = generation;
        String from = cursor;
        String matching = patternOrAll();
        Optional<Tier> narrowedTo = Optional.ofNullable(tier.get());
        loading.set(true);
        tasks.run(() -> scanPage(matching, narrowedTo, from), page -> {
            if (requested != generation) {
                return;
            }
            loading.set(false);
            Instant fetchedAt = clock.instant();
            keys.addAll(page.keys().stream().map(info -> new KeyRow(info, fetchedAt)).toList());
            cursor = page.nextCursor();
            scanCalls += page.calls();
            moreAvailable.set(!page.complete());
            listNote.set(listNote(keys.size(), scanCalls, page.complete()));
            status.clearFailure();
        }, problem -> {
            loading.set(false);
            status.problem(problem);
        });
    }

    /** SCANs until a page's worth of keys is found, the scan ends, or the per-click budget is spent. */
    private ScanStep scanPage(String matching, Optional<Tier> narrowedTo, String from) {
        List<KeyInfo> found = new ArrayList<>();
        String next = from;
        int count = narrowedTo.isPresent() || !matching.equals("*") ? FILTERED_SCAN_COUNT : PAGE_SIZE;
        Instant deadline = clock.instant().plus(SCAN_BUDGET);
        int calls = 0;
        while (found.size() < PAGE_SIZE && calls < MAX_SCANS_PER_CLICK
                && (calls == 0 || clock.instant().isBefore(deadline))) {
            KeyPage page = admin.keys(new KeyQuery(matching, narrowedTo, next, count));
            calls++;
            found.addAll(page.keys());
            next = page.nextCursor();
            if (page.complete()) {
                return new ScanStep(found, next, true, calls);
            }
        }
        return new ScanStep(found, next, false, calls);
    }

    static String listNote(int listed, long scanCalls, boolean complete) {
        return String.format(Locale.ROOT, "%,d keys listed after %,d SCAN call%s%s", listed, scanCalls,
                scanCalls == 1 ? "" : "s", complete ? ", scan complete" : ", more with Load more");
    }

    private String patternOrAll() {
        String typed = pattern.get() == null ? "" : pattern.get().strip();
        return typed.isEmpty() ? "*" : typed;
    }

    public void select(KeyRow row) {
        if (row == null) {
            detail.set(null);
            return;
        }
        tasks.run(() -> admin.key(row.info().key()), detail::set, status::problem);
    }

    /** Deletes the given cache entries one by one; bookkeeping keys are refused by the server and reported. */
    public void delete(List<KeyRow> rows) {
        List<KeyRow> chosen = List.copyOf(rows);
        if (chosen.isEmpty()) {
            return;
        }
        tasks.run(() -> {
            chosen.forEach(row -> admin.deleteKey(row.info().key()));
            return chosen;
        }, deleted -> {
            keys.removeAll(deleted);
            detail.set(null);
            status.done(deleted.size() == 1 ? "Deleted " + deleted.getFirst().info().key() + "."
                    : "Deleted " + deleted.size() + " keys.");
            loadSummary();
        }, status::problem);
    }

    /** {@code secondsText} as the user typed it; anything but a whole number of seconds is answered in words. */
    public void changeTtl(KeyRow row, String secondsText) {
        long seconds;
        try {
            seconds = Long.parseLong(secondsText == null ? "" : secondsText.strip());
        } catch (NumberFormatException e) {
            status.fail("The TTL must be a whole number of seconds.");
            return;
        }
        tasks.run(() -> admin.changeKeyTtl(row.info().key(), seconds * 1000),
                info -> {
                    int index = keys.indexOf(row);
                    KeyRow updated = new KeyRow(info, clock.instant());
                    if (index >= 0) {
                        keys.set(index, updated);
                    }
                    select(updated);
                    status.done("TTL of " + info.key() + " set to " + KeyTexts.ttl(info.ttlMillis(), clock.instant(),
                            clock.instant()) + ".");
                }, status::problem);
    }

    /** What the pattern field and tier choice select, as a purge. */
    public PurgeRequest filterPurge() {
        String typed = pattern.get() == null ? "" : pattern.get().strip();
        if (typed.isEmpty() && tier.get() != null) {
            return new PurgeRequest(null, tier.get(), null, null);
        }
        return new PurgeRequest(patternOrAll(), tier.get(), null, null);
    }

    public static PurgeRequest entityPurge(String entityType, long id) {
        return new PurgeRequest(null, null, entityType, id);
    }

    public void preview(PurgeRequest request, Consumer<PurgePreview> onPreview) {
        status.done("Counting and sizing the keys a purge would remove…");
        tasks.run(() -> admin.previewPurge(request), preview -> {
            status.done("");
            onPreview.accept(preview);
        }, status::problem);
    }

    public void purge(PurgeRequest request) {
        purgeProgress.ownPurgeStarted();
        status.done("");
        tasks.run(() -> admin.purge(request), result -> {
            purgeProgress.ownPurgeEnded();
            status.done(String.format(Locale.ROOT, "Purged %,d keys (%s) in %,d ms.", result.removed(),
                    Units.bytes(result.bytes()), result.tookMillis()));
            refresh();
        }, problem -> {
            purgeProgress.ownPurgeEnded();
            status.problem(problem);
        });
    }

    public PurgeProgressModel purgeProgress() {
        return purgeProgress;
    }

    /** One clock tick for every TTL countdown on screen. */
    private void tick() {
        now.set(clock.instant());
    }

    /** The dependencies of an entry, one per line, marked when the entry is older than the tag's version. */
    public static String dependencies(KeyDetail detail) {
        if (detail.tags().isEmpty()) {
            return "No dependencies.";
        }
        return detail.tags().stream().map(KeysViewModel::dependency).collect(Collectors.joining("\n"));
    }

    private static String dependency(TagDependency tag) {
        String version = tag.version() == null ? "no write since" : "tag version " + tag.version();
        boolean stale = tag.version() != null && tag.asOf() < tag.version();
        return tag.tag() + "   as of " + tag.asOf() + ", " + version + (stale ? "  (stale: never served)" : "");
    }

    /**
     * Tier, kind, sizes and route; for a response-tier entry also whether the instance that answered holds it near
     * (every instance has its own near tier, so another may answer otherwise).
     */
    public static String facts(KeyDetail detail) {
        KeyInfo info = detail.info();
        List<String> facts = new ArrayList<>(List.of(
                info.tier() == null ? "bookkeeping" : info.tier().displayName() + " tier",
                KeyTexts.kind(info), "stored " + Units.bytes(detail.storedBytes()),
                detail.payloadBytes() < 0 ? "no payload" : "payload " + Units.bytes(detail.payloadBytes()),
                info.route() == null ? "no route" : "route " + info.route()));
        // The near tier copies response-tier entries; "not held near" of any other key would say nothing.
        if (detail.heldNear() || info.kind() == KeyKind.ENTRY && info.tier() == Tier.RESPONSE) {
            facts.add(detail.heldNear() ? "held near by this instance" : "not held near by this instance");
        }
        return String.join("   ·   ", facts);
    }

    public ObservableList<NamespaceGroup> namespaces() {
        return namespaces;
    }

    public ReadOnlyStringProperty summaryNoteProperty() {
        return summaryNote.getReadOnlyProperty();
    }

    public ObservableList<KeyRow> keys() {
        return keys;
    }

    public StringProperty patternProperty() {
        return pattern;
    }

    /** The tier the list is narrowed to; null lists every tier. */
    public ObjectProperty<Tier> tierProperty() {
        return tier;
    }

    public ReadOnlyBooleanProperty moreAvailableProperty() {
        return moreAvailable.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty listNoteProperty() {
        return listNote.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<KeyDetail> detailProperty() {
        return detail.getReadOnlyProperty();
    }

    public StatusLine status() {
        return status;
    }
}

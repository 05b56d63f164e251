package dev.cachedeck.desktop.keys;

import dev.cachedeck.desktop.admin.AdminClient;
import dev.cachedeck.desktop.admin.AdminProblem;
import dev.cachedeck.desktop.admin.AdminTasks;
import dev.cachedeck.desktop.shell.TierStyle;
import dev.cachedeck.desktop.shell.Units;
import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.Tier;
import dev.cachedeck.model.keys.KeyDetail;
import dev.cachedeck.model.keys.KeyInfo;
import dev.cachedeck.model.keys.KeyPage;
import dev.cachedeck.model.keys.KeyTtlChange;
import dev.cachedeck.model.keys.NamespaceSummary;
import dev.cachedeck.model.keys.PurgePreview;
import dev.cachedeck.model.keys.PurgeRequest;
import dev.cachedeck.model.keys.PurgeResult;
import dev.cachedeck.model.keys.TagDependency;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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
 * million keys stay a million keys in Redis), the selected key's value, and the actions on keys.
 */
public final class KeysViewModel {
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

    /**
     * The server removes keys at a bounded rate (10,000 a second by default), so a purge of a million keys takes
     * minutes; the call waits that long while {@link PurgeProgressModel} shows how far it has got.
     */
    static final Duration PURGE_TIMEOUT = Duration.ofMinutes(30);
    /** A preview scans and sizes every selected key: 13.6 s for a million on the development machine. */
    static final Duration PREVIEW_TIMEOUT = Duration.ofMinutes(2);

    /** What one click's SCAN calls found, and where the next click goes on. */
    private record ScanStep(List<KeyInfo> keys, String nextCursor, boolean complete, int calls) {
    }

    private final AdminClient admin;
    private final AdminTasks tasks;
    private final Clock clock;
    private final PurgeProgressModel purgeProgress;

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
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private String cursor = "0";
    private long scanCalls;
    /** Bumped by every new search, so a page that arrives after the filter changed is dropped. */
    private int generation;

    public KeysViewModel(AdminClient admin, AdminTasks tasks, Clock clock, PurgeProgressModel purgeProgress) {
        this.admin = admin;
        this.tasks = tasks;
        this.clock = clock;
        this.purgeProgress = purgeProgress;
        this.now = new ReadOnlyObjectWrapper<>(clock.instant());
    }

    public void refresh() {
        loadSummary();
        search();
        purgeProgress.watchRunning(finished -> {
            done(String.format(Locale.ROOT, "A purge started elsewhere finished: %,d keys removed.", finished.removed()));
            refresh();
        });
    }

    public void loadSummary() {
        tasks.run(() -> admin.get(ApiPaths.ADMIN_KEYS_SUMMARY, NamespaceSummary.class), summary -> {
            namespaces.setAll(NamespaceGroup.of(summary.rows()));
            summaryNote.set(summaryNote(summary));
            clearFailure();
        }, this::problem);
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
        String query = listQuery();
        loading.set(true);
        tasks.run(() -> scanPage(query, from), page -> {
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
            clearFailure();
        }, problem -> {
            loading.set(false);
            problem(problem);
        });
    }

    /** SCANs until a page's worth of keys is found, the scan ends, or the per-click budget is spent. */
    private ScanStep scanPage(String query, String from) {
        List<KeyInfo> found = new ArrayList<>();
        String next = from;
        int count = isFiltered() ? FILTERED_SCAN_COUNT : PAGE_SIZE;
        Instant deadline = clock.instant().plus(SCAN_BUDGET);
        int calls = 0;
        while (found.size() < PAGE_SIZE && calls < MAX_SCANS_PER_CLICK
                && (calls == 0 || clock.instant().isBefore(deadline))) {
            KeyPage page = admin.get(ApiPaths.ADMIN_KEYS + query + "&cursor=" + encode(next) + "&count=" + count,
                    KeyPage.class);
            calls++;
            found.addAll(page.keys());
            next = page.nextCursor();
            if (page.complete()) {
                return new ScanStep(found, next, true, calls);
            }
        }
        return new ScanStep(found, next, false, calls);
    }

    private boolean isFiltered() {
        return tier.get() != null || !patternOrAll().equals("*");
    }

    static String listNote(int listed, long scanCalls, boolean complete) {
        return String.format(Locale.ROOT, "%,d keys listed after %,d SCAN call%s%s", listed, scanCalls,
                scanCalls == 1 ? "" : "s", complete ? ", scan complete" : ", more with Load more");
    }

    private String listQuery() {
        StringBuilder query = new StringBuilder("?pattern=").append(encode(patternOrAll()));
        if (tier.get() != null) {
            query.append("&tier=").append(TierStyle.wireName(tier.get()));
        }
        return query.toString();
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
        tasks.run(() -> admin.get(keyPath(row.info().key()), KeyDetail.class), detail::set, this::problem);
    }

    /** Deletes the given cache entries one by one; bookkeeping keys are refused by the server and reported. */
    public void delete(List<KeyRow> rows) {
        List<KeyRow> chosen = List.copyOf(rows);
        if (chosen.isEmpty()) {
            return;
        }
        tasks.run(() -> {
            chosen.forEach(row -> admin.delete(keyPath(row.info().key()), Void.class));
            return chosen;
        }, deleted -> {
            keys.removeAll(deleted);
            detail.set(null);
            done(deleted.size() == 1 ? "Deleted " + deleted.getFirst().info().key() + "."
                    : "Deleted " + deleted.size() + " keys.");
            loadSummary();
        }, this::problem);
    }

    /** {@code secondsText} as the user typed it; anything but a whole number of seconds is answered in words. */
    public void changeTtl(KeyRow row, String secondsText) {
        long seconds;
        try {
            seconds = Long.parseLong(secondsText == null ? "" : secondsText.strip());
        } catch (NumberFormatException e) {
            failed.set(true);
            message.set("The TTL must be a whole number of seconds.");
            return;
        }
        tasks.run(() -> admin.put(keyPath(row.info().key()) + "/ttl", new KeyTtlChange(seconds * 1000), KeyInfo.class),
                info -> {
                    int index = keys.indexOf(row);
                    KeyRow updated = new KeyRow(info, clock.instant());
                    if (index >= 0) {
                        keys.set(index, updated);
                    }
                    select(updated);
                    done("TTL of " + info.key() + " set to " + KeyTexts.ttl(info.ttlMillis(), clock.instant(),
                            clock.instant()) + ".");
                }, this::problem);
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
        done("Counting and sizing the keys a purge would remove…");
        tasks.run(() -> admin.post(ApiPaths.ADMIN_PURGE_PREVIEW, request, PurgePreview.class, PREVIEW_TIMEOUT),
                preview -> {
                    done("");
                    onPreview.accept(preview);
                }, this::problem);
    }

    public void purge(PurgeRequest request) {
        purgeProgress.ownPurgeStarted();
        done("");
        tasks.run(() -> admin.post(ApiPaths.ADMIN_PURGE, request, PurgeResult.class, PURGE_TIMEOUT), result -> {
            purgeProgress.ownPurgeEnded();
            done(String.format(Locale.ROOT, "Purged %,d keys (%s) in %,d ms.", result.removed(),
                    Units.bytes(result.bytes()), result.tookMillis()));
            refresh();
        }, problem -> {
            purgeProgress.ownPurgeEnded();
            problem(problem);
        });
    }

    public PurgeProgressModel purgeProgress() {
        return purgeProgress;
    }

    /** One clock tick for every TTL countdown on screen. */
    public void tick() {
        now.set(clock.instant());
    }

    static String keyPath(String key) {
        return ApiPaths.ADMIN_KEYS + "/" + encode(key);
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
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

    public static String facts(KeyDetail detail) {
        KeyInfo info = detail.info();
        return String.join("   ·   ", info.tier() == null ? "bookkeeping" : info.tier().displayName() + " tier",
                KeyTexts.kind(info), "stored " + Units.bytes(detail.storedBytes()),
                detail.payloadBytes() < 0 ? "no payload" : "payload " + Units.bytes(detail.payloadBytes()),
                info.route() == null ? "no route" : "route " + info.route());
    }

    private void done(String text) {
        failed.set(false);
        message.set(text);
    }

    /** A failure message is about the last attempt; once a read succeeds it no longer describes the state. */
    private void clearFailure() {
        if (failed.get()) {
            done("");
        }
    }

    private void problem(AdminProblem problem) {
        failed.set(true);
        message.set(problem.getMessage());
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

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }
}

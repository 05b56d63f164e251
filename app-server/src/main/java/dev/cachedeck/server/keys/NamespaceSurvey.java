package dev.cachedeck.server.keys;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.keys.NamespaceRow;
import dev.cachedeck.model.keys.NamespaceSummary;
import dev.cachedeck.server.cache.CacheKeys;
import dev.cachedeck.server.catalog.EntityType;
import dev.cachedeck.server.catalog.KeyParser;
import dev.cachedeck.server.catalog.KeyParser.ParsedKey;
import dev.cachedeck.server.redis.Futures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts and bytes per tier and entity type. An incremental SCAN of bounded pages keeps Redis
 * responsive; past a bound it stops, and sizes are measured on a sample and extrapolated, saying so.
 */
public final class NamespaceSurvey {
    private static final int SCAN_PAGE = 1000;
    private static final Comparator<NamespaceRow> ORDER = Comparator
            .comparing((NamespaceRow row) -> row.tier() == null ? Tier.values().length : row.tier().ordinal())
            .thenComparing(row -> row.entityType() == null ? "~" : row.entityType());

    private record Bucket(Tier tier, EntityType entity) {
    }

    private static final class Tally {
        long count;
        long sized;
        long sizedBytes;
    }

    private final AdminRedis redis;
    private final CacheKeys keys;
    private final KeyParser parser;
    private final KeyAdminSettings settings;

    public NamespaceSurvey(AdminRedis redis, CacheKeys keys, KeyParser parser, KeyAdminSettings settings) {
        this.redis = redis;
        this.keys = keys;
        this.parser = parser;
        this.settings = settings;
    }

    public NamespaceSummary summarize() {
        Map<Bucket, Tally> tallies = new HashMap<>();
        ScanArgs args = ScanArgs.Builder.matches(keys.everything()).limit(SCAN_PAGE);
        long[] scanned = {0};
        long[] sized = {0};
        boolean complete = KeyScan.everyMaster(redis, args, page -> {
            List<String> owned = page.stream().filter(keys::owns).toList();
            int toSize = (int) Math.max(0, Math.min(owned.size(), settings.summarySizeSample() - sized[0]));
            List<Long> sizes = sizes(owned.subList(0, toSize));
            for (int i = 0; i < owned.size(); i++) {
                ParsedKey parsed = parser.parse(owned.get(i)).orElseThrow();
                Tally tally = tallies.computeIfAbsent(new Bucket(parsed.tier(), parsed.entity()), b -> new Tally());
                tally.count++;
                if (i < toSize && sizes.get(i) != null) {
                    tally.sized++;
                    tally.sizedBytes += sizes.get(i);
                }
            }
            scanned[0] += owned.size();
            sized[0] += toSize;
            return scanned[0] < settings.summaryScanLimit();
        });
        return new NamespaceSummary(rows(tallies), complete && sized[0] == scanned[0], scanned[0], sized[0]);
    }

    private List<Long> sizes(List<String> batch) {
        if (batch.isEmpty()) {
            return List.of();
        }
        return redis.run(connection -> {
            List<RedisFuture<Long>> pending = batch.stream().map(connection.async()::memoryUsage).toList();
            return pending.stream().map(Futures::await).toList();
        });
    }

    private static List<NamespaceRow> rows(Map<Bucket, Tally> tallies) {
        long allSized = tallies.values().stream().mapToLong(t -> t.sized).sum();
        long allBytes = tallies.values().stream().mapToLong(t -> t.sizedBytes).sum();
        double overallMean = allSized == 0 ? 0 : (double) allBytes / allSized;
        List<NamespaceRow> rows = new ArrayList<>();
        tallies.forEach((bucket, tally) -> {
            double mean = tally.sized == 0 ? overallMean : (double) tally.sizedBytes / tally.sized;
            long bytes = tally.sized == tally.count ? tally.sizedBytes : Math.round(mean * tally.count);
            rows.add(new NamespaceRow(bucket.tier(), bucket.entity() == null ? null : bucket.entity().wireName(),
                    tally.count, bytes));
        });
        rows.sort(ORDER);
        return rows;
    }
}

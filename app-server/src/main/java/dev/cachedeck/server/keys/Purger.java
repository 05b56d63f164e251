package dev.cachedeck.server.keys;

import dev.cachedeck.model.ApiPaths;
import dev.cachedeck.model.Tier;
import dev.cachedeck.model.keys.PurgePreview;
import dev.cachedeck.model.keys.PurgeProgress;
import dev.cachedeck.model.keys.PurgeResult;
import dev.cachedeck.server.cache.CacheKeys;
import dev.cachedeck.server.cache.Invalidator;
import dev.cachedeck.server.catalog.EntityType;
import dev.cachedeck.server.catalog.InvalidationRules;
import dev.cachedeck.server.catalog.KeyParser;
import dev.cachedeck.server.catalog.KeyParser.ParsedKey;
import dev.cachedeck.server.catalog.Tag;
import dev.cachedeck.server.http.ApiProblem;
import dev.cachedeck.server.redis.Futures;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScanArgs;
import java.nio.charset.StandardCharsets;
import dev.cachedeck.server.near.NearCache;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Purges cache entries by pattern, tier or entity: a dry run that counts, then the same selection
 * removed with batched, rate-limited UNLINK. Only tier keys are ever selected: tag sets, versions and
 * the sequence stay, since removing them would let later writes miss entries. An entity purge goes
 * through the {@link Invalidator}, exactly as a write does, then removes keys parsed to the entity
 * that no tag listed.
 */
public final class Purger {
    private static final Logger LOG = Logger.getLogger(Purger.class.getName());
    private static final int SCAN_PAGE = 1000;
    private static final String ADMIN_ROUTE = "admin";

    /** What to purge, checked: a relative glob and a tier, or one entity. */
    public record Selection(String relativeGlob, Tier tier, EntityType entity, Long entityId) {
        boolean byEntity() {
            return entity != null;
        }

        String describe() {
            return byEntity() ? entity.wireName() + " " + entityId : "pattern=" + relativeGlob + " tier=" + tier;
        }
    }

    private record Sized(String key, long bytes) {
    }

    private final AdminRedis redis;
    private final CacheKeys keys;
    private final KeyParser parser;
    private final Invalidator invalidator;
    private final KeyAdminSettings settings;
    private final Clock clock;
    private final NearCache near;
    private final ReentrantLock oneAtATime = new ReentrantLock();
    private final AtomicReference<PurgeProgress> progress = new AtomicReference<>(new PurgeProgress(false, 0, 0, null));

    public Purger(AdminRedis redis, CacheKeys keys, KeyParser parser, Invalidator invalidator, KeyAdminSettings settings,
                  Clock clock, NearCache near) {
        this.near = near;
        this.redis = redis;
        this.keys = keys;
        this.parser = parser;
        this.invalidator = invalidator;
        this.settings = settings;
        this.clock = clock;
    }

    public PurgePreview preview(Selection selection) {
        List<Sized> planned = plan(selection);
        Set<String> routes = new TreeSet<>();
        planned.forEach(sized -> parser.parse(sized.key()).map(ParsedKey::route).ifPresent(routes::add));
        List<String> sample = planned.stream().map(Sized::key).sorted().limit(settings.previewSampleKeys()).toList();
        return new PurgePreview(planned.size(), planned.stream().mapToLong(Sized::bytes).sum(), List.copyOf(routes),
                sample);
    }

    public PurgeResult purge(Selection selection) {
        if (!oneAtATime.tryLock()) {
            throw ApiProblem.conflict("another purge is running; see " + ApiPaths.ADMIN_PURGE_PROGRESS);
        }
        try {
            long start = System.nanoTime();
            // Running from the start: selecting a large keyspace takes seconds, and a watcher should not
            // see the previous purge's figures meanwhile.
            progress.set(new PurgeProgress(true, 0, 0, clock.instant()));
            List<Sized> planned = plan(selection);
            progress.updateAndGet(p -> new PurgeProgress(true, planned.size(), 0, p.startedAt()));
            long removed = 0;
            if (selection.byEntity()) {
                Set<Tag> tags = InvalidationRules.entityTags(selection.entity(), selection.entityId());
                Invalidator.Result result = invalidator.invalidate(Tag.values(tags), ADMIN_ROUTE,
                        "purge " + selection.describe());
                removed += result.removed().values().stream().mapToLong(Integer::longValue).sum();
                advance(removed);
            }
            long batches = 0;
            for (int from = 0; from < planned.size(); from += settings.purgeBatchSize()) {
                if (batches > 0) {
                    pause();
                }
                List<String> batch = planned.subList(from, Math.min(planned.size(), from + settings.purgeBatchSize()))
                        .stream().map(Sized::key).toList();
                removed += unlink(batch);
                batches++;
                advance(removed);
            }
            long bytes = planned.stream().mapToLong(Sized::bytes).sum();
            PurgeResult result = new PurgeResult(removed, bytes, batches, (System.nanoTime() - start) / 1_000_000);
            LOG.info("purge selection=\"" + selection.describe() + "\" removed=" + removed + " bytes=" + bytes
                    + " batches=" + batches + " ms=" + result.tookMillis());
            return result;
        } finally {
            progress.updateAndGet(p -> new PurgeProgress(false, p.planned(), p.removed(), p.startedAt()));
            oneAtATime.unlock();
        }
    }

    public PurgeProgress progress() {
        return progress.get();
    }

    private void advance(long removed) {
        progress.updateAndGet(p -> new PurgeProgress(p.running(), p.planned(), removed, p.startedAt()));
    }

    /** Spaces batches so at most {@code purgeBatchesPerSecond} reach Redis in a second. */
    private void pause() {
        try {
            Thread.sleep(1000L / settings.purgeBatchesPerSecond());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("purge interrupted", e);
        }
    }

    private long unlink(List<String> batch) {
        long removed = redis.run(connection -> {
            List<RedisFuture<Long>> unlinks = batch.stream().map(connection.async()::unlink).toList();
            return unlinks.stream().mapToLong(Futures::await).sum();
        });
        // The operator's next read sees the purge on this instance at once; other instances get the pushes.
        near.remove(batch);
        return removed;
    }

    /** The existing tier keys the selection covers, each with its MEMORY USAGE, in a stable order. */
    private List<Sized> plan(Selection selection) {
        Set<String> candidates = new TreeSet<>();
        if (selection.byEntity()) {
            candidates.addAll(taggedKeys(selection));
            scan("*", key -> parser.parse(key)
                    .filter(parsed -> parsed.tier() != null && parsed.belongsTo(selection.entity(), selection.entityId()))
                    .isPresent(), candidates);
        } else {
            scan(selection.relativeGlob(), key -> parser.parse(key)
                    .filter(parsed -> parsed.tier() != null && (selection.tier() == null || parsed.tier() == selection.tier()))
                    .isPresent(), candidates);
        }
        return sized(List.copyOf(candidates));
    }

    private List<String> taggedKeys(Selection selection) {
        Set<Tag> tags = InvalidationRules.entityTags(selection.entity(), selection.entityId());
        return redis.run(connection -> {
            List<RedisFuture<Set<byte[]>>> members = tags.stream()
                    .map(tag -> connection.async().smembers(keys.tagSet(tag.value()))).toList();
            List<String> tagged = new ArrayList<>();
            members.forEach(future -> Futures.await(future).forEach(member -> {
                String key = new String(member, StandardCharsets.UTF_8);
                if (keys.tierOf(key) != null) {
                    tagged.add(key);
                }
            }));
            return tagged;
        });
    }

    /** Every master's keys under the confined glob that {@code keep} accepts. */
    private void scan(String relativeGlob, Predicate<String> keep, Set<String> into) {
        ScanArgs args = ScanArgs.Builder.matches(keys.confined(relativeGlob)).limit(SCAN_PAGE);
        KeyScan.everyMaster(redis, args, page -> {
            page.stream().filter(keys::owns).filter(keep).forEach(into::add);
            return true;
        });
    }

    /** MEMORY USAGE of each key; keys that no longer exist (null) are dropped. */
    private List<Sized> sized(List<String> candidates) {
        List<Sized> sized = new ArrayList<>(candidates.size());
        for (int from = 0; from < candidates.size(); from += SCAN_PAGE) {
            List<String> batch = candidates.subList(from, Math.min(candidates.size(), from + SCAN_PAGE));
            sized.addAll(redis.run(connection -> {
                List<RedisFuture<Long>> sizes = batch.stream().map(connection.async()::memoryUsage).toList();
                List<Sized> existing = new ArrayList<>();
                for (int i = 0; i < batch.size(); i++) {
                    Long bytes = Futures.await(sizes.get(i));
                    if (bytes != null) {
                        existing.add(new Sized(batch.get(i), bytes));
                    }
                }
                return existing;
            }));
        }
        return sized;
    }
}

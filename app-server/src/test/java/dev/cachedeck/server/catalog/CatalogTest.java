package dev.cachedeck.server.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.model.Tier;
import dev.cachedeck.model.api.JobListItem;
import dev.cachedeck.model.api.JobStatus;
import dev.cachedeck.model.api.ReviewFilter;
import dev.cachedeck.server.cache.CacheKeys;
import dev.cachedeck.server.cache.CachedRead;
import dev.cachedeck.server.http.PageRequest;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogTest {
    private final CacheKeys keys = new CacheKeys("cd");
    private final KeyParser parser = new KeyParser(keys, CachedRoute.all());

    @Test
    void familyKeysKeepTheSpellingAlreadyStoredInRedis() {
        assertEquals("cd:q:reviews:user:42:recent:p0x20",
                key(Family.REVIEWS_RECEIVED_PAGE, 42, "recent", "p0x20"));
        assertEquals("cd:q:jobs:client:7:any:count", key(Family.CLIENT_JOBS_COUNT, 7, "any"));
        assertEquals("cd:q:reviews:reviewer:3:p1x10", key(Family.REVIEWS_WRITTEN_PAGE, 3, "p1x10"));
        assertEquals("cd:m:user:42", key(Family.USER, 42));
    }

    @Test
    void everyFamilyKeyParsesBackToItsTierEntityIdAndRoute() {
        for (Family family : Family.values()) {
            String key = key(family, 1234, partsFor(family));
            KeyParser.ParsedKey parsed = parser.parse(key).orElseThrow();
            assertEquals(family.tier(), parsed.tier(), key);
            assertTrue(parsed.belongsTo(family.entity(), 1234), key);
            assertEquals(family.route(), parsed.route(), key);
        }
    }

    @Test
    void everyTagKindParsesBackToItsEntity() {
        for (Tag.Kind kind : Tag.Kind.values()) {
            Tag tag = new Tag(kind, 99);
            assertTrue(parser.parse(keys.tagSet(tag.value())).orElseThrow().belongsTo(kind.entity(), 99), tag.value());
        }
    }

    @Test
    void aPageOfJobsDependsOnItsListAndOnEveryJobItShows() {
        CachedRead<List<JobListItem>> read = CachedReads.clientJobsPage(7, JobStatus.OPEN, new PageRequest(0, 20));
        JobListItem shown = new JobListItem(11, "t", BigDecimal.ONE, JobStatus.OPEN, null, 0);
        assertEquals("jobs:client:7:open:p0x20", read.key());
        assertEquals(Tier.QUERY, read.tier());
        assertEquals(Set.of("jobs-of:7", "job:11"), read.tags().apply(List.of(shown)));
    }

    @Test
    void aPageOfReviewsIsKeyedByItsFilter() {
        assertEquals("reviews:user:5:unread:p2x10",
                CachedReads.reviewsReceivedPage(5, ReviewFilter.UNREAD, new PageRequest(2, 10)).key());
    }

    private String key(Family family, long id, String... parts) {
        return keys.entry(family.tier(), family.relativeKey(id, parts));
    }

    /** Just enough parts for the family's placeholders after the id: a filter or status, then a page. */
    private static String[] partsFor(Family family) {
        return switch (family) {
            case REVIEWS_RECEIVED_PAGE -> new String[] {"all", "p0x20"};
            case REVIEWS_WRITTEN_PAGE, PAYMENTS_PAGE -> new String[] {"p0x20"};
            case CLIENT_JOBS_COUNT -> new String[] {"any"};
            case CLIENT_JOBS_PAGE -> new String[] {"any", "p0x20"};
            default -> new String[0];
        };
    }
}

package dev.cachedeck.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.sample.Rows.ReviewRow;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MarketplaceGeneratorTest {
    private static final DatasetSpec SPEC = DatasetSpec.of(DatasetSpec.DEFAULT_SEED, 0.02);
    private static final UserTokens NUMBERED_TOKENS = id -> "token-" + id;
    private static final int SMALL_SEEDS = 1_000;

    @Test
    void sameSeedGeneratesIdenticalRows() {
        assertEquals(sha256OfAllRows(SPEC), sha256OfAllRows(DatasetSpec.of(SPEC.seed(), SPEC.scale())));
    }

    @Test
    void differentSeedGeneratesDifferentRows() {
        assertNotEquals(sha256OfAllRows(SPEC), sha256OfAllRows(DatasetSpec.of(SPEC.seed() + 1, SPEC.scale())));
    }

    @Test
    void noTokenIsAHashOfItsIdWithASmallSeed() {
        Set<String> computable = new HashSet<>();
        for (long id = 1; id <= SPEC.users(); id++) {
            for (long seed = 0; seed <= SMALL_SEEDS; seed++) {
                computable.add(sha256(seed + ":" + id));
            }
            computable.add(sha256(Long.toString(id)));
        }
        List<String> tokens = tokensOf(SPEC);

        assertEquals(List.of(), tokens.stream().filter(computable::contains).toList());
    }

    @Test
    void tokensAreUniqueLongAndDifferAtEveryGeneration() {
        List<String> first = tokensOf(SPEC);
        List<String> second = tokensOf(SPEC);

        assertEquals(first.size(), new HashSet<>(first).size(), "unique");
        assertTrue(first.stream().allMatch(token -> token.matches("[0-9a-f]{64}")), first.getFirst());
        assertEquals(List.of(), first.stream().filter(new HashSet<>(second)::contains).toList(),
                "the same spec gives the same rows, never the same tokens");
    }

    @Test
    void generatesTheRowCountsOfTheSpec() {
        MarketplaceGenerator generator = new MarketplaceGenerator(SPEC);
        AtomicLong users = new AtomicLong();
        AtomicLong jobs = new AtomicLong();
        AtomicLong reviews = new AtomicLong();
        AtomicLong payments = new AtomicLong();
        generator.users(row -> users.incrementAndGet());
        generator.jobs(row -> jobs.incrementAndGet());
        generator.reviews(row -> reviews.incrementAndGet());
        generator.payments(row -> payments.incrementAndGet());

        assertEquals(List.of(200L, 1_000L, 10_000L, 4_000L),
                List.of(users.get(), jobs.get(), reviews.get(), payments.get()));
        assertEquals(List.of((long) SPEC.users(), (long) SPEC.jobs(), (long) SPEC.reviews(), (long) SPEC.payments()),
                List.of(users.get(), jobs.get(), reviews.get(), payments.get()));
    }

    @Test
    void tinyScalesStillGetTheMinimumRowCounts() {
        DatasetSpec tiny = DatasetSpec.of(1, 0.000_1);

        assertEquals(List.of(30, 20, 100, 40), List.of(tiny.users(), tiny.jobs(), tiny.reviews(), tiny.payments()));
    }

    @Test
    void topOnePercentOfUsersReceiveOverTenPercentOfReviews() {
        long[] received = reviewsReceivedByUser();
        long[] descending = Arrays.stream(received).boxed().sorted((a, b) -> Long.compare(b, a))
                .mapToLong(Long::longValue).toArray();
        int topUsers = Math.max(1, SPEC.users() / 100);

        long topReviews = Arrays.stream(descending, 0, topUsers).sum();

        assertTrue(topReviews > 0.10 * SPEC.reviews(), "top 1% received " + topReviews + " of " + SPEC.reviews());
    }

    @Test
    void typicalUserReceivesFarFewerReviewsThanTheAverage() {
        long[] received = reviewsReceivedByUser();
        long[] sorted = received.clone();
        Arrays.sort(sorted);
        double average = (double) SPEC.reviews() / SPEC.users();

        long median = sorted[sorted.length / 2];

        assertTrue(median < average / 2, "median " + median + " vs average " + average);
    }

    private static long[] reviewsReceivedByUser() {
        long[] received = new long[SPEC.users()];
        new MarketplaceGenerator(SPEC).reviews(review -> received[(int) review.reviewedId() - 1]++);
        return received;
    }

    @Test
    void reviewsNeverComeFromTheReviewedUser() {
        List<ReviewRow> selfReviews = new ArrayList<>();
        new MarketplaceGenerator(SPEC).reviews(review -> {
            if (review.reviewerId() == review.reviewedId()) {
                selfReviews.add(review);
            }
        });

        assertEquals(List.of(), selfReviews);
    }

    private static List<String> tokensOf(DatasetSpec spec) {
        List<String> tokens = new ArrayList<>();
        new MarketplaceGenerator(spec).users(user -> tokens.add(user.apiToken()));
        return tokens;
    }

    private static String sha256(String text) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static String sha256OfAllRows(DatasetSpec spec) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        MarketplaceGenerator generator = new MarketplaceGenerator(spec, NUMBERED_TOKENS);
        generator.users(row -> sha.update((row + "\n").getBytes(StandardCharsets.UTF_8)));
        generator.jobs(row -> sha.update((row + "\n").getBytes(StandardCharsets.UTF_8)));
        generator.reviews(row -> sha.update((row + "\n").getBytes(StandardCharsets.UTF_8)));
        generator.payments(row -> sha.update((row + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest());
    }
}

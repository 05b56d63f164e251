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
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class MarketplaceGeneratorTest {
    private static final DatasetSpec SPEC = DatasetSpec.of(DatasetSpec.DEFAULT_SEED, 0.02);

    @Test
    void sameSeedGeneratesIdenticalRows() {
        assertEquals(sha256OfAllRows(SPEC), sha256OfAllRows(DatasetSpec.of(SPEC.seed(), SPEC.scale())));
    }

    @Test
    void differentSeedGeneratesDifferentRows() {
        assertNotEquals(sha256OfAllRows(SPEC), sha256OfAllRows(DatasetSpec.of(SPEC.seed() + 1, SPEC.scale())));
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

    private static String sha256OfAllRows(DatasetSpec spec) {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
        MarketplaceGenerator generator = new MarketplaceGenerator(spec);
        generator.users(row -> sha.update((row + "\n").getBytes(StandardCharsets.UTF_8)));
        generator.jobs(row -> sha.update((row + "\n").getBytes(StandardCharsets.UTF_8)));
        generator.reviews(row -> sha.update((row + "\n").getBytes(StandardCharsets.UTF_8)));
        generator.payments(row -> sha.update((row + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha.digest());
    }
}

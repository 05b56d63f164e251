package dev.cachedeck.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ZipfPickerTest {
    private static final int IDS = 50;
    private static final int PICKS = 200_000;

    @Test
    void mostPopularIdGetsItsZipfShare() {
        long[] counts = countsByPopularity(1.0, 7);
        double harmonic = LongStream.rangeClosed(1, IDS).mapToDouble(rank -> 1.0 / rank).sum();

        double share = (double) counts[0] / PICKS;

        assertEquals(1 / harmonic, share, 0.01);
    }

    @Test
    void pickCountsFallOffAsOneOverRank() {
        long[] counts = countsByPopularity(1.0, 7);

        double secondRatio = (double) counts[0] / counts[1];
        double tenthRatio = (double) counts[0] / counts[9];

        assertEquals(2.0, secondRatio, 0.2);
        assertEquals(10.0, tenthRatio, 1.5);
    }

    @Test
    void exponentZeroPicksEveryIdAboutEqually() {
        long[] counts = countsByPopularity(0.0, 7);
        double expected = (double) PICKS / IDS;

        assertTrue(counts[0] < expected * 1.1 && counts[IDS - 1] > expected * 0.9, Arrays.toString(counts));
    }

    @Test
    void popularityFollowsTheShuffleSeedNotTheIdOrder() {
        assertEquals(mostPickedId(7), mostPickedId(7));
        assertTrue(LongStream.of(mostPickedId(1), mostPickedId(2), mostPickedId(3), mostPickedId(4)).distinct().count() > 1,
                "the most picked id should depend on the shuffle seed");
    }

    /** Pick counts per id, most picked first; fails if an id outside 1..IDS is picked. */
    private static long[] countsByPopularity(double exponent, long shuffleSeed) {
        long[] countsById = countsById(exponent, shuffleSeed);
        return Arrays.stream(countsById, 1, IDS + 1).boxed().sorted((a, b) -> Long.compare(b, a))
                .mapToLong(Long::longValue).toArray();
    }

    private static long mostPickedId(long shuffleSeed) {
        long[] countsById = countsById(1.0, shuffleSeed);
        int best = 1;
        for (int id = 2; id <= IDS; id++) {
            best = countsById[id] > countsById[best] ? id : best;
        }
        return best;
    }

    private static long[] countsById(double exponent, long shuffleSeed) {
        ZipfPicker picker = new ZipfPicker(LongStream.rangeClosed(1, IDS).toArray(), exponent,
                new SplittableRandom(shuffleSeed));
        SplittableRandom random = new SplittableRandom(99);
        long[] countsById = new long[IDS + 1];
        for (int i = 0; i < PICKS; i++) {
            long id = picker.pick(random);
            assertTrue(id >= 1 && id <= IDS, "picked unknown id " + id);
            countsById[(int) id]++;
        }
        return countsById;
    }
}

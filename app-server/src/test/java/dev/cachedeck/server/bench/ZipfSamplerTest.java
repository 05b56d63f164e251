package dev.cachedeck.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class ZipfSamplerTest {
    private static final int IDS = 200;
    private static final int DRAWS = 400_000;

    @Test
    void rankFrequenciesFollowZipfWithSkewOne() {
        double[] observed = frequenciesByRank(1.0);
        double harmonic = LongStream.rangeClosed(1, IDS).mapToDouble(r -> 1.0 / r).sum();
        double chiSquare = 0;
        for (int rank = 0; rank < IDS; rank++) {
            double expected = DRAWS / ((rank + 1) * harmonic);
            chiSquare += Math.pow(observed[rank] - expected, 2) / expected;
        }
        // 199 degrees of freedom: the 99.9th percentile of chi-square is about 270.
        assertTrue(chiSquare < 270, "chi-square " + chiSquare);
        assertEquals(DRAWS / harmonic, observed[0], DRAWS / harmonic * 0.02, "rank 1 is picked 1/H of the time");
        assertEquals(2.0, observed[0] / observed[1], 0.1, "rank 1 about twice as often as rank 2");
    }

    @Test
    void skewZeroIsUniform() {
        double[] observed = frequenciesByRank(0.0);
        double expected = (double) DRAWS / IDS;
        for (double count : observed) {
            assertEquals(expected, count, expected * 0.15);
        }
    }

    @Test
    void popularityIsShuffledAcrossIdsAndEveryIdExists() {
        long[] ids = LongStream.rangeClosed(1001, 1000 + IDS).toArray();
        ZipfSampler sampler = new ZipfSampler(ids, 1.0, 7);
        assertTrue(sampler.idAtRank(0) != 1001 || sampler.idAtRank(1) != 1002, "ranks are not the id order");
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 10_000; i++) {
            long id = sampler.next(random);
            assertTrue(id >= 1001 && id <= 1000 + IDS, "drawn id " + id + " exists");
        }
    }

    private static double[] frequenciesByRank(double skew) {
        long[] ids = LongStream.rangeClosed(1, IDS).toArray();
        ZipfSampler sampler = new ZipfSampler(ids, skew, 11);
        Map<Long, Integer> rankOfId = new HashMap<>();
        for (int rank = 0; rank < IDS; rank++) {
            rankOfId.put(sampler.idAtRank(rank), rank);
        }
        double[] counts = new double[IDS];
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < DRAWS; i++) {
            counts[rankOfId.get(sampler.next(random))]++;
        }
        return counts;
    }
}

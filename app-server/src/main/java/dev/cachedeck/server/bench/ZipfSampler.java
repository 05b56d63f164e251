package dev.cachedeck.server.bench;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Chooses one of a fixed set of ids with Zipf weights: the id of rank r (1-based) has weight 1/r^skew, so
 * skew 0 is uniform and skew 1 makes the busiest id about as popular as the next nine together. Ranks are
 * given to ids by a seeded shuffle, so popularity is not simply "low ids are busy".
 */
final class ZipfSampler {
    private final long[] idsByRank;
    private final double[] cumulative;

    ZipfSampler(long[] ids, double skew, long seed) {
        if (ids.length == 0) {
            throw new IllegalArgumentException("no ids to choose from");
        }
        idsByRank = ids.clone();
        SplittableRandom shuffle = new SplittableRandom(seed);
        for (int i = idsByRank.length - 1; i > 0; i--) {
            int j = shuffle.nextInt(i + 1);
            long swap = idsByRank[i];
            idsByRank[i] = idsByRank[j];
            idsByRank[j] = swap;
        }
        cumulative = new double[ids.length];
        double sum = 0;
        for (int rank = 0; rank < ids.length; rank++) {
            sum += Math.pow(rank + 1, -skew);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < ids.length; rank++) {
            cumulative[rank] /= sum;
        }
    }

    long next(SplittableRandom random) {
        return idAtRank(rankOf(random.nextDouble()));
    }

    /** The 0-based rank a uniform draw in [0, 1) falls on. */
    int rankOf(double uniform) {
        int index = Arrays.binarySearch(cumulative, uniform);
        int rank = index >= 0 ? index + 1 : -index - 1;
        return Math.min(rank, cumulative.length - 1);
    }

    long idAtRank(int rank) {
        return idsByRank[rank];
    }

    int size() {
        return idsByRank.length;
    }
}

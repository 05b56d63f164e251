package dev.cachedeck.sample;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Picks one of a fixed list of ids with Zipf-like weights (rank r has weight 1/r^s): a few ids are
 * picked very often, most rarely. Which id gets which rank is a seeded shuffle, so popularity is
 * not simply "low ids are busy".
 */
final class ZipfPicker {
    private final long[] idsByRank;
    private final double[] cumulative;

    ZipfPicker(long[] ids, double exponent, SplittableRandom shuffleRandom) {
        this.idsByRank = ids.clone();
        for (int i = idsByRank.length - 1; i > 0; i--) {
            int j = shuffleRandom.nextInt(i + 1);
            long swap = idsByRank[i];
            idsByRank[i] = idsByRank[j];
            idsByRank[j] = swap;
        }
        this.cumulative = new double[ids.length];
        double sum = 0;
        for (int rank = 0; rank < ids.length; rank++) {
            sum += 1.0 / Math.pow(rank + 1, exponent);
            cumulative[rank] = sum;
        }
        for (int rank = 0; rank < ids.length; rank++) {
            cumulative[rank] /= sum;
        }
    }

    long pick(SplittableRandom random) {
        int index = Arrays.binarySearch(cumulative, random.nextDouble());
        int rank = index >= 0 ? index : Math.min(-index - 1, cumulative.length - 1);
        return idsByRank[rank];
    }
}

package dev.cachedeck.model.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class CalibrationTest {

    @Test
    void theRateIsAboutHalfTheProbedCapacityAndAlwaysBelowIt() {
        assertEquals(1200, Calibration.rateFor(2475));
        assertEquals(330, Calibration.rateFor(661));
        assertEquals(12, Calibration.rateFor(25.9));
        assertEquals(1, Calibration.rateFor(0.4));
        for (double capacity : new double[] {40, 77, 99.5, 640, 4_999, 24_600, 123_456}) {
            int rate = Calibration.rateFor(capacity);
            assertTrue(rate < capacity, rate + " below " + capacity);
            assertTrue(rate >= 0.45 * capacity && rate <= 0.5 * capacity, rate + " about half of " + capacity);
        }
    }
}

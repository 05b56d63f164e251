package dev.cachedeck.desktop.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TtlTextTest {
    @Test
    void formatsInTheLargestUnitThatDividesEvenly() {
        assertEquals("30 s", TtlText.format(30_000));
        assertEquals("90 s", TtlText.format(90_000));
        assertEquals("5 min", TtlText.format(300_000));
        assertEquals("2 h", TtlText.format(7_200_000));
        assertEquals("1 d", TtlText.format(86_400_000));
        assertEquals("25 h", TtlText.format(90_000_000));
        assertEquals("1500 ms", TtlText.format(1_500));
    }

    @Test
    void parsesWhatItFormatsAndBareNumbersAsSeconds() {
        for (long millis : new long[] {30_000, 90_000, 300_000, 7_200_000, 86_400_000}) {
            assertEquals(Optional.of(millis), TtlText.parse(TtlText.format(millis)));
        }
        assertEquals(Optional.of(45_000L), TtlText.parse("45"));
        assertEquals(Optional.of(600_000L), TtlText.parse(" 10m "));
        assertEquals(Optional.of(7_200_000L), TtlText.parse("2H"));
    }

    @Test
    void refusesWhatIsNotAWholeNumberWithAUnit() {
        assertEquals(Optional.empty(), TtlText.parse(""));
        assertEquals(Optional.empty(), TtlText.parse(null));
        assertEquals(Optional.empty(), TtlText.parse("1.5 h"));
        assertEquals(Optional.empty(), TtlText.parse("-5 s"));
        assertEquals(Optional.empty(), TtlText.parse("5 weeks"));
        assertEquals(Optional.empty(), TtlText.parse("99999999999999999999 d"), "too many digits, not an overflow");
    }
}

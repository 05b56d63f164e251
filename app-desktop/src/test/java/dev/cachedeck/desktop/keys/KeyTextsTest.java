package dev.cachedeck.desktop.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class KeyTextsTest {
    private static final Instant FETCHED = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void countsDownFromTheFetchInstantNotFromTheTtlAlone() {
        assertEquals("1 h 00 min", KeyTexts.ttl(3_600_000, FETCHED, FETCHED));
        assertEquals("59 min 59 s", KeyTexts.ttl(3_600_000, FETCHED, FETCHED.plusSeconds(1)));
        assertEquals("4 min 05 s", KeyTexts.ttl(300_000, FETCHED, FETCHED.plusSeconds(55)));
        assertEquals("9 s", KeyTexts.ttl(10_000, FETCHED, FETCHED.plusSeconds(1)));
    }

    @Test
    void aPartSecondLeftStillReadsAsOneSecondUntilItIsGone() {
        assertEquals("1 s", KeyTexts.ttl(1_500, FETCHED, FETCHED.plusMillis(1_400)));
        assertEquals("expired", KeyTexts.ttl(1_500, FETCHED, FETCHED.plusMillis(1_500)));
        assertEquals("expired", KeyTexts.ttl(1_500, FETCHED, FETCHED.plusSeconds(60)));
    }

    @Test
    void redisSpecialTtlsAreWords() {
        assertEquals("no expiry", KeyTexts.ttl(-1, FETCHED, FETCHED.plusSeconds(10)));
        assertEquals("gone", KeyTexts.ttl(-2, FETCHED, FETCHED));
    }
}

package dev.cachedeck.desktop.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cachedeck.model.monitor.TraceSpan;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceRowTest {
    private static TraceSpan lookup(String tier, String outcome) {
        return new TraceSpan(TraceSpan.Kind.TIER, tier, "cd:x", outcome, 0, 10);
    }

    @Test
    void cacheColumnReadsLikeXCacheWithRepeatsCountedInTierOrder() {
        List<TraceSpan> spans = List.of(lookup("MODEL", "HIT"), lookup("QUERY", "HIT"), lookup("RESPONSE", "MISS"),
                new TraceSpan(TraceSpan.Kind.SQL, "SELECT 1", null, null, 0, 5), lookup("QUERY", "HIT"),
                lookup("QUERY", "MISS"));
        assertEquals("api=MISS q=HIT×2,MISS m=HIT", TraceRow.cache(spans));
    }

    @Test
    void anUncachedRouteSaysSo() {
        assertEquals("no lookups", TraceRow.cache(List.of(new TraceSpan(TraceSpan.Kind.SQL, "UPDATE users", null, null,
                0, 5))));
    }
}

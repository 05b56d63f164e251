package dev.cachedeck.model.monitor;

import dev.cachedeck.model.Tier;

import java.util.List;
import java.util.Map;

/**
 * One second of traffic. {@code second} is the epoch second it covers and is also the SSE event id.
 * {@code redis} is null when Redis could not be asked; {@code markers} are the things that happened in this second;
 * {@code near} is the answering instance's near tier at the end of the second, its counts since the server started
 * (null from a server without one).
 */
public record StatsTick(long second, long requests, long errors, Map<Tier, TierTick> tiers,
                        LatencyPercentiles latency, double dbStatementsPerRequest,
                        RedisFigures redis, List<TimelineMarker> markers, NearFigures near) {
}

package dev.cachedeck.server.instance;

import io.helidon.config.Config;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code cachedeck.server}: who this instance says it is and how it registers itself in the shared Redis.
 *
 * @param id             {@code instance-id}; empty: {@code <host>:<port>} of the bound listener
 * @param publicUrl      {@code public-url}; empty: {@code http://<host>:<port>}
 * @param registrationTtl how long a registration lives unless renewed
 * @param renewEvery     how often it is renewed
 */
public record InstanceSettings(Optional<String> id, Optional<String> publicUrl, Duration registrationTtl,
                               Duration renewEvery) {
    public InstanceSettings {
        if (renewEvery.isNegative() || renewEvery.isZero() || renewEvery.compareTo(registrationTtl) >= 0) {
            throw new IllegalArgumentException("cachedeck.server.registration.renew-every (" + renewEvery
                    + ") must be positive and shorter than registration.ttl (" + registrationTtl + ")");
        }
    }

    public static InstanceSettings load(Config server) {
        return new InstanceSettings(nonBlank(server.get("instance-id").asString().get()),
                nonBlank(server.get("public-url").asString().get()),
                server.get("registration.ttl").as(Duration.class).get(),
                server.get("registration.renew-every").as(Duration.class).get());
    }

    private static Optional<String> nonBlank(String value) {
        return value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }
}

package dev.cachedeck.server.instance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InstanceIdentityTest {
    private static final Duration TTL = Duration.ofSeconds(15);
    private static final Duration RENEW = Duration.ofSeconds(5);

    @Test
    void withNothingConfiguredTheIdAndUrlAreTheBindAddressAndPort() {
        InstanceIdentity identity = identity(Optional.empty(), Optional.empty());
        identity.bind("10.0.0.7", 8081);

        assertEquals("10.0.0.7:8081", identity.id());
        assertEquals("http://10.0.0.7:8081", identity.url());
    }

    @Test
    void aWildcardBindAddressIsReplacedByTheHostName() {
        InstanceIdentity identity = identity(Optional.empty(), Optional.empty());
        identity.bind("0.0.0.0", 8082);

        assertEquals(InstanceIdentity.defaultHost("0.0.0.0") + ":8082", identity.id());
        assertNotEquals("0.0.0.0", InstanceIdentity.defaultHost("0.0.0.0"));
    }

    @Test
    void anIpv6BindAddressIsBracketedInTheUrl() {
        InstanceIdentity identity = identity(Optional.empty(), Optional.empty());
        identity.bind("::1", 8083);

        assertEquals("::1:8083", identity.id());
        assertEquals("http://[::1]:8083", identity.url());
    }

    @Test
    void configuredValuesWin() {
        InstanceIdentity identity = identity(Optional.of("eu-1"), Optional.of("http://api-1.internal"));
        identity.bind("127.0.0.1", 8084);

        assertEquals("eu-1", identity.id());
        assertEquals("http://api-1.internal", identity.url());
    }

    @Test
    void aRenewalNotShorterThanTheTtlIsRefused() {
        assertThrows(IllegalArgumentException.class,
                () -> new InstanceSettings(Optional.empty(), Optional.empty(), TTL, TTL));
    }

    private static InstanceIdentity identity(Optional<String> id, Optional<String> url) {
        return new InstanceIdentity(new InstanceSettings(id, url, TTL, RENEW), Instant.EPOCH);
    }
}

package dev.cachedeck.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.model.Tier;
import dev.cachedeck.server.cache.DataType;
import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.config.MissingValueException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServerSettingsTest {
    private final ServerSettings defaults = ServerSettings.load(Config.create(), Map.of());

    @Test
    void theNegativeTtlIsTheOneInApplicationYaml() {
        assertEquals(Duration.ofMinutes(5), defaults.cache().ttl().negative());
    }

    @Test
    void aSettingMissingFromTheConfigurationIsAnErrorNamingIt() {
        Map<String, String> values = new HashMap<>(Config.create().get("cachedeck").asMap().get());
        values.putAll(Config.create().get("server").asMap().get());
        values.remove("cachedeck.cache.lease-time");
        Config withoutLeaseTime = Config.builder().disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource().addSource(ConfigSources.create(values)).build();
        MissingValueException e = assertThrows(MissingValueException.class,
                () -> ServerSettings.load(withoutLeaseTime, Map.of()));
        assertTrue(e.getMessage().contains("lease-time"), e.getMessage());
    }

    @Test
    void overridesAreOneMoreLayerAndLaterLayersWin() {
        ServerSettings settings = defaults.withRedisUrl("redis://127.0.0.1:7001")
                .with(Map.of("cachedeck.cache.ttl.model.job", "PT2H"))
                .withPort(0);
        assertEquals(0, settings.port());
        assertEquals("redis://127.0.0.1:7001", settings.redisUrl().orElseThrow());
        assertEquals(Duration.ofHours(2), settings.cache().ttl().base(Tier.MODEL, DataType.JOB));
        assertEquals(0, settings.server().get("port").asInt().get(), "the web server reads the same layers");
    }
}

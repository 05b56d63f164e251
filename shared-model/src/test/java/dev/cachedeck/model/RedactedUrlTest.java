package dev.cachedeck.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactedUrlTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "redis://:secret@127.0.0.1:6399 | redis://:***@127.0.0.1:6399",
            "rediss://app:s3cr#t@cache.example:6380/0 | rediss://app:***@cache.example:6380/0",
            "redis://:a@h1:7000,:b@h2:7001 | redis://:***@h1:7000,:***@h2:7001",
            "redis://127.0.0.1:6379 | redis://127.0.0.1:6379",
            "jdbc:postgresql://db:5432/cd?user=app&password=hunter2&ssl=true | jdbc:postgresql://db:5432/cd?user=app&password=***&ssl=true",
            "jdbc:h2:tcp://db/cd;USER=sa;PASSWORD=x;MODE=PostgreSQL | jdbc:h2:tcp://db/cd;USER=sa;PASSWORD=***;MODE=PostgreSQL",
            "jdbc:h2:file:/data/cachedeck;WRITE_DELAY=0 | jdbc:h2:file:/data/cachedeck;WRITE_DELAY=0",
    })
    void passwordsInUrlsAreHidden(String url, String printed) {
        assertEquals(printed, RedactedUrl.of(url));
    }
}

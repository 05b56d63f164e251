package dev.cachedeck.server.docs;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.cachedeck.model.CacheDeckJson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.yaml.snakeyaml.Yaml;

/** The shipped openapi.yaml as a JSON tree, for the tests that call what it documents. */
public final class OpenApiDocument {
    private OpenApiDocument() {
    }

    public static ObjectNode load() {
        try (InputStream yaml = OpenApiDocument.class.getResourceAsStream("/openapi.yaml")) {
            return CacheDeckJson.newMapper().valueToTree(new Yaml().load(yaml));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A documented path template with its parameters filled in: user 2, the query tier, an absent key, 1 else. */
    public static String concrete(String template) {
        return template.replace("{tier}", "query").replace("{key}", "cd:absent").replace("{userId}", "2")
                .replaceAll("\\{[^}]+}", "1");
    }
}

package dev.cachedeck.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** The schema, in the two parts the loader applies before and after filling the tables. */
enum SchemaScript {
    TABLES("schema-tables.sql"),
    KEYS_AND_INDEXES("schema-keys-and-indexes.sql");

    private final String resource;

    SchemaScript(String resource) {
        this.resource = resource;
    }

    /** The script's statements, without comments; each ends with ';' at the end of a line in the file. */
    List<String> statements() {
        try (InputStream in = SchemaScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("schema resource missing: " + resource);
            }
            String withoutComments = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.trim().startsWith("--"))
                    .collect(Collectors.joining("\n", "", "\n"));
            return Arrays.stream(withoutComments.split(";\\s*\\n")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

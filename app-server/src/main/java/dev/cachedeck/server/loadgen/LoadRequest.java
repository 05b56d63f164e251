package dev.cachedeck.server.loadgen;

import java.nio.charset.StandardCharsets;

/**
 * One request as the lean client sends it: method, path (with query) and an optional JSON body.
 *
 * @param body UTF-8 JSON, empty for none
 */
public record LoadRequest(String method, String path, byte[] body) {
    private static final byte[] NONE = new byte[0];

    public static LoadRequest get(String path) {
        return new LoadRequest("GET", path, NONE);
    }

    public static LoadRequest json(String method, String path, String json) {
        return new LoadRequest(method, path, json.getBytes(StandardCharsets.UTF_8));
    }
}

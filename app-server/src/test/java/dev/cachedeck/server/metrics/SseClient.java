package dev.cachedeck.server.metrics;

import dev.cachedeck.server.TestServers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.stream.Stream;

/** Reads {@code /admin/stats/stream} as a browser's EventSource would: events of id, name and data lines. */
final class SseClient implements AutoCloseable {
    private final Stream<String> lines;
    private final Iterator<String> iterator;
    final int status;
    final String contentType;

    record Event(String id, String name, String data) {
    }

    SseClient(HttpClient http, URI base, String lastEventId) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve("/admin/stats/stream"))
                .header("Authorization", "Bearer " + TestServers.ADMIN_TOKEN);
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<Stream<String>> response = http.send(request.build(), HttpResponse.BodyHandlers.ofLines());
        this.status = response.statusCode();
        this.contentType = response.headers().firstValue("Content-Type").orElse("");
        this.lines = response.body();
        this.iterator = lines.iterator();
    }

    /** The next {@code count} events (comments skipped); fewer when the stream ends first. */
    List<Event> next(int count) {
        List<Event> events = new ArrayList<>();
        String id = null;
        String name = null;
        StringBuilder data = new StringBuilder();
        while (events.size() < count && iterator.hasNext()) {
            String line = iterator.next();
            if (line.isEmpty()) {
                if (name != null || data.length() > 0) {
                    events.add(new Event(id, name, data.toString()));
                }
                id = null;
                name = null;
                data.setLength(0);
            } else if (line.startsWith("id:")) {
                id = line.substring(3).strip();
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(line.substring(5).strip());
            }
        }
        return events;
    }

    /** Whether the server ended the stream (reads until the end; call only when an end is expected). */
    boolean ended() {
        while (iterator.hasNext()) {
            iterator.next();
        }
        return true;
    }

    @Override
    public void close() {
        lines.close();
    }
}

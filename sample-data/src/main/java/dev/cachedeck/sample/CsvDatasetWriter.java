package dev.cachedeck.sample;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Logger;

/**
 * Writes a dataset as one CSV file per table ({@code users.csv}, ...) in RFC 4180 form: UTF-8, a
 * header row of column names, CRLF line ends, fields quoted when they hold a comma, quote or line break.
 */
public final class CsvDatasetWriter {
    private static final Logger LOG = Logger.getLogger(CsvDatasetWriter.class.getName());

    private final Path dir;

    public CsvDatasetWriter(Path dir) {
        this.dir = dir;
    }

    /** Writes every table, creating the directory if needed and replacing earlier files; returns rows per table. */
    public Map<String, Long> write(DatasetSpec spec) throws IOException {
        Files.createDirectories(dir);
        MarketplaceGenerator generator = new MarketplaceGenerator(spec);
        Map<String, Long> rows = new LinkedHashMap<>();
        for (MarketplaceTable table : MarketplaceTable.values()) {
            rows.put(table.tableName(), writeTable(generator, table));
        }
        return rows;
    }

    private long writeTable(MarketplaceGenerator generator, MarketplaceTable table) throws IOException {
        long start = System.nanoTime();
        Path file = dir.resolve(table.tableName() + ".csv");
        long[] count = {0};
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(record(table.columns().toArray()));
            table.rows(generator, values -> {
                try {
                    out.write(record(values));
                    count[0]++;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        LOG.info(() -> "sample-data wrote table=" + table.tableName() + " rows=" + count[0] + " file=" + file + " ms=" + millis);
        return count[0];
    }

    static String record(Object[] values) {
        StringBuilder line = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                line.append(',');
            }
            line.append(field(values[i]));
        }
        return line.append("\r\n").toString();
    }

    /**
     * One field. Null is an empty field and an empty string is {@code ""}: RFC 4180 cannot tell them
     * apart, but PostgreSQL's COPY and most importers read them this way.
     */
    static String field(Object value) {
        if (value == null) {
            return "";
        }
        String text = value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
        boolean quoted = text.isEmpty() || text.chars().anyMatch(c -> c == ',' || c == '"' || c == '\n' || c == '\r');
        return quoted ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}

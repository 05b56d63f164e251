package dev.cachedeck.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.cachedeck.sample.Rows.UserRow;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvDatasetWriterTest {
    private static final DatasetSpec SPEC = DatasetSpec.of(DatasetSpec.DEFAULT_SEED, 0.01);

    @TempDir
    Path dir;

    @Test
    void writesOneFilePerTableWithAHeaderAndEveryRow() throws IOException {
        Map<String, Long> rows = new CsvDatasetWriter(dir).write(SPEC);

        assertEquals(Map.of("users", (long) SPEC.users(), "jobs", (long) SPEC.jobs(), "reviews", (long) SPEC.reviews(),
                "payments", (long) SPEC.payments()), rows);
        for (MarketplaceTable table : MarketplaceTable.values()) {
            List<List<String>> records = read(table.tableName());
            assertEquals(table.columns(), records.getFirst(), table.tableName());
            assertEquals(rows.get(table.tableName()) + 1, records.size(), table.tableName());
        }
    }

    @Test
    void userRowsRoundTripThroughTheFileIncludingCommaSeparatedSkills() throws IOException {
        new CsvDatasetWriter(dir).write(SPEC);
        List<UserRow> generated = new ArrayList<>();
        new MarketplaceGenerator(SPEC).users(generated::add);

        List<List<String>> records = read("users");

        for (int i = 0; i < generated.size(); i++) {
            UserRow user = generated.get(i);
            List<String> record = records.get(i + 1);
            assertEquals(List.of(String.valueOf(user.id()), user.displayName(), user.email(), user.skills(),
                            user.hourlyRate() == null ? "" : user.hourlyRate().toPlainString(), String.valueOf(user.client()),
                            user.memberSince().toString()),
                    List.of(record.get(0), record.get(1), record.get(2), record.get(4), record.get(5), record.get(7),
                            record.get(8)));
        }
    }

    @Test
    void quotesFieldsHoldingCommasQuotesOrLineBreaks() {
        assertEquals("\"Java,Go\"", CsvDatasetWriter.field("Java,Go"));
        assertEquals("\"say \"\"hi\"\"\"", CsvDatasetWriter.field("say \"hi\""));
        assertEquals("\"two\nlines\"", CsvDatasetWriter.field("two\nlines"));
        assertEquals("\"carriage\rreturn\"", CsvDatasetWriter.field("carriage\rreturn"));
        assertEquals("O'Brien", CsvDatasetWriter.field("O'Brien"));
    }

    @Test
    void writesNullAsAnEmptyFieldAndAnEmptyStringAsQuotes() {
        assertEquals("1,,\"\",12.50,true,2026-11-01T00:00:00Z\r\n", CsvDatasetWriter.record(new Object[] {
                1L, null, "", new BigDecimal("12.50"), true, Instant.parse("2026-11-01T00:00:00Z")}));
    }

    @Test
    void quotedFieldsParseBackToTheOriginalValues() {
        List<String> values = List.of("a,b", "say \"hi\"", "two\r\nlines", "plain");

        String record = CsvDatasetWriter.record(values.toArray());

        assertEquals(List.of(values), CsvRecords.parse(record));
    }

    private List<List<String>> read(String table) throws IOException {
        return CsvRecords.parse(Files.readString(dir.resolve(table + ".csv"), StandardCharsets.UTF_8));
    }
}

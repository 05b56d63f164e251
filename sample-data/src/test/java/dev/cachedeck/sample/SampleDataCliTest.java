package dev.cachedeck.sample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.cachedeck.sample.CliOptions.CsvTarget;
import dev.cachedeck.sample.CliOptions.JdbcTarget;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SampleDataCliTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    @Test
    void seedAndScaleDefaultToTheServersDefaults() {
        CliOptions options = CliOptions.parse("--csv-dir", "out");

        assertEquals(DatasetSpec.of(42, 1.0), options.spec());
        assertEquals(new CsvTarget(Path.of("out")), options.target());
    }

    @Test
    void parsesAJdbcTargetWithCredentialsSeedAndScale() {
        CliOptions options = CliOptions.parse("--jdbc-url", "jdbc:h2:mem:x", "--user", "sa", "--password", "pw",
                "--seed", "-7", "--scale", "0.5");

        assertEquals(DatasetSpec.of(-7, 0.5), options.spec());
        assertEquals(new JdbcTarget("jdbc:h2:mem:x", "sa", "pw"), options.target());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "--seed 1",
            "--csv-dir out --jdbc-url jdbc:h2:mem:x",
            "--csv-dir out --verbose yes",
            "--csv-dir",
            "--csv-dir --seed 1",
            "--csv-dir out --csv-dir other",
            "--csv-dir out --seed many",
            "--csv-dir out --seed 1.5",
            "--csv-dir out --scale big",
            "--csv-dir out --scale 0",
            "--csv-dir out --scale -1",
            "--csv-dir out --scale NaN",
            "--csv-dir out --scale Infinity",
            "--csv-dir out --user sa",
            "--jdbc-url h2:mem:x",
    })
    void rejectsBadArguments(String line) {
        assertThrows(IllegalArgumentException.class, () -> CliOptions.parse(args(line)));
    }

    @Test
    void badArgumentsExitWithTwoAndPrintUsage() {
        int code = run("--csv-dir out --scale zero");

        assertEquals(SampleDataCli.EXIT_BAD_ARGUMENTS, code);
        assertTrue(err().contains("Invalid value for option '--scale': 'zero' is not a double"), err());
        assertTrue(err().contains("Usage: SampleDataCli"), err());
    }

    @Test
    void helpPrintsUsageAndSucceeds() {
        assertEquals(SampleDataCli.EXIT_OK, run("--help"));
        assertTrue(out().contains("--csv-dir DIR"), out());
    }

    @Test
    void writesCsvFilesAndReportsTheRows(@TempDir Path dir) {
        int code = run("--csv-dir " + dir + " --scale 0.01");

        assertEquals(SampleDataCli.EXIT_OK, code, err());
        assertTrue(out().contains("users=100, jobs=500, reviews=5000, payments=2000"), out());
        assertTrue(Files.isRegularFile(dir.resolve("reviews.csv")));
    }

    @Test
    void loadsIntoAJdbcUrlAndReportsTheRows() {
        String url = H2Databases.newUrl();

        int code = run("--jdbc-url " + url + " --user sa --password secret --scale 0.01");

        assertEquals(SampleDataCli.EXIT_OK, code, err());
        assertTrue(out().contains("users=100, jobs=500, reviews=5000, payments=2000"), out());
        assertTrue(new SampleDataLoader(H2Databases.at(url, "sa", "secret")).isLoaded());
    }

    @Test
    void aFailedLoadExitsWithOne() {
        String url = H2Databases.newUrl();
        new SampleDataLoader(H2Databases.at(url)).load(DatasetSpec.of(1, 0.01));

        int code = run("--jdbc-url " + url + " --scale 0.01");

        assertEquals(SampleDataCli.EXIT_FAILED, code);
        assertTrue(err().startsWith("error: sample data load failed"), err());
    }

    private int run(String line) {
        return SampleDataCli.run(args(line), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private static String[] args(String line) {
        return line.isEmpty() ? new String[0] : line.split(" ");
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }
}

package dev.cachedeck.desktop.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.cachedeck.model.bench.BenchReport;
import dev.cachedeck.model.bench.ReportHtml;
import dev.cachedeck.model.bench.TextSummary;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Writes a finished scenario to a folder: the report as JSON, the shared HTML page of it (the same
 * renderer the bench command uses, so both exports read alike) and the results charts as a PNG.
 */
public final class DemoExport {
    private final ObjectMapper mapper;

    public DemoExport(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public void write(Path folder, BenchReport report, BufferedImage charts) throws IOException {
        Files.createDirectories(folder);
        mapper.writerWithDefaultPrettyPrinter().writeValue(folder.resolve("report.json").toFile(), report);
        Files.writeString(folder.resolve("report.html"), ReportHtml.of(report, TextSummary.of(report)));
        ImageIO.write(charts, "png", folder.resolve("report-charts.png").toFile());
    }
}

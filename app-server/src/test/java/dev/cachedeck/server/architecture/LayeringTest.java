package dev.cachedeck.server.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The server's layers, bottom to top (docs/architecture.md draws them): a package may import its own layer and
 * the layers below, never one above, and no two packages import each other, however indirectly.
 */
class LayeringTest {
    private static final String ROOT = "dev.cachedeck.server";

    /** Each layer with its packages, lowest first. */
    private record Layer(String name, List<String> packages) {
    }

    private static final List<Layer> LAYERS = List.of(
            new Layer("load client", List.of("loadgen")),
            new Layer("request scope", List.of("request")),
            new Layer("store and redis", List.of("store", "redis")),
            new Layer("http and auth", List.of("http", "auth")),
            new Layer("trace", List.of("trace")),
            new Layer("cache engine", List.of("cache", "near")),
            new Layer("catalogue", List.of("catalog")),
            new Layer("metrics", List.of("metrics")),
            new Layer("features", List.of("profile", "job", "review", "payment", "keys", "bench", "admin", "health",
                    "docs", "restart", "instance")),
            new Layer("wiring", List.of("")),
            new Layer("commands", List.of("cli")));

    // Imported once for the three rules, from the module's own class files only.
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages(ROOT);

    @Test
    void noPackageImportsALayerAboveItsOwn() {
        LayeredArchitecture architecture = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (Layer layer : LAYERS) {
            architecture = architecture.layer(layer.name()).definedBy(layer.packages().stream()
                    .map(pkg -> pkg.isEmpty() ? ROOT : ROOT + "." + pkg + "..").toArray(String[]::new));
        }
        for (int i = 0; i < LAYERS.size() - 1; i++) {
            String[] above = LAYERS.subList(i + 1, LAYERS.size()).stream().map(Layer::name).toArray(String[]::new);
            architecture = architecture.whereLayer(LAYERS.get(i).name()).mayOnlyBeAccessedByLayers(above);
        }
        architecture.whereLayer(LAYERS.getLast().name()).mayNotBeAccessedByAnyLayer().check(CLASSES);
    }

    @Test
    void everyServerPackageIsInALayer() {
        List<String> layered = LAYERS.stream().flatMap(layer -> layer.packages().stream()).toList();
        List<String> unlayered = CLASSES.stream()
                .map(type -> type.getPackageName().equals(ROOT) ? ""
                        : type.getPackageName().substring(ROOT.length() + 1).split("\\.")[0])
                .distinct().filter(pkg -> !layered.contains(pkg)).toList();
        assertEquals(List.of(), unlayered,
                "a new package needs a place in LayeringTest and docs/architecture.md");
    }

    @Test
    void noPackageCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
    }
}

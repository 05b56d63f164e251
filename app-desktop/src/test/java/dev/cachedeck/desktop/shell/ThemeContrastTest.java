package dev.cachedeck.desktop.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every text colour of both themes against the backgrounds it is drawn on reaches WCAG 2.x AA for normal text,
 * a contrast ratio of 4.5:1, computed from the colours cachedeck.css defines.
 */
class ThemeContrastTest {
    private static final double AA_TEXT = 4.5;
    private static final Pattern BLOCK = Pattern.compile("(?m)^(\\.root(?:\\.theme-dark)?) \\{([^}]*)}");
    private static final Pattern COLOUR = Pattern.compile("(-cd-[a-z-]+):\\s*(#[0-9a-fA-F]{6});");
    private static final Pattern TEXT_FILL = Pattern.compile("-fx-text-fill:\\s*([^;]+);");

    /** Text in {@code foreground} drawn on {@code background}, and where the window does that. */
    private record Pair(String foreground, String background, String where) {
    }

    private static final List<Pair> BOTH_THEMES = List.of(
            new Pair("-cd-text", "-cd-background", "page text"),
            new Pair("-cd-text", "-cd-surface", "card and table text"),
            new Pair("-cd-text-muted", "-cd-background", "notes under a page"),
            new Pair("-cd-text-muted", "-cd-surface", "tile details, fact names, bypass outcomes"),
            new Pair("-cd-bar-text", "-cd-bar", "status bar"),
            new Pair("-cd-bar-muted", "-cd-bar", "status bar: last checked"),
            new Pair("#ffffff", "-cd-bar", "brand"),
            new Pair("-cd-ok", "-cd-surface", "done messages, HIT outcomes"),
            new Pair("-cd-warn", "-cd-surface", "MISS outcomes, a load balancer's line in the instance table"),
            new Pair("-cd-bad", "-cd-surface", "failure messages, ERROR outcomes, an unreachable instance's line"),
            new Pair("-cd-ok", "-cd-background", "done messages on a page"),
            new Pair("-cd-bad", "-cd-background", "failure messages on a page"));
    /** Labels on a status colour: white on the light theme's dark status colours. */
    private static final List<Pair> LIGHT_ONLY = List.of(
            new Pair("#ffffff", "-cd-ok", "CONNECTED badge, UP chip, a switch that is on"),
            new Pair("#ffffff", "-cd-warn", "DEGRADED badge and chip"),
            new Pair("#ffffff", "-cd-bad", "UNREACHABLE badge, DOWN chip"),
            new Pair("#ffffff", "-cd-accent", "STARTING badge"),
            new Pair("#ffffff", "-cd-tier-near", "the near tier's switch when on"),
            new Pair("#ffffff", "-cd-tier-api", "the API response switch when on"),
            new Pair("#ffffff", "-cd-tier-query", "the query result switch when on"),
            new Pair("#ffffff", "-cd-tier-model", "the model instance switch when on"),
            new Pair("#ffffff", "-cd-text-muted", "chart marker labels"));
    /** ... and the status bar's colour on the dark theme's light ones. */
    private static final List<Pair> DARK_ONLY = List.of(
            new Pair("-cd-bar", "-cd-ok", "CONNECTED badge, UP chip, a switch that is on"),
            new Pair("-cd-bar", "-cd-warn", "DEGRADED badge and chip"),
            new Pair("-cd-bar", "-cd-bad", "UNREACHABLE badge, DOWN chip"),
            new Pair("-cd-bar", "-cd-accent", "STARTING badge"),
            new Pair("-cd-bar", "-cd-tier-near", "the near tier's switch when on"),
            new Pair("-cd-bar", "-cd-tier-api", "the API response switch when on"),
            new Pair("-cd-bar", "-cd-tier-query", "the query result switch when on"),
            new Pair("-cd-bar", "-cd-tier-model", "the model instance switch when on"),
            new Pair("-cd-bar", "-cd-text-muted", "chart marker labels"));

    private static String css() throws IOException {
        try (InputStream in = ThemeContrastTest.class.getResourceAsStream("/dev/cachedeck/desktop/cachedeck.css")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** The palette of each theme: the light one on {@code .root}, the dark one overriding it. */
    private static Map<String, Map<String, String>> themes(String css) {
        Map<String, String> light = new HashMap<>();
        Map<String, String> darkOverrides = new HashMap<>();
        Matcher block = BLOCK.matcher(css);
        while (block.find()) {
            Map<String, String> target = block.group(1).equals(".root") ? light : darkOverrides;
            Matcher colour = COLOUR.matcher(block.group(2));
            while (colour.find()) {
                target.put(colour.group(1), colour.group(2).toLowerCase(Locale.ROOT));
            }
        }
        Map<String, String> dark = new HashMap<>(light);
        dark.putAll(darkOverrides);
        return Map.of("light", light, "dark", dark);
    }

    private static String resolve(Map<String, String> theme, String colour) {
        String hex = colour.startsWith("#") ? colour : theme.get(colour);
        assertTrue(hex != null, colour + " is not defined");
        return hex;
    }

    static double luminance(String hex) {
        double[] channels = new double[3];
        for (int i = 0; i < 3; i++) {
            double c = Integer.parseInt(hex.substring(1 + 2 * i, 3 + 2 * i), 16) / 255.0;
            channels[i] = c <= 0.03928 ? c / 12.92 : Math.pow((c + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * channels[0] + 0.7152 * channels[1] + 0.0722 * channels[2];
    }

    static double contrast(String a, String b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    @Test
    void theContrastFormulaGivesTheKnownExtremes() {
        assertEquals(21.0, contrast("#000000", "#ffffff"), 1e-9);
        assertEquals(1.0, contrast("#777777", "#777777"), 1e-9);
        assertEquals(4.48, contrast("#777777", "#ffffff"), 0.01, "the grey that famously just misses AA");
    }

    @Test
    void everyTextColourOfBothThemesReachesAaOnItsBackgrounds() throws IOException {
        Map<String, Map<String, String>> themes = themes(css());
        StringBuilder failures = new StringBuilder();
        check(themes.get("light"), "light", BOTH_THEMES, failures);
        check(themes.get("light"), "light", LIGHT_ONLY, failures);
        check(themes.get("dark"), "dark", BOTH_THEMES, failures);
        check(themes.get("dark"), "dark", DARK_ONLY, failures);
        assertTrue(failures.isEmpty(), "below 4.5:1:\n" + failures);
    }

    private static void check(Map<String, String> theme, String name, List<Pair> pairs, StringBuilder failures) {
        for (Pair pair : pairs) {
            double ratio = contrast(resolve(theme, pair.foreground()), resolve(theme, pair.background()));
            if (ratio < AA_TEXT) {
                failures.append(String.format(Locale.ROOT, "%s: %s on %s (%s) is %.2f:1%n", name, pair.foreground(),
                        pair.background(), pair.where(), ratio));
            }
        }
    }

    /** A text colour added to the stylesheet without a pair here would escape the check. */
    @Test
    void everyTextFillInTheStylesheetIsAmongTheCheckedForegrounds() throws IOException {
        Set<String> used = new TreeSet<>();
        Matcher fill = TEXT_FILL.matcher(css());
        while (fill.find()) {
            used.add(fill.group(1).trim().toLowerCase(Locale.ROOT));
        }
        Set<String> checked = java.util.stream.Stream.of(BOTH_THEMES, LIGHT_ONLY, DARK_ONLY).flatMap(List::stream)
                .map(Pair::foreground).collect(Collectors.toSet());
        used.removeAll(checked);
        assertTrue(used.isEmpty(), "text colours without a contrast check: " + used);
    }
}

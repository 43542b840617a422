package org.medfund.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * STYLE.md 14 "a parameter in a pack that no code reads is a lie": every parameter of every shipped pack version is
 * named by the production code that reads it — a string literal equal to its name (or, for a family such as {@code
 * prepayment.months-payable-min.310}, a literal prefix ending in a dot) outside comments, and a literal held in a
 * constant only counts when the constant is used. Parameters of capabilities not built yet are listed below; the list
 * shrinks as those capabilities arrive (a listed parameter that code reads fails the test, so it leaves the list).
 */
class PackParametersTest {

    private static final Path MAIN_SOURCES = Path.of("src/main/java");

    /**
     * Parameters of capabilities not built yet, by pack: rule names or name prefixes (ending in a dot) whose capability
     * a later issue builds. Cross-region funding and clearing (异地就医预付金、清算: Henan 一、三(二)–(四); Guizhou guizhou-2017
     * 三(三), 五 and annex 1 — its filing, benefits, suspension and go-live rules are built and read) and pooling (统收统支
     * / 市级统筹: Hainan hainan-2020, Handan handan-2020, including Handan's two-level settlement art. 11).
     */
    static final Map<String, List<String>> NOT_BUILT_YET = Map.of(
            "hainan-2020", List.of("pooling."),
            "handan-2020", List.of("pooling.", "settlement.levels"));

    private static final Pattern CONSTANT = Pattern.compile(
            "static\\s+final\\s+String\\s+(\\w+)\\s*=\\s*\"([^\"\\\\]*)\"\\s*;");

    /** The names code reads, as found in the production sources. */
    record Usage(Set<String> literals, Set<String> unusedConstantLiterals) {

        boolean reads(String parameter) {
            if (literals.contains(parameter) && !unusedConstantLiterals.contains(parameter)) {
                return true;
            }
            // A family prefix: "prepayment.months-payable-min." + fund.
            return literals.stream().anyMatch(l -> l.endsWith(".") && l.indexOf('.') < l.length() - 1
                    && parameter.startsWith(l) && !unusedConstantLiterals.contains(l));
        }
    }

    static Usage usage(Path root) {
        StringBuilder all = new StringBuilder();
        Set<String> literals = new TreeSet<>();
        List<String> code = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                String stripped = withoutComments(Files.readString(file, StandardCharsets.UTF_8), literals);
                code.add(stripped);
                all.append(stripped).append('\n');
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Set<String> unused = new TreeSet<>();
        Matcher constant = CONSTANT.matcher(all);
        while (constant.find()) {
            Matcher uses = Pattern.compile("\\b" + constant.group(1) + "\\b").matcher(all);
            int count = 0;
            while (uses.find()) {
                count++;
            }
            if (count < 2) {
                unused.add(constant.group(2));
            }
        }
        return new Usage(literals, unused);
    }

    /**
     * The source without comments and text blocks (SQL), with every ordinary string literal added to {@code
     * literals}; literals are kept in the returned text so constants can be matched.
     */
    static String withoutComments(String source, Set<String> literals) {
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < source.length()) {
            if (source.startsWith("//", i)) {
                i = source.indexOf('\n', i) < 0 ? source.length() : source.indexOf('\n', i);
            } else if (source.startsWith("/*", i)) {
                i = source.indexOf("*/", i + 2) + 2;
            } else if (source.startsWith("\"\"\"", i)) {
                i = source.indexOf("\"\"\"", i + 3) + 3;
                out.append("\"\"");
            } else if (source.charAt(i) == '"') {
                StringBuilder literal = new StringBuilder();
                int j = i + 1;
                while (source.charAt(j) != '"') {
                    if (source.charAt(j) == '\\') {
                        j++;
                    }
                    literal.append(source.charAt(j));
                    j++;
                }
                literals.add(literal.toString());
                out.append(source, i, j + 1);
                i = j + 1;
            } else if (source.charAt(i) == '\'') {
                int j = source.charAt(i + 1) == '\\' ? source.indexOf('\'', i + 3) : i + 2;
                out.append(source, i, j + 1);
                i = j + 1;
            } else {
                out.append(source.charAt(i));
                i++;
            }
        }
        return out.toString();
    }

    private static boolean notBuiltYet(String packId, String parameter) {
        return NOT_BUILT_YET.getOrDefault(packId, List.of()).stream()
                .anyMatch(entry -> entry.endsWith(".") ? parameter.startsWith(entry) : parameter.equals(entry));
    }

    @Test
    @DisplayName("STYLE.md 14: every pack parameter is read by production code (or listed as not built yet)")
    void everyParameterIsRead() {
        Usage usage = usage(MAIN_SOURCES);
        List<String> unread = new ArrayList<>();
        List<String> listedButRead = new ArrayList<>();
        for (PolicyPack pack : PackFile.loadShipped()) {
            for (String name : new TreeSet<>(pack.parameters().keySet())) {
                boolean read = usage.reads(name);
                if (notBuiltYet(pack.id(), name)) {
                    if (read) {
                        listedButRead.add(pack.label() + " " + name);
                    }
                } else if (!read) {
                    unread.add(pack.label() + " " + name);
                }
            }
        }
        assertThat(unread).as("pack parameters no production code reads").isEmpty();
        assertThat(listedButRead).as("read by code now: remove from NOT_BUILT_YET").isEmpty();
    }

    @Test
    @DisplayName("the check fails on an unread parameter, a commented-out use and a constant nobody uses")
    void checkCanFail() throws IOException {
        Path dir = Files.createTempDirectory("pack-usage");
        Files.writeString(dir.resolve("Rules.java"), """
                class Rules {
                    static final String USED = "prepayment.used";
                    static final String IDLE = "prepayment.idle";
                    String a() { return USED + "prepayment.months-payable-min." + "prepayment.direct"; }
                    // "prepayment.commented"
                    /* "prepayment.block-commented" */
                    String sql = \"""
                        select 'prepayment.in-sql'
                        \""";
                    char quote = '"';
                }
                """);
        Usage usage = usage(dir);
        assertThat(usage.reads("prepayment.used")).isTrue();
        assertThat(usage.reads("prepayment.direct")).isTrue();
        assertThat(usage.reads("prepayment.months-payable-min.390")).isTrue();
        assertThat(usage.reads("prepayment.idle")).isFalse();
        assertThat(usage.reads("prepayment.commented")).isFalse();
        assertThat(usage.reads("prepayment.block-commented")).isFalse();
        assertThat(usage.reads("prepayment.in-sql")).isFalse();
        assertThat(usage.reads("prepayment.first-period")).isFalse();
    }
}

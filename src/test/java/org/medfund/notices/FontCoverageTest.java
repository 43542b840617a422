package org.medfund.notices;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The shipped font subset prints what notices contain: every character of the notice templates, every hanzi of GB
 * 2312 (the set all Chinese systems can type) and the capital numerals of 大写 amounts. A character missing from the
 * font would silently print as a blank box on a signed paper.
 */
class FontCoverageTest {

    private static CmapLookup cmap() throws IOException {
        try (InputStream in = FontCoverageTest.class.getClassLoader()
                .getResourceAsStream("notices/fonts/NotoSansSC-Regular.subset.ttf")) {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(in));
            return font.getUnicodeCmapLookup();
        }
    }

    private static List<Integer> missing(CmapLookup cmap, Stream<Integer> codePoints) {
        List<Integer> missing = new ArrayList<>();
        codePoints.filter(c -> !Character.isWhitespace(c) && cmap.getGlyphId(c) == 0).distinct().forEach(missing::add);
        return missing;
    }

    @Test
    @DisplayName("every character of every notice template and of the 大写 numerals has a glyph")
    void templatesAndCapitals() throws IOException {
        CmapLookup cmap = cmap();
        StringBuilder text = new StringBuilder("零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整负");
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/notices/templates"))) {
            for (Path file : files.toList()) {
                text.append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        assertThat(missing(cmap, text.codePoints().boxed())).isEmpty();
    }

    @Test
    @DisplayName("every character of the production code's string literals has a glyph (derivations print → − ≥ ≤ ≠)")
    void codeLiterals() throws IOException {
        CmapLookup cmap = cmap();
        Pattern literal = Pattern.compile("\"((?:[^\"\\\\\n]|\\\\.)*)\"");
        StringBuilder text = new StringBuilder();
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = literal.matcher(Files.readString(file, StandardCharsets.UTF_8));
                while (m.find()) {
                    text.append(m.group(1));
                }
            }
        }
        assertThat(text.toString()).contains("−", "≥");
        assertThat(missing(cmap, text.codePoints().boxed()).stream().map(Character::toString).toList()).isEmpty();
    }

    @Test
    @DisplayName("all 6,763 hanzi of GB 2312 have a glyph")
    void gb2312() throws IOException {
        CmapLookup cmap = cmap();
        CharsetEncoder gb2312 = Charset.forName("GB2312").newEncoder();
        List<Integer> hanzi = new ArrayList<>();
        for (int c = 0x4e00; c <= 0x9fff; c++) {
            if (gb2312.canEncode((char) c)) {
                hanzi.add(c);
            }
        }
        assertThat(hanzi).hasSize(6763);
        assertThat(missing(cmap, hanzi.stream())).isEmpty();
    }
}

package org.medfund.notices;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TTFSubsetter;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;

/**
 * Recreates the shipped notice font from the npm package (notices/fonts/README.txt): {@code npm pack
 * @expo-google-fonts/noto-sans-sc@0.4.3}, untar, then run this class with the test classpath and the arguments
 * {@code package/400Regular/NotoSansSC_400Regular.ttf src/main/resources/notices/fonts/NotoSansSC-Regular.subset.ttf}.
 * A tool, not a test: {@link FontCoverageTest} checks what it produced.
 */
public final class FontSubset {

    /** Inclusive code point ranges kept: Latin, punctuation, Greek (Σ), symbols (arrows and the mathematical operators derivations print: → − ≥ ≤ ≠), all CJK Unified Ideographs, full-width forms. */
    static final int[][] RANGES = {{0x20, 0x7e}, {0xa0, 0xff}, {0x370, 0x3ff}, {0x2000, 0x206f}, {0x2100, 0x22ff}, {0x2460, 0x24ff},
        {0x2500, 0x257f}, {0x25a0, 0x25ff}, {0x3000, 0x303f}, {0x3200, 0x32ff}, {0x4e00, 0x9fff}, {0xff00, 0xffef}};

    private FontSubset() {
    }

    public static void main(String[] args) throws IOException {
        TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBufferedFile(args[0]));
        TTFSubsetter subsetter = new TTFSubsetter(font);
        for (int[] range : RANGES) {
            for (int c = range[0]; c <= range[1]; c++) {
                subsetter.add(c);
            }
        }
        try (OutputStream out = Files.newOutputStream(Path.of(args[1]))) {
            subsetter.writeToStream(out);
        }
    }
}

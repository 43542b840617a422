package org.medfund.ledger.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The ledger's data files (chart of accounts, posting rules): one row a line, cells separated by {@code |}, blank
 * lines and {@code #} comments skipped. A malformed file is a bug and stops the application.
 */
final class PipeTable {

    private PipeTable() {
    }

    static String read(String resource) {
        try (InputStream in = PipeTable.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** True for a debit side {@code D}, false for a credit side {@code C}; anything else is a bug in the file. */
    static boolean debit(String resource, String side, String where) {
        if (!side.equals("D") && !side.equals("C")) {
            throw new IllegalStateException(resource + ": side must be D or C: " + where);
        }
        return side.equals("D");
    }

    /** The rows of {@code text}, each with exactly {@code cellCount} stripped cells. */
    static List<String[]> rows(String resource, String text, int cellCount) {
        List<String[]> rows = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] cells = line.split("\\|", -1);
            if (cells.length != cellCount) {
                throw new IllegalStateException(resource + ": expected " + cellCount + " cells: " + line);
            }
            rows.add(Arrays.stream(cells).map(String::strip).toArray(String[]::new));
        }
        return rows;
    }
}

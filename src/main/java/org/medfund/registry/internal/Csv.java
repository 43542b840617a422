package org.medfund.registry.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry's data files: UTF-8 CSV (RFC 4180 quoting), lines starting with {@code #} are comments, the first
 * other line is the header. A comment {@code data version X} names the data set's version.
 */
final class Csv {

    static final int ROWS_MAX = 100_000;

    private final List<Map<String, String>> rows;
    private final String version;

    private Csv(List<Map<String, String>> rows, String version) {
        this.rows = rows;
        this.version = version;
    }

    static Csv read(String resource) {
        try (InputStream in = Csv.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("registry data file missing: " + resource);
            }
            return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    static Csv parse(String name, String text) {
        List<String> header = null;
        String version = null;
        List<Map<String, String>> rows = new ArrayList<>();
        int lineNo = 0;
        for (String line : text.split("\r?\n")) {
            lineNo++;
            if (line.startsWith("#")) {
                int at = line.indexOf("data version ");
                if (at >= 0 && version == null) {
                    version = line.substring(at + "data version ".length()).trim();
                }
                continue;
            }
            if (line.isBlank()) {
                continue;
            }
            List<String> cells = cells(line, name, lineNo);
            if (header == null) {
                header = cells;
                continue;
            }
            if (cells.size() != header.size()) {
                throw new IllegalStateException(name + " line " + lineNo + ": " + cells.size() + " cells, header has "
                        + header.size());
            }
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), cells.get(i).isEmpty() ? null : cells.get(i));
            }
            rows.add(row);
            if (rows.size() > ROWS_MAX) {
                throw new IllegalStateException(name + " has more than " + ROWS_MAX + " rows");
            }
        }
        return new Csv(List.copyOf(rows), version);
    }

    private static List<String> cells(String line, String name, int lineNo) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalStateException(name + " line " + lineNo + ": unterminated quote");
        }
        cells.add(cell.toString());
        return cells;
    }

    List<Map<String, String>> rows() {
        return rows;
    }

    String version() {
        return version;
    }
}

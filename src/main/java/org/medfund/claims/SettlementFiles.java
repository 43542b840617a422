package org.medfund.claims;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.medfund.common.Rejection;

/**
 * Settlement files: CSV (UTF-8, optional BOM, RFC 4180 quoting) or xlsx (first sheet), first row the national
 * field names in any order; and the error report of a refused file, in CSV or xlsx.
 */
public final class SettlementFiles {

    /** xlsx is read whole into memory; larger uploads must be CSV. */
    public static final int XLSX_ROWS_MAX = 200_000;
    /**
     * Key of a row's field map naming the first column whose bytes were not UTF-8 (the row is then an error). Bytes
     * that do not decode are read as U+FFFD so that one bad row is reported like any other instead of ending the
     * read (and, on PostgreSQL, the COPY of the rows before it) with an exception.
     */
    public static final String BAD_ENCODING_KEY = "_encoding";
    static final char REPLACEMENT = '\uFFFD';
    private static final int CSV_BUFFER_CHARS = 64 * 1024;

    private SettlementFiles() {
    }

    /**
     * One data row with its number: its line as Excel (or a text editor) numbers it, less one, so that the header on
     * the first line is row 0 and a blank line or a quoted line break before a row does not shift the rows after it.
     */
    public record NumberedRow(long number, Map<String, String> fields) {
    }

    /** Reads data rows one at a time. */
    public interface RowReader extends Iterator<NumberedRow>, AutoCloseable {
        @Override
        void close();
    }

    public static RowReader open(Path file, String fileName) {
        String name = (fileName == null ? file.getFileName().toString() : fileName).toLowerCase();
        try {
            if ((name.endsWith(".xlsx") || name.endsWith(".csv")) && !looksLikeTable(file, name.endsWith(".xlsx"))) {
                throw new Rejection("claims.not-a-table", "file", "不是 CSV/xlsx 文件：" + fileName
                        + "（请用 Excel 另存为 .xlsx，或另存为 CSV UTF-8）");
            }
            if (name.endsWith(".xlsx")) {
                return xlsx(Files.newInputStream(file));
            }
            if (name.endsWith(".csv")) {
                return new CsvReader(new BufferedReader(new InputStreamReader(Files.newInputStream(file),
                        StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPLACE)
                                .onUnmappableCharacter(CodingErrorAction.REPLACE)), CSV_BUFFER_CHARS));
            }
        } catch (IOException e) {
            throw new Rejection("claims.file-unreadable", "file", "无法读取文件：" + e.getMessage());
        }
        throw new Rejection("claims.file-type", "file", "只接受 .csv 或 .xlsx 文件：" + fileName);
    }

    /** Bytes sniffed at the start of a file to tell a table from a picture, a PDF or a zip of something else. */
    static final int SNIFF_BYTES = 4096;

    /**
     * Whether the file's first bytes can be what its name says: an xlsx is a zip (it starts with "PK\3\4"); CSV text
     * holds no control bytes other than tab, line feed and carriage return (a GBK file passes, and its rows are then
     * refused one by one as not UTF-8; a PNG, a PDF's binary header, a Word document do not).
     */
    static boolean looksLikeTable(Path file, boolean xlsx) throws IOException {
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(SNIFF_BYTES);
        }
        if (xlsx) {
            return head.length >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4;
        }
        for (byte b : head) {
            if (b >= 0 && b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b == 0x7f) {
                return false;
            }
        }
        return true;
    }

    static List<String> checkHeader(List<String> header) {
        List<String> names = header.stream().map(h -> h.strip().replace("\uFEFF", "").toLowerCase()).toList();
        for (String name : names) {
            if (!SettlementFields.ALL.contains(name)) {
                throw new Rejection("claims.unknown-column", name, "未知列：" + name + "（列名须为国家平台字段名，如 setl_id）");
            }
        }
        if (!names.contains("setl_id")) {
            throw new Rejection("claims.missing-column", "setl_id", "缺少 setl_id 列");
        }
        return names;
    }

    private static final class CsvReader implements RowReader {
        private final BufferedReader in;
        private final List<String> header;
        /** Physical lines read so far, and the line the record in {@link #next} starts on. */
        private long linesRead;
        private long nextLine;
        private List<String> next;
        /** Whether {@link #next} had bytes that are not UTF-8 (scanned once per line, not per field). */
        private boolean nextBadlyEncoded;
        private boolean lineBadlyEncoded;

        CsvReader(BufferedReader in) throws IOException {
            this.in = in;
            List<String> first = readRecord();
            if (first == null) {
                throw new Rejection("claims.empty", "file", "文件为空");
            }
            this.header = checkHeader(first);
            advance();
        }

        private void advance() {
            try {
                do {
                    lineBadlyEncoded = false;
                    nextLine = linesRead + 1;
                    next = readRecord();
                } while (next != null && next.size() == 1 && next.get(0).isBlank() && !lineBadlyEncoded);
                nextBadlyEncoded = lineBadlyEncoded;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** One CSV record; quoted fields may hold commas, doubled quotes and line breaks. */
        private List<String> readRecord() throws IOException {
            String line = in.readLine();
            if (line == null) {
                return null;
            }
            linesRead++;
            lineBadlyEncoded |= line.indexOf(REPLACEMENT) >= 0;
            List<String> fields = new ArrayList<>(header == null ? 24 : header.size());
            if (line.indexOf('"') < 0) {
                // No quoting: the fields are the text between commas (the common case, read without copying).
                int from = 0;
                for (int comma = line.indexOf(','); comma >= 0; comma = line.indexOf(',', from)) {
                    fields.add(line.substring(from, comma));
                    from = comma + 1;
                }
                fields.add(line.substring(from));
                return fields;
            }
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            while (true) {
                for (int i = 0; i < line.length(); i++) {
                    char c = line.charAt(i);
                    if (quoted) {
                        if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                            field.append('"');
                            i++;
                        } else if (c == '"') {
                            quoted = false;
                        } else {
                            field.append(c);
                        }
                    } else if (c == '"') {
                        quoted = true;
                    } else if (c == ',') {
                        fields.add(field.toString());
                        field.setLength(0);
                    } else {
                        field.append(c);
                    }
                }
                if (!quoted) {
                    break;
                }
                String more = in.readLine();
                if (more == null) {
                    break;
                }
                linesRead++;
                lineBadlyEncoded |= more.indexOf(REPLACEMENT) >= 0;
                field.append('\n');
                line = more;
            }
            fields.add(field.toString());
            return fields;
        }

        /** The first column holding a byte that was not UTF-8 (setl_id when it is past the last column). */
        private String badlyEncodedColumn(List<String> record) {
            for (int i = 0; i < record.size() && i < header.size(); i++) {
                if (record.get(i).indexOf(REPLACEMENT) >= 0) {
                    return header.get(i);
                }
            }
            return "setl_id";
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public NumberedRow next() {
            if (next == null) {
                throw new NoSuchElementException();
            }
            Map<String, String> fields = new HashMap<>(header.size() * 2);
            for (int i = 0; i < header.size(); i++) {
                fields.put(header.get(i), i < next.size() ? next.get(i) : "");
            }
            if (next.size() > header.size()) {
                fields.put("_extra", "");
            }
            if (nextBadlyEncoded) {
                fields.put(BAD_ENCODING_KEY, badlyEncodedColumn(next));
            }
            NumberedRow row = new NumberedRow(nextLine - 1, fields);
            advance();
            return row;
        }

        @Override
        public void close() {
            try {
                in.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The workbook, or a rejection when the bytes are no xlsx (no zip, cut short, not a spreadsheet inside). */
    private static Workbook workbook(InputStream in) throws IOException {
        try {
            return new XSSFWorkbook(in);
        } catch (RuntimeException e) {
            // POI signals a broken file with runtime exceptions of its own (NotOfficeXmlFileException, …).
            throw new Rejection("claims.file-unreadable", "file", "不是有效的 xlsx 文件（请用 Excel 另存为 .xlsx，或改用 CSV）");
        }
    }

    private static RowReader xlsx(InputStream in) throws IOException {
        List<NumberedRow> rows = new ArrayList<>();
        try (in; Workbook book = workbook(in)) {
            if (book.getNumberOfSheets() == 0) {
                throw new Rejection("claims.empty", "file", "文件中没有工作表");
            }
            Sheet sheet = book.getSheetAt(0);
            if (sheet.getLastRowNum() > XLSX_ROWS_MAX) {
                throw new Rejection("claims.file-too-large", "file", "xlsx 最多 " + XLSX_ROWS_MAX + " 行，更大的文件请用 CSV");
            }
            DataFormatter format = new DataFormatter();
            Row headerRow = sheet.getRow(sheet.getFirstRowNum());
            List<String> texts = new ArrayList<>();
            for (int c = 0; headerRow != null && c < headerRow.getLastCellNum(); c++) {
                texts.add(cellText(headerRow.getCell(c), format));
            }
            List<String> header = checkHeader(texts);
            for (int r = sheet.getFirstRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Map<String, String> fields = new HashMap<>();
                boolean blank = true;
                for (int c = 0; c < header.size(); c++) {
                    String text = row == null ? "" : cellText(row.getCell(c), format);
                    blank &= text.isBlank();
                    fields.put(header.get(c), text);
                }
                if (!blank) {
                    // Sheet rows are 0-based: row r is Excel's line r + 1, whatever rows above were left empty.
                    rows.add(new NumberedRow(r, fields));
                }
            }
        }
        Iterator<NumberedRow> it = rows.iterator();
        return new RowReader() {
            public boolean hasNext() {
                return it.hasNext();
            }

            public NumberedRow next() {
                return it.next();
            }

            public void close() {
            }
        };
    }

    /** Numbers are read as decimals, not display text, so 1234.5 stays exact whatever the cell's format. */
    private static String cellText(Cell cell, DataFormatter format) {
        if (cell == null) {
            return "";
        }
        if (cell.getCellType() == CellType.NUMERIC && !org.apache.poi.ss.usermodel.DateUtil.isCellDateFormatted(cell)) {
            return BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros().toPlainString();
        }
        if (cell.getCellType() == CellType.NUMERIC) {
            return SettlementFields.TIME.format(cell.getLocalDateTimeCellValue());
        }
        return format.formatCellValue(cell).strip();
    }

    /** The error report of a refused file as CSV: row, setl_id, field, code, message. */
    public static void writeErrorsCsv(List<RowError> errors, Writer out) throws IOException {
        // A BOM, so that Excel opens the UTF-8 report with its Chinese right.
        out.write("\uFEFF行号,结算ID（setl_id）,字段,错误代码,说明\n");
        for (RowError e : errors) {
            out.write(e.line() + "," + csv(e.setlId()) + "," + csv(e.field()) + "," + e.code() + ","
                    + csv(e.message()) + "\n");
        }
        out.flush();
    }

    /** The same report as an xlsx sheet. */
    public static void writeErrorsXlsx(List<RowError> errors, OutputStream out) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(500)) {
            Sheet sheet = book.createSheet("错误");
            String[] head = {"行号", "setl_id", "字段", "错误代码", "说明"};
            Row h = sheet.createRow(0);
            for (int i = 0; i < head.length; i++) {
                h.createCell(i).setCellValue(head[i]);
            }
            int r = 1;
            for (RowError e : errors) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(e.line());
                row.createCell(1).setCellValue(e.setlId());
                row.createCell(2).setCellValue(e.field());
                row.createCell(3).setCellValue(e.code());
                row.createCell(4).setCellValue(e.message());
            }
            book.write(out);
        }
    }

    static String csv(String text) {
        if (text == null) {
            return "";
        }
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return '"' + text.replace("\"", "\"\"") + '"';
        }
        return text;
    }
}

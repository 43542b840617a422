package org.medfund.notices;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Consumer;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A list page as an .xlsx download (Apache POI): one sheet, a bold header row, text and number cells. */
public final class XlsxExport {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    /** Exports are page lists, never bulk dumps; the cap keeps a request's memory bounded. */
    static final int ROWS_MAX = 50_000;

    private XlsxExport() {
    }

    /** Rows held in memory at a time by {@link #streamed}; earlier rows are flushed to a temporary file. */
    static final int STREAM_WINDOW_ROWS = 500;

    /**
     * Every export's workbook: rows are produced by {@code rows} one at a time and written through POI's streaming
     * workbook, so a large export (a hospital's month of settlements) holds only the finished file in memory. The
     * producer limits the row count; {@link #response} is the form for a list already in memory. Closing the
     * workbook deletes its temporary files (POI 5.3+, bug 68183).
     */
    public static ResponseEntity<byte[]> streamed(String fileName, String sheetName, List<String> header,
                                           Consumer<Consumer<List<Object>>> rows) {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(STREAM_WINDOW_ROWS);
             ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.size(); i++) {
                head.createCell(i).setCellValue(header.get(i));
                head.getCell(i).setCellStyle(bold);
                sheet.setColumnWidth(i, 20 * 256);
            }
            // Number formats make a reader (Excel, POI's DataFormatter) show 5 and 1234.50, never "5.0".
            CellStyle whole = workbook.createCellStyle();
            whole.setDataFormat(workbook.createDataFormat().getFormat("0"));
            CellStyle yuan = workbook.createCellStyle();
            yuan.setDataFormat(workbook.createDataFormat().getFormat("0.00"));
            int[] next = {1};
            rows.accept(values -> fill(sheet.createRow(next[0]++), values, whole, yuan));
            workbook.write(bytes);
            return attachment(fileName, bytes.toByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Whole numbers (counts, voucher numbers) as integer cells, decimals (yuan from {@code Money.toYuan()}) as
     * two-decimal cells: the double a spreadsheet stores holds any amount below 10^13 yuan to the fen, and the
     * format rounds it back for display.
     */
    private static void fill(Row row, List<Object> values, CellStyle whole, CellStyle yuan) {
        for (int c = 0; c < values.size(); c++) {
            Object value = values.get(c);
            if (value instanceof java.math.BigDecimal decimal) {
                row.createCell(c).setCellValue(decimal.doubleValue());
                row.getCell(c).setCellStyle(decimal.scale() > 0 ? yuan : whole);
            } else if (value instanceof Number number) {
                row.createCell(c).setCellValue(number.doubleValue());
                row.getCell(c).setCellStyle(number instanceof Double || number instanceof Float ? yuan : whole);
            } else if (value != null) {
                row.createCell(c).setCellValue(value.toString());
            }
        }
    }

    private static ResponseEntity<byte[]> attachment(String fileName, byte[] body) {
        String encoded = URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"export.xlsx\"; filename*=UTF-8''"
                        + encoded)
                .body(body);
    }

    public static ResponseEntity<byte[]> response(String fileName, String sheetName, List<String> header,
                                           List<List<Object>> rows) {
        if (rows.size() > ROWS_MAX) {
            throw new IllegalStateException("export of " + rows.size() + " rows exceeds " + ROWS_MAX);
        }
        return streamed(fileName, sheetName, header, sink -> rows.forEach(sink));
    }
}

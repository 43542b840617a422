package org.medfund.notices;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.medfund.common.Money;

/**
 * Plain tables as CSV (UTF-8 with BOM, for Excel and the banks' upload tools) and as one xlsx sheet, the writers every
 * capability's files share: the bank files ({@link PaymentFiles}) and the prepayment disbursement file. A row is a
 * table row of cells, not a tuple: {@link Money} cells are written in yuan, nulls as empty cells.
 */
public final class Tables {

    /** A file is one agency's payments of one batch or day; the cap keeps a download's memory bounded. */
    public static final int ROWS_MAX = 50_000;

    private Tables() {
    }

    /**
     * A CSV table: text cells quoted when they hold a comma or quote, {@link Money} cells as plain yuan with two
     * decimals, nulls empty.
     */
    public static byte[] csv(String[] header, List<Object[]> rows) {
        checkSize(rows);
        StringBuilder out = new StringBuilder("\uFEFF").append(String.join(",", header)).append('\n');
        for (Object[] row : rows) {
            List<String> cells = new ArrayList<>(row.length);
            for (Object value : row) {
                cells.add(value instanceof Money ? ((Money) value).toPlainYuan()
                        : cell(value == null ? null : value.toString()));
            }
            out.append(String.join(",", cells)).append('\n');
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The same table as one xlsx sheet: {@link Money} cells numeric in yuan, nulls left blank. */
    public static byte[] xlsx(String sheetName, String[] header, List<Object[]> rows) {
        checkSize(rows);
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(sheetName);
            Row head = sheet.createRow(0);
            for (int i = 0; i < header.length; i++) {
                head.createCell(i).setCellValue(header[i]);
            }
            int r = 1;
            for (Object[] values : rows) {
                Row row = sheet.createRow(r++);
                for (int i = 0; i < values.length; i++) {
                    if (values[i] instanceof Money) {
                        row.createCell(i).setCellValue(((Money) values[i]).toYuan().doubleValue());
                    } else if (values[i] != null) {
                        row.createCell(i).setCellValue(values[i].toString());
                    }
                }
            }
            book.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkSize(List<Object[]> rows) {
        if (rows.size() > ROWS_MAX) {
            throw new IllegalStateException("file of " + rows.size() + " rows exceeds " + ROWS_MAX);
        }
    }

    private static String cell(String text) {
        if (text == null) {
            return "";
        }
        return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}

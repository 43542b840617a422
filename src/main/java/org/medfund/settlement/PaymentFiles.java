package org.medfund.settlement;

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
 * Bank files (网上支付文件) as CSV (UTF-8 with BOM, for Excel and the banks' upload tools) and xlsx. The batch files have
 * one row per hospital and insurance type with a positive net that is not held ({@link PaymentHolds}): payee name,
 * bank, account, amount in yuan and the 摘要 naming period, insurance type and content (henan-2023 四(二)). The table
 * writers are public so that other capabilities' payment files (e.g. prepayment disbursements) share the format.
 */
public final class PaymentFiles {

    static final String[] HEADER = {"收款户名", "开户银行", "收款账号", "金额（元）", "大写金额", "摘要", "机构编码", "险种"};
    /** A payment file is one agency's payments of one batch or day; the cap keeps a download's memory bounded. */
    public static final int ROWS_MAX = 50_000;

    private PaymentFiles() {
    }

    public static byte[] csv(PaymentBatch batch) {
        return csv(HEADER, rows(batch));
    }

    public static byte[] xlsx(PaymentBatch batch) {
        return xlsx(batch.cycle() + (batch.kind().equals("FALLBACK") ? " 预拨" : " 结算"), HEADER, rows(batch));
    }

    private static List<Object[]> rows(PaymentBatch batch) {
        List<Object[]> rows = new ArrayList<>();
        for (PaymentBatch.Line l : batch.lines()) {
            if (l.payable()) {
                rows.add(new Object[] {l.payeeName(), l.bankName(), l.accountNo(), l.net(), l.net().toChineseCapital(),
                    l.memo(), l.hospitalCode(), l.insutype()});
            }
        }
        rows.add(new Object[] {"合计", null, null, batch.totalNet(), batch.totalNet().toChineseCapital(), null, null,
            null});
        return rows;
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
            throw new IllegalStateException("payment file of " + rows.size() + " rows exceeds " + ROWS_MAX);
        }
    }

    private static String cell(String text) {
        if (text == null) {
            return "";
        }
        return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }
}

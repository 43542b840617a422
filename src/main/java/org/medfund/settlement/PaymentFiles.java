package org.medfund.settlement;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.medfund.common.Money;

/**
 * The bank file of a payment batch (网上支付文件): one row per hospital and insurance type with a positive net
 * that is not held ({@link PaymentHolds}), payee
 * name, bank, account, amount in yuan and the 摘要 naming period, insurance type and content (seed 000 四(二)).
 */
public final class PaymentFiles {

    static final String[] HEADER = {"收款户名", "开户银行", "收款账号", "金额（元）", "大写金额", "摘要", "机构编码", "险种"};

    private PaymentFiles() {
    }

    public static byte[] csv(PaymentBatch batch) {
        StringBuilder out = new StringBuilder("\uFEFF").append(String.join(",", HEADER)).append('\n');
        for (PaymentBatch.Line l : batch.lines()) {
            if (l.payable()) {
                out.append(String.join(",", cell(l.payeeName()), cell(l.bankName()), cell(l.accountNo()),
                        l.net().toPlainYuan(), cell(l.net().toChineseCapital()), cell(l.memo()), l.hospitalCode(),
                        l.insutype())).append('\n');
            }
        }
        out.append("合计,,,").append(batch.totalNet().toPlainYuan()).append(',')
                .append(cell(batch.totalNet().toChineseCapital())).append(",,,\n");
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    public static byte[] xlsx(PaymentBatch batch) {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet(batch.cycle() + (batch.kind().equals("FALLBACK") ? " 预拨" : " 结算"));
            Row head = sheet.createRow(0);
            for (int i = 0; i < HEADER.length; i++) {
                head.createCell(i).setCellValue(HEADER[i]);
            }
            int r = 1;
            for (PaymentBatch.Line l : batch.lines()) {
                if (!l.payable()) {
                    continue;
                }
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(l.payeeName());
                row.createCell(1).setCellValue(l.bankName());
                row.createCell(2).setCellValue(l.accountNo());
                row.createCell(3).setCellValue(l.net().toYuan().doubleValue());
                row.createCell(4).setCellValue(l.net().toChineseCapital());
                row.createCell(5).setCellValue(l.memo());
                row.createCell(6).setCellValue(l.hospitalCode());
                row.createCell(7).setCellValue(l.insutype());
            }
            Row total = sheet.createRow(r);
            total.createCell(0).setCellValue("合计");
            total.createCell(3).setCellValue(batch.totalNet().toYuan().doubleValue());
            total.createCell(4).setCellValue(batch.totalNet().toChineseCapital());
            book.write(bytes);
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String cell(String text) {
        if (text == null) {
            return "";
        }
        return text.contains(",") || text.contains("\"") ? '"' + text.replace("\"", "\"\"") + '"' : text;
    }

    static Money total(PaymentBatch b) {
        return b.totalNet();
    }
}

package org.medfund.web.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.medfund.common.Money;
import org.medfund.ledger.Anchor;
import org.medfund.ledger.EntryLine;
import org.medfund.ledger.LedgerReports;
import org.medfund.ledger.PostedEntry;

/** xlsx exports of the ledger statements: amounts as numbers in yuan with two decimals, headers in Chinese. */
final class LedgerXlsx {

    static final String CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    private LedgerXlsx() {
    }

    static byte[] trialBalance(LedgerReports.TrialBalance t) {
        return build("科目余额表", List.of("科目编码", "科目名称", "期初借方", "期初贷方", "本期借方", "本期贷方",
                "期末借方", "期末贷方"), t.bookName() + " " + t.period(), sheet -> {
                    int r = 2;
                    for (LedgerReports.TrialBalanceRow row : t.rows()) {
                        trialRow(sheet, r++, row);
                    }
                    trialRow(sheet, r++, t.totals());
                    anchors(sheet, r + 1, t.anchors());
                });
    }

    /** The period's sealed chain heads under the statement, so the printed sheet carries them. */
    private static void anchors(Sheet sheet, int first, List<Anchor> anchors) {
        sheet.createRow(first).createCell(0).setCellValue(anchors.isEmpty()
                ? "本期尚无锚点（结账时及每 " + Anchor.INTERVAL_ENTRIES + " 张凭证各封签一次链尾）"
                : "锚点（账簿密钥封签的链尾，供与数据库核对）");
        if (anchors.isEmpty()) {
            return;
        }
        Row header = sheet.createRow(first + 1);
        List<String> headers = List.of("锚点号", "类别", "会计期间", "凭证号", "链尾哈希", "封签时间", "密钥标识", "封签");
        for (int i = 0; i < headers.size(); i++) {
            header.createCell(i).setCellValue(headers.get(i));
        }
        int r = first + 2;
        for (Anchor a : anchors) {
            Row x = sheet.createRow(r++);
            x.createCell(0).setCellValue(a.anchorNo());
            x.createCell(1).setCellValue(a.reason().label());
            x.createCell(2).setCellValue(a.period().toString());
            x.createCell(3).setCellValue(a.sequenceNo());
            x.createCell(4).setCellValue(a.entryHash());
            x.createCell(5).setCellValue(a.anchoredAt().toString().replace('T', ' '));
            x.createCell(6).setCellValue(a.keyId());
            x.createCell(7).setCellValue(a.seal());
        }
    }

    private static void trialRow(Sheet sheet, int index, LedgerReports.TrialBalanceRow row) {
        Row r = sheet.createRow(index);
        r.createCell(0).setCellValue(row.accountCode() == null ? "" : row.accountCode());
        r.createCell(1).setCellValue(row.accountName());
        Money[] amounts = {row.openingDebit(), row.openingCredit(), row.periodDebit(), row.periodCredit(),
            row.closingDebit(), row.closingCredit()};
        for (int i = 0; i < amounts.length; i++) {
            money(r, 2 + i, amounts[i]);
        }
    }

    static byte[] detail(LedgerReports.DetailLedger d) {
        return build("明细账", List.of("日期", "凭证号", "摘要", "科目", "借方", "贷方", "方向", "余额", "往来单位",
                "险种", "所属期", "业务单据"), d.orgCode() + " " + d.accountCode() + " " + d.accountName() + " "
                + d.from() + "—" + d.to(), sheet -> {
                    Row opening = sheet.createRow(2);
                    opening.createCell(2).setCellValue("期初余额");
                    money(opening, 7, d.opening());
                    int r = 3;
                    for (LedgerReports.DetailRow row : d.rows()) {
                        Row x = sheet.createRow(r++);
                        x.createCell(0).setCellValue(row.date().toString());
                        x.createCell(1).setCellValue(row.sequenceNo());
                        x.createCell(2).setCellValue(text(row.memo()));
                        x.createCell(3).setCellValue(row.accountCode());
                        money(x, 4, row.debit());
                        money(x, 5, row.credit());
                        x.createCell(6).setCellValue(row.side());
                        money(x, 7, row.balance());
                        x.createCell(8).setCellValue(text(row.counterpartyCode()));
                        x.createCell(9).setCellValue(text(row.insuranceType()));
                        x.createCell(10).setCellValue(text(row.period()));
                        x.createCell(11).setCellValue(text(row.reference()));
                    }
                });
    }

    static byte[] journal(String title, List<PostedEntry> entries) {
        return build("序时账", List.of("日期", "凭证号", "摘要", "科目编码", "科目名称", "借方", "贷方", "往来单位",
                "险种", "所属期", "规则", "政策依据"), title, sheet -> {
                    int r = 2;
                    for (PostedEntry e : entries) {
                        for (EntryLine l : e.lines()) {
                            Row x = sheet.createRow(r++);
                            x.createCell(0).setCellValue(e.date().toString());
                            x.createCell(1).setCellValue(e.sequenceNo());
                            x.createCell(2).setCellValue(text(e.memo()));
                            x.createCell(3).setCellValue(l.accountCode());
                            x.createCell(4).setCellValue(l.accountName());
                            money(x, 5, l.debit());
                            money(x, 6, l.credit());
                            x.createCell(7).setCellValue(text(l.counterpartyOrgCode()));
                            x.createCell(8).setCellValue(text(l.insuranceType()));
                            x.createCell(9).setCellValue(text(l.period()));
                            x.createCell(10).setCellValue(e.ruleType());
                            x.createCell(11).setCellValue(text(e.article()));
                        }
                    }
                });
    }

    static byte[] balances(String title, List<LedgerReports.DimensionBalance> balances) {
        return build("往来余额", List.of("往来单位编码", "往来单位", "借方累计", "贷方累计", "余额"), title, sheet -> {
            int r = 2;
            for (LedgerReports.DimensionBalance b : balances) {
                Row x = sheet.createRow(r++);
                x.createCell(0).setCellValue(text(b.counterpartyCode()));
                x.createCell(1).setCellValue(text(b.counterpartyName()));
                money(x, 2, b.debit());
                money(x, 3, b.credit());
                money(x, 4, b.balance());
            }
        });
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    private static void money(Row row, int column, Money amount) {
        var cell = row.createCell(column);
        cell.setCellValue(amount.toYuan().doubleValue());
        cell.setCellStyle(row.getSheet().getWorkbook().getCellStyleAt(1));
    }

    private static byte[] build(String sheetName, List<String> headers, String title,
                                java.util.function.Consumer<Sheet> body) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle yuan = workbook.createCellStyle();
            yuan.setDataFormat(workbook.createDataFormat().getFormat("#,##0.00"));
            Sheet sheet = workbook.createSheet(sheetName);
            sheet.createRow(0).createCell(0).setCellValue(sheetName + "  " + title);
            Row header = sheet.createRow(1);
            for (int i = 0; i < headers.size(); i++) {
                header.createCell(i).setCellValue(headers.get(i));
            }
            body.accept(sheet);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

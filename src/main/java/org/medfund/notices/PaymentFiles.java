package org.medfund.notices;

import java.util.ArrayList;
import java.util.List;
import org.medfund.common.Money;

/**
 * Bank files (网上支付文件) of settlement payments as CSV and xlsx ({@link Tables}): one row per payment with payee
 * name, bank, account, amount in yuan and in capitals, and the 摘要 naming period, insurance type and content
 * (henan-2023 四(二)), then a 合计 row. The capability that pays decides which payments go in (settlement leaves out
 * held and zero lines); this class only knows the layout.
 */
public final class PaymentFiles {

    static final String[] HEADER = {"收款户名", "开户银行", "收款账号", "金额（元）", "大写金额", "摘要", "机构编码", "险种"};

    private PaymentFiles() {
    }

    /**
     * One payment to one payee's account.
     *
     * @param payeeCode the payee organisation's code (机构编码)
     * @param insuranceType the national insurance type code the payment is for
     */
    public record Payment(String payeeName, String bankName, String accountNo, Money amount, String memo,
                          String payeeCode, String insuranceType) {
    }

    public static byte[] csv(List<Payment> payments) {
        return Tables.csv(HEADER, rows(payments));
    }

    public static byte[] xlsx(String sheetName, List<Payment> payments) {
        return Tables.xlsx(sheetName, HEADER, rows(payments));
    }

    private static List<Object[]> rows(List<Payment> payments) {
        List<Object[]> rows = new ArrayList<>(payments.size() + 1);
        Money total = Money.ZERO;
        for (Payment p : payments) {
            rows.add(new Object[] {p.payeeName(), p.bankName(), p.accountNo(), p.amount(),
                p.amount().toChineseCapital(), p.memo(), p.payeeCode(), p.insuranceType()});
            total = total.plus(p.amount());
        }
        rows.add(new Object[] {"合计", null, null, total, total.toChineseCapital(), null, null, null});
        return rows;
    }
}

package org.medfund.notices.internal;

import java.util.Map;
import org.medfund.common.Money;
import org.medfund.prepayment.DisclosureLine;

/**
 * The Chinese words a notice prints for the states and kinds the capabilities store by name (prepayment's states
 * are enums with their own {@code label()}). Paper goes to a hospital
 * or a bank, so a stored code should never reach it; a state added later without a word here is printed as its code
 * rather than refusing to print the notice (NoticesTest checks that the notices carry no stored code).
 */
public final class Labels {

    private static final Map<String, String> BATCH_STATUS = Map.of("PREPARED", "已制单，待财务审核", "PAID", "已支付");
    private static final Map<String, String> BATCH_KIND = Map.of("REGULAR", "月度结算",
            "FALLBACK", "预拨（按上一周期实际结算金额）");
    private static final Map<String, String> RECONCILIATION_STATUS = Map.of("APPLIED", "已申请", "CHECKED", "已核对",
            "CONFIRMED", "已复核确认", "PAID", "已结算");
    /** clr_type as docs/claims-fields.md lists it; other codes are data and print as they are. */
    private static final Map<String, String> CLEARING_TYPE = Map.of("11", "门诊", "21", "住院", "41", "药店");

    public String batchStatus(String code) {
        return label(BATCH_STATUS, code);
    }

    public String batchKind(String code) {
        return label(BATCH_KIND, code);
    }

    public String reconciliationStatus(String code) {
        return label(RECONCILIATION_STATUS, code);
    }

    public String clearingType(String code) {
        return label(CLEARING_TYPE, code);
    }

    /** A disclosure line's state as the public reads it (a disbursed prepayment wholly recovered is 已收回). */
    public String disclosureStatus(DisclosureLine line) {
        return line.statusLabel();
    }

    /** 大写 of an amount, for the templates. */
    public String capital(Money amount) {
        return amount.toChineseCapital();
    }

    private static String label(Map<String, String> labels, String code) {
        return labels.getOrDefault(code, code);
    }
}

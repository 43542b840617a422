package org.medfund.notices.internal;

import java.util.Map;
import org.medfund.common.Money;
import org.medfund.prepayment.Prepayments;

/**
 * The Chinese words a notice prints for the states and kinds the capabilities store by name. Paper goes to a hospital
 * or a bank, so a stored code should never reach it; a state added later without a word here is printed as its code
 * rather than refusing to print the notice (NoticesTest checks that the notices carry no stored code).
 */
public final class Labels {

    private static final Map<String, String> BATCH_STATUS = Map.of("PREPARED", "已制单，待财务审核", "PAID", "已支付");
    private static final Map<String, String> BATCH_KIND = Map.of("REGULAR", "月度结算",
            "FALLBACK", "预拨（按上一周期实际结算金额）");
    private static final Map<String, String> RECONCILIATION_STATUS = Map.of("APPLIED", "已申请", "CHECKED", "已核对",
            "CONFIRMED", "已复核确认", "PAID", "已结算");
    private static final Map<String, String> PREPAYMENT_STATUS = Map.of("PREPARED", "待审核", "APPROVED", "已审核",
            "DISBURSED", "已拨付", "CLEARED", "已清算");
    private static final Map<String, String> RECOVERY_STATUS = Map.of("OPEN", "待收回", "RECOVERED", "已收回",
            "UNRECOVERABLE", "无法收回，已停止拨付", "WRITTEN_OFF", "已核销");
    private static final Map<String, String> RECOVERY_REASON = Map.of("NETTING", "年度重新核定后轧差收回",
            "CLEARING", "年度清算收回", "TRIGGER", "发生应收回预付金的情形");
    /** clr_type as docs/claims-fields.md lists it; other codes are data and print as they are. */
    private static final Map<String, String> CLEARING_TYPE = Map.of("11", "门诊", "21", "住院", "41", "药店");
    private static final Map<String, String> CLEARING_METHOD = Map.of("OFFSET", "冲抵结算费用", "RETURN", "交回支出户");

    public String batchStatus(String code) {
        return label(BATCH_STATUS, code);
    }

    public String batchKind(String code) {
        return label(BATCH_KIND, code);
    }

    public String reconciliationStatus(String code) {
        return label(RECONCILIATION_STATUS, code);
    }

    public String recoveryStatus(String code) {
        return label(RECOVERY_STATUS, code);
    }

    public String recoveryReason(String code) {
        return label(RECOVERY_REASON, code);
    }

    public String clearingType(String code) {
        return label(CLEARING_TYPE, code);
    }

    public String clearingMethod(String code) {
        return code == null ? "" : label(CLEARING_METHOD, code);
    }

    /**
     * A disclosure line's state as the public reads it: a disbursed prepayment whose whole amount came back is
     * 已收回, not 已拨付 (the register keeps DISBURSED until the year-end clearing closes it).
     */
    public String disclosureStatus(Prepayments.DisclosureLine line) {
        boolean allBack = line.disbursed().isPositive() && line.recovered().compareTo(line.disbursed()) >= 0;
        if (allBack && "DISBURSED".equals(line.status())) {
            return "已收回";
        }
        return label(PREPAYMENT_STATUS, line.status());
    }

    /** 大写 of an amount, for the templates. */
    public String capital(Money amount) {
        return amount.toChineseCapital();
    }

    private static String label(Map<String, String> labels, String code) {
        return labels.getOrDefault(code, code);
    }
}

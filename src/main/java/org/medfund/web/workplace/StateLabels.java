package org.medfund.web.workplace;

import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The Chinese label of each stored state and kind the dashboard, to-do list and statement show, in one place until
 * the capabilities' state enums carry their own {@code label()} (issue 13); templates call
 * {@code ${@states.reconciliation(r.status())}}. An unknown value is shown as 未知状态 rather than in English.
 */
@Component("states")
public class StateLabels {

    static final String UNKNOWN = "未知状态";

    private static final Map<String, String> RECONCILIATION = Map.of(
            "NOT_APPLIED", "未申请", "APPLIED", "已申请待核对", "CHECKED", "已核对待复核",
            "CONFIRMED", "已复核待结算", "PAID", "已结算");
    private static final Map<String, String> BATCH = Map.of("PREPARED", "已制单待审核", "PAID", "已支付");
    private static final Map<String, String> BATCH_KIND = Map.of("REGULAR", "月度结算", "FALLBACK", "预拨（上一周期实际结算金额）");
    private static final Map<String, String> PREPAYMENT = Map.of(
            "PREPARED", "已核定待审核", "APPROVED", "已审核待拨付", "DISBURSED", "已拨付", "CLEARING", "清算中",
            "CLEARED", "已清算", "RECOVERED", "已收回", "REFUSED", "不予拨付", "CLOSED", "无需拨付");
    private static final Map<String, String> RECOVERY = Map.of(
            "OPEN", "待收回", "RECOVERED", "已收回", "UNRECOVERABLE", "确认无法收回", "IN_COURT", "已申请法院强制执行",
            "LOSS_CONFIRMED", "损失已确认", "WRITTEN_OFF", "已核销");
    private static final Map<String, String> MOVEMENT = Map.of(
            "DISBURSED", "拨付", "RECOVERED_OFFSET", "结算冲抵收回", "RECOVERED_RETURN", "退回收回",
            "WRITTEN_OFF", "核销", "RETURNED_EXCESS", "退回多拨");

    public String reconciliation(String status) {
        return label(RECONCILIATION, status);
    }

    public String batch(String status) {
        return label(BATCH, status);
    }

    public String batchKind(String kind) {
        return label(BATCH_KIND, kind);
    }

    public String prepayment(String status) {
        return label(PREPAYMENT, status);
    }

    public String recovery(String status) {
        return label(RECOVERY, status);
    }

    public String movement(String kind) {
        return label(MOVEMENT, kind);
    }

    private static String label(Map<String, String> labels, String value) {
        if (value == null) {
            return "";
        }
        return labels.getOrDefault(value, UNKNOWN);
    }
}

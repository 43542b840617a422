package org.medfund.web.settlement;

import org.medfund.notices.XlsxExport;
import org.medfund.web.DueDateLabels;
import org.medfund.web.Names;
import org.medfund.web.MedfundUser;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.medfund.claims.SettlementFields;
import org.medfund.claims.SettlementRecord;
import org.medfund.claims.SettlementSubmissions;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.settlement.ReconciliationView;
import org.medfund.settlement.Reconciliations;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * xlsx exports of the hospital's own view (issue 5): its submissions of an accounting month (the stored records
 * under the national field names, so the columns read like the file it sent), a reconciliation's differences down
 * to the {@code setl_id} (3202 stmt_rslt), and the reconciliation list (for an agency: across its hospitals). All
 * are scoped by the capabilities: a hospital sees its own, an agency the hospitals in its scope; anything else is
 * 403 (or, for the list, absent). Each has a session twin under {@code /settlements/…} for the staff pages, since
 * {@code /api/**} honours bearer tokens only.
 */
@RestController
class SettlementExports {

    static final List<String> SUBMISSION_EXTRA_COLUMNS = List.of("period", "reversed_by");
    static final List<String> DIFFERENCE_HEADER = List.of("结算ID", "对账结果代码", "对账结果", "医院医疗费总额",
            "医院基金支付", "医院个人账户", "经办医疗费总额", "经办基金支付", "经办个人账户");

    private final SettlementSubmissions submissions;
    private final Reconciliations reconciliations;
    private final DueDateLabels dueDates;
    private final Names names;

    SettlementExports(SettlementSubmissions submissions, Reconciliations reconciliations, DueDateLabels dueDates,
                      Names names) {
        this.names = names;
        this.submissions = submissions;
        this.reconciliations = reconciliations;
        this.dueDates = dueDates;
    }

    /** A hospital's records of an accounting month; {@code hospital} defaults to the caller's own organisation. */
    @GetMapping({"/api/settlements.xlsx", "/settlements/export.xlsx"})
    ResponseEntity<byte[]> submissions(@AuthenticationPrincipal MedfundUser user,
                                       @RequestParam(required = false) String hospital,
                                       @RequestParam YearMonth period) {
        String code = hospital != null && !hospital.isBlank() ? hospital.strip() : user.actor().orgCode();
        if (code == null) {
            throw new Rejection("claims.hospital-required", "hospital", "请指定定点医药机构");
        }
        List<String> header = new ArrayList<>(SettlementFields.ALL);
        header.addAll(SUBMISSION_EXTRA_COLUMNS);
        return XlsxExport.streamed(code + "-" + period + "-结算记录.xlsx", "结算记录", header,
                sink -> submissions.forEach(user.actor(), code, period, s -> sink.accept(row(s))));
    }

    private static List<Object> row(SettlementSubmissions.Submitted s) {
        SettlementRecord r = s.record();
        List<Object> values = new ArrayList<>(SettlementFields.ALL.size() + 2);
        SettlementFields.text(r).forEach((field, text) -> values.add(SettlementFields.AMOUNTS.contains(field)
                ? new BigDecimal(text) : text));
        values.add(s.period().toString());
        values.add(s.reversedBy() == null ? "" : s.reversedBy());
        return values;
    }

    /** The differences of one reconciliation, down to the setl_id. */
    @GetMapping({"/api/reconciliations/{id}/differences.xlsx",
        "/settlements/reconciliations/{id}/differences.xlsx"})
    ResponseEntity<byte[]> differences(@AuthenticationPrincipal MedfundUser user, @PathVariable long id) {
        ReconciliationView r = reconciliations.view(user.actor(), id);
        List<ReconciliationView.Difference> differences = reconciliations.differences(user.actor(), id);
        return XlsxExport.streamed(r.hospitalCode() + "-" + r.period() + "-对账差异.xlsx", "对账差异",
                DIFFERENCE_HEADER, sink -> differences.forEach(d -> sink.accept(Arrays.asList(d.setlId(),
                        d.stmtRslt(), resultLabel(d.stmtRslt()), yuan(d.hospitalMedfee()), yuan(d.hospitalFund()),
                        yuan(d.hospitalAccount()), yuan(d.agencyMedfee()), yuan(d.agencyFund()),
                        yuan(d.agencyAccount())))));
    }

    static final List<String> RECONCILIATION_HEADER = List.of("定点医药机构编码", "机构名称", "费用月份",
            "结算周期", "申请日", "截止日", "逾期", "状态", "对账结果代码", "对账结果", "对账专人", "核对人", "复核人",
            "差异笔数");

    /**
     * The reconciliations the caller sees (a hospital its own, an agency those of the hospitals it settles) of one
     * month, or of all months: the agency's view across hospitals as a sheet.
     */
    @GetMapping({"/api/reconciliations.xlsx", "/settlements/reconciliations.xlsx"})
    ResponseEntity<byte[]> reconciliationList(@AuthenticationPrincipal MedfundUser user,
                                              @RequestParam(required = false) YearMonth period) {
        List<ReconciliationView> list = reconciliations.list(user.actor(), period);
        return XlsxExport.streamed((period == null ? "全部" : period.toString()) + "-对账.xlsx", "对账",
                RECONCILIATION_HEADER, sink -> list.forEach(r -> sink.accept(Arrays.asList(
                        r.hospitalCode(), r.hospitalName(), r.period().toString(), r.cycle().toString(),
                        String.valueOf(r.appliedOn()), dueDates.label(r.dueDate()), r.late() ? "逾期，顺延至下月结算" : "",
                        r.status().label(), r.stmtRslt(), r.matched() ? "相符" : "不符",
                        names.user(r.clerkUser()), names.user(r.checkedBy()), names.user(r.confirmedBy()),
                        r.differenceCount()))));
    }

    /** 3202 stmt_rslt: 1 only on the agency side, 2 only on the hospital side, 3 amounts differ. */
    static String resultLabel(String stmtRslt) {
        switch (stmtRslt) {
            case "1":
                return "仅经办方有";
            case "2":
                return "仅医院方有";
            case "3":
                return "金额不符";
            default:
                return "相符";
        }
    }

    /** A side that does not have the record leaves its cells empty. */
    private static Object yuan(Money amount) {
        return amount == null ? null : amount.toYuan();
    }
}

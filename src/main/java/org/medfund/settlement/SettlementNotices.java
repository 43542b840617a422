package org.medfund.settlement;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.notices.Notice;
import org.medfund.notices.NoticePrinter;
import org.medfund.notices.Party;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.Registry;
import org.springframework.stereotype.Service;

/**
 * Settlement's printable notices: the 结算及拨付通知书 of a hospital and cycle (henan-2023 三(一), 四(二)) and the
 * summary sheet of a batch's bank file. Each is gathered through the settlement facades with the caller as actor, so
 * it is scoped exactly like the page it is printed from (a hospital gets only its own); the print date comes from the
 * injected clock, everything else from stored records, and states print as their enums' labels.
 */
@Service
public class SettlementNotices {

    /** clr_type as docs/claims-fields.md lists it; other codes are data and print as they are. */
    private static final Map<String, String> CLEARING_TYPE = Map.of("11", "门诊", "21", "住院", "41", "药店");

    /** clr_type in words (11 门诊, 21 住院, 41 药店); another code is data and shows as it is. */
    public static String clearingType(String code) {
        return CLEARING_TYPE.getOrDefault(code, code);
    }

    private final MonthlySettlements settlements;
    private final Reconciliations reconciliations;
    private final Registry registry;
    private final NoticePrinter printer;
    private final Clock clock;

    SettlementNotices(MonthlySettlements settlements, Reconciliations reconciliations, Registry registry,
                      NoticePrinter printer, Clock clock) {
        this.settlements = settlements;
        this.reconciliations = reconciliations;
        this.registry = registry;
        this.printer = printer;
        this.clock = clock;
    }

    /** 结算及拨付通知书 of one hospital for one settlement cycle. */
    public SettlementNotice settlementNotice(Actor actor, String hospitalCode, YearMonth cycle) {
        if (hospitalCode == null || hospitalCode.isBlank()) {
            throw new Rejection("notices.field-missing", "hospital", "缺少必填项：医疗机构编码");
        }
        if (cycle == null) {
            throw new Rejection("notices.field-missing", "period", "缺少必填项：结算月份");
        }
        Org hospital = registry.requireOrg(hospitalCode, "hospital");
        if (!hospital.isHospital()) {
            throw new Rejection("notices.not-a-hospital", "hospital", hospitalCode + " 不是定点医药机构");
        }
        if (!registry.canSeeOrg(actor, hospitalCode)) {
            throw Rejection.forbidden("notices.out-of-scope", "hospital", "无权查看 " + hospital.name() + " 的结算通知");
        }
        List<SettlementNotice.Reconciled> reconciled = new ArrayList<>();
        Party agency = null;
        for (ReconciliationView r : reconciliations.list(actor, null)) {
            if (r.hospitalCode().equals(hospitalCode) && cycle.equals(r.cycle())) {
                agency = party(r.agencyCode());
                for (ReconciliationView.Group g : r.groups()) {
                    reconciled.add(new SettlementNotice.Reconciled(r.period(), r.appliedOn(), fundName(g.insutype()),
                            clearingType(g.clrType()), g.hospitalFund(), g.agencyFund(),
                            g.matched(), r.status().label()));
                }
            }
        }
        List<SettlementNotice.Payment> payments = new ArrayList<>();
        for (PaymentBatch b : settlements.batches(actor)) {
            if (!b.cycle().equals(cycle)) {
                continue;
            }
            for (PaymentBatch.Line l : b.lines()) {
                if (l.hospitalCode().equals(hospitalCode)) {
                    agency = party(b.agencyCode());
                    payments.add(payment(b, l));
                }
            }
        }
        if (reconciled.isEmpty() && payments.isEmpty()) {
            throw Rejection.notFound("notices.nothing-to-notify", "period",
                    hospital.name() + " 在 " + cycle + " 没有对账或结算拨付记录");
        }
        return new SettlementNotice("JS-" + cycle + "-" + hospitalCode, new Party(hospital.code(), hospital.name()),
                agency, cycle, reconciled, payments, LocalDate.now(clock));
    }

    public Notice settlementNoticePdf(Actor actor, String hospitalCode, YearMonth cycle) {
        return printer.print("settlement-notice", Map.of("n", settlementNotice(actor, hospitalCode, cycle)),
                "settlement-notice-" + hospitalCode + "-" + cycle + ".pdf");
    }

    /** The summary sheet of a payment batch's bank file: the rows the file pays (payable lines) and their total. */
    public BankFileSummary bankFileSummary(Actor actor, long batchId) {
        PaymentBatch batch = settlements.batch(actor, batchId);
        return new BankFileSummary("YH-" + batch.id(), party(batch.agencyCode()), batch,
                batch.lines().stream().filter(PaymentBatch.Line::payable).toList(), LocalDate.now(clock));
    }

    public Notice bankFileSummaryPdf(Actor actor, long batchId) {
        return printer.print("bank-file-summary", Map.of("n", bankFileSummary(actor, batchId), "funds", fundNames()),
                "bank-file-summary-" + batchId + ".pdf");
    }

    private SettlementNotice.Payment payment(PaymentBatch b, PaymentBatch.Line l) {
        String note = l.held() ? "暂停拨付：" + l.holdReason()
                : l.holdStatus() == HoldStatus.RELEASED ? l.releasedOn() + " 解除暂停后拨付" : "";
        return new SettlementNotice.Payment(b.id(), b.kind().label(), b.status().label(),
                b.paidOn(), fundName(l.insutype()),
                new SettlementNotice.Amounts(l.gross(), l.advance(), l.carriedIn(), l.offsets(), l.carriedOut()),
                l.held() ? l.net() : Money.ZERO,
                l.held() ? Money.ZERO : l.net(), l.memo(), note);
    }

    private Party party(String orgCode) {
        return new Party(orgCode, registry.org(orgCode).map(Org::name).orElse(orgCode));
    }

    private String fundName(String insuranceType) {
        return registry.insuranceType(insuranceType).map(t -> t.name()).orElse(insuranceType);
    }

    private Map<String, String> fundNames() {
        Map<String, String> names = new HashMap<>();
        registry.insuranceTypes().forEach(t -> names.put(t.code(), t.name()));
        return names;
    }
}

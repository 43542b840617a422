package org.medfund.notices;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.notices.internal.Labels;
import org.medfund.notices.internal.PdfRenderer;
import org.medfund.policy.PolicyPack;
import org.medfund.policy.PolicyPacks;
import org.medfund.prepayment.Prepayment;
import org.medfund.prepayment.Prepayments;
import org.medfund.prepayment.Recoveries;
import org.medfund.prepayment.Recovery;
import org.medfund.registry.Account;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.Registry;
import org.medfund.settlement.MonthlySettlements;
import org.medfund.settlement.PaymentBatch;
import org.medfund.settlement.ReconciliationView;
import org.medfund.settlement.Reconciliations;
import org.springframework.stereotype.Service;

/**
 * The printable notices. Each is gathered through the owning capability's facade with the caller as actor, so it is
 * scoped exactly like the page it is printed from (a hospital gets only its own); the print date comes from the
 * injected clock, everything else from stored records.
 */
@Service
public class Notices {

    /** The pack whose articles the prepayment recovery and disclosure notices cite (xinyang-2025). */
    static final String XINYANG = "xinyang-2025";

    private final MonthlySettlements settlements;
    private final Reconciliations reconciliations;
    private final Prepayments prepayments;
    private final Recoveries recoveries;
    private final Registry registry;
    private final PolicyPacks policy;
    private final PdfRenderer renderer;
    private final Clock clock;
    private final Labels labels = new Labels();

    Notices(MonthlySettlements settlements, Reconciliations reconciliations, Prepayments prepayments,
            Recoveries recoveries, Registry registry, PolicyPacks policy, PdfRenderer renderer, Clock clock) {
        this.settlements = settlements;
        this.reconciliations = reconciliations;
        this.prepayments = prepayments;
        this.recoveries = recoveries;
        this.registry = registry;
        this.policy = policy;
        this.renderer = renderer;
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
                            labels.clearingType(g.clrType()), g.hospitalFund(), g.agencyFund(),
                            "0".equals(g.stmtRslt()),
                            labels.reconciliationStatus(r.status())));
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
        SettlementNotice notice = settlementNotice(actor, hospitalCode, cycle);
        return new Notice("settlement-notice-" + hospitalCode + "-" + cycle + ".pdf",
                renderer.pdf("settlement-notice", Map.of("n", notice, "labels", labels)));
    }

    /** 预付金收回通知书 of one recovery, reached through the prepayment it belongs to (scoped like that page). */
    public RecoveryNotice recoveryNotice(Actor actor, String prepaymentId, String recoveryId) {
        Prepayment row = prepayments.prepayment(prepaymentId, actor);
        Recovery recovery = recoveries.recoveries(row.hospitalCode(), actor).stream()
                .filter(r -> r.id().equals(recoveryId)).findFirst()
                .orElseThrow(() -> Rejection.notFound("notices.recovery-not-found", "recoveryId",
                        "收回事项 " + recoveryId + " 不存在"));
        Account expenditure = registry.accounts(recovery.payerOrgCode()).stream()
                .filter(a -> a.kind().equals("EXPENDITURE"))
                .filter(a -> a.insuranceType() == null || a.insuranceType().equals(recovery.insuranceType()))
                .findFirst().orElse(null);
        return new RecoveryNotice("SH-" + recovery.id(), party(recovery.hospitalCode()),
                party(recovery.payerOrgCode()), fundName(recovery.insuranceType()), recovery,
                basis(row.packId(), recovery), expenditure, LocalDate.now(clock));
    }

    public Notice recoveryNoticePdf(Actor actor, String prepaymentId, String recoveryId) {
        RecoveryNotice notice = recoveryNotice(actor, prepaymentId, recoveryId);
        return new Notice("recovery-notice-" + recoveryId + ".pdf",
                renderer.pdf("recovery-notice", Map.of("n", notice, "labels", labels)));
    }

    /** The art. 19 disclosure of a year, the lines the actor may see (the same as the disclosure page). */
    public DisclosureNotice disclosure(Actor actor, int year) {
        return new DisclosureNotice(year, party(actor.orgCode()), document(XINYANG) + " 第十九条",
                prepayments.disclosure(year, actor), LocalDate.now(clock));
    }

    public Notice disclosurePdf(Actor actor, int year) {
        return new Notice("prepayment-disclosure-" + year + ".pdf",
                renderer.pdf("disclosure", Map.of("n", disclosure(actor, year), "labels", labels, "funds",
                        fundNames())));
    }

    /** The summary sheet of a payment batch's bank file: the rows the file pays (payable lines) and their total. */
    public BankFileSummary bankFileSummary(Actor actor, long batchId) {
        PaymentBatch batch = settlements.batch(actor, batchId);
        return new BankFileSummary("YH-" + batch.id(), party(batch.agencyCode()), batch,
                batch.lines().stream().filter(PaymentBatch.Line::payable).toList(), LocalDate.now(clock));
    }

    public Notice bankFileSummaryPdf(Actor actor, long batchId) {
        return new Notice("bank-file-summary-" + batchId + ".pdf",
                renderer.pdf("bank-file-summary", Map.of("n", bankFileSummary(actor, batchId), "labels", labels,
                        "funds", fundNames())));
    }

    private SettlementNotice.Payment payment(PaymentBatch b, PaymentBatch.Line l) {
        String note = l.held() ? "暂停拨付：" + l.holdReason()
                : "RELEASED".equals(l.holdStatus()) ? l.releasedOn() + " 解除暂停后拨付" : "";
        return new SettlementNotice.Payment(b.id(), labels.batchKind(b.kind()), labels.batchStatus(b.status()),
                b.paidOn(), fundName(l.insutype()),
                new SettlementNotice.Amounts(l.gross(), l.advance(), l.carriedIn(), l.offsets(), l.carriedOut()),
                l.held() ? l.net() : Money.ZERO,
                l.held() ? Money.ZERO : l.net(), l.memo(), note);
    }

    private String basis(String packId, Recovery recovery) {
        String document = document(packId);
        return switch (recovery.reason()) {
            case TRIGGER -> document + " 第十条（" + item(recovery.trigger().article()) + "）："
                    + recovery.trigger().text();
            case CLEARING -> document + " 第六条（五）：年度清算，结算费用不能全额冲抵的全额交回";
            case SCOPE_EXIT -> document + " 二（二）：服务协议终止，退出预拨范围，收回预付金";
            case NETTING -> document + " 二（二）：年度重新核定，按上年预拨金额轧差";
        };
    }

    /** "七" from "xinyang-2025 art. 10(七)". */
    private static String item(String article) {
        int open = article.lastIndexOf('(');
        return article.substring(open + 1, article.length() - 1);
    }

    /** The document number of a pack (信医保办〔2025〕7号), as a clerk cites the document. */
    private String document(String packId) {
        return policy.pack(packId).map(PolicyPack::documentNo).orElse(packId);
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

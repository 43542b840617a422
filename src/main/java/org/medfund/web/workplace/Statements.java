package org.medfund.web.workplace;

import java.time.LocalDate;
import org.medfund.settlement.BatchStatus;
import org.medfund.settlement.BatchKind;
import org.medfund.prepayment.MovementKind;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.ledger.Ledger;
import org.medfund.prepayment.Prepayments;
import org.medfund.registry.Actor;
import org.medfund.registry.InsuranceType;
import org.medfund.registry.Org;
import org.medfund.registry.Registry;
import org.medfund.settlement.MonthlySettlements;
import org.medfund.settlement.PaymentBatch;
import org.medfund.settlement.ReconciliationView;
import org.medfund.settlement.Reconciliations;
import org.springframework.stereotype.Component;

/**
 * 对账单: one hospital's month in one place — its reconciliation, what the batches of that cycle owed it (应付), what
 * was paid in advance (预拨, henan-2023 三(一)) or carried in, what prepayment recoveries offset (冲抵, xinyang-2025
 * art. 6(五), art. 10), what is held (暂停拨付, xinyang-2025 art. 11) and what was paid; beside it the prepayment
 * moved in the month and the balance the hospital holds at the month's end (暂付款—医保预付金 in the payer's book).
 * A hospital sees only its own; an agency the hospitals in its scope.
 */
@Component
public class Statements {

    private final Reconciliations reconciliations;
    private final MonthlySettlements settlements;
    private final Prepayments prepayments;
    private final Ledger ledger;
    private final Registry registry;

    Statements(Reconciliations reconciliations, MonthlySettlements settlements, Prepayments prepayments,
               Ledger ledger, Registry registry) {
        this.reconciliations = reconciliations;
        this.settlements = settlements;
        this.prepayments = prepayments;
        this.ledger = ledger;
        this.registry = registry;
    }

    /**
     * One payment line of the statement.
     *
     * @param prepaid fallback advance of the cycle and excess carried in from an earlier true-up, both deducted
     * @param held what is due but not paid while the hospital's payments are stopped
     * @param paid what reached the hospital's account (zero while the batch is not paid or the line is held)
     */
    public record Line(long batchId, BatchKind batchKind, BatchStatus batchStatus, String insuranceType,
                       String insuranceName, Money owed, Money prepaid, Money offset, Money held, Money paid,
                       Money carriedOut, LocalDate paidOn, String derivation) {
    }

    /** The month's figures summed over the lines. */
    public record Totals(Money owed, Money prepaid, Money offset, Money held, Money paid, Money carriedOut) {
    }

    /** A prepayment movement of the month (拨付, 冲抵收回, 退回收回, 核销). */
    public record PrepaymentMove(LocalDate date, MovementKind kind, String insuranceType, String prepaymentId,
                                 Money amount) {
    }

    /** The prepayment of one fund the hospital holds at the end of the month, in the payer's book. */
    public record PrepaymentBalance(String payerName, String insuranceType, String insuranceName, Money amount) {
    }

    public record Statement(String hospitalCode, String hospitalName, YearMonth period,
                            Optional<ReconciliationView> reconciliation, List<Line> lines, Totals totals,
                            List<PrepaymentMove> prepaymentMoves, List<PrepaymentBalance> prepaymentBalances) {
    }

    /** The hospitals a user may ask a statement for: itself, or those its scope's agencies settle. */
    public List<Org> hospitals(Actor actor, WorkplaceScope scope) {
        Org org = registry.requireOrg(actor.orgCode(), "org");
        if (org.isHospital()) {
            return List.of(org);
        }
        Set<Org> hospitals = new LinkedHashSet<>();
        for (Org agency : scope.agencies()) {
            reconciliations.hospitalsSettledBy(agency).stream()
                    .filter(h -> registry.canSeeOrg(actor, h.code())).forEach(hospitals::add);
        }
        return List.copyOf(hospitals);
    }

    public Statement of(Actor actor, String hospitalCode, YearMonth period) {
        Org hospital = registry.org(hospitalCode).filter(Org::isHospital).orElseThrow(() -> new Rejection(
                "statement.not-a-hospital", "hospital", "不是定点医药机构：" + hospitalCode));
        if (!registry.canSeeOrg(actor, hospital.code())) {
            throw Rejection.forbidden("statement.out-of-scope", "hospital", "无权查看该医疗机构的对账单");
        }
        Optional<ReconciliationView> reconciliation = reconciliations.inScope(actor, period).stream()
                .filter(r -> r.hospitalCode().equals(hospital.code())).findFirst();
        List<Line> lines = new ArrayList<>();
        for (PaymentBatch b : settlements.batchesOfHospital(actor, hospital.code(), period)) {
            for (PaymentBatch.Line l : b.lines()) {
                boolean paid = b.paidOn() != null && !l.held();
                lines.add(new Line(b.id(), b.kind(), b.status(), l.insutype(), insurance(l.insutype()), l.gross(),
                        l.advance().plus(l.carriedIn()), l.offsets(), l.held() ? l.net() : Money.ZERO,
                        paid ? l.net() : Money.ZERO, l.carriedOut(),
                        paid ? (l.releasedOn() != null ? l.releasedOn() : b.paidOn()) : null, l.derivation()));
            }
        }
        Totals totals = new Totals(sum(lines, Line::owed), sum(lines, Line::prepaid), sum(lines, Line::offset),
                sum(lines, Line::held), sum(lines, Line::paid), sum(lines, Line::carriedOut));
        List<org.medfund.prepayment.Movement> movements = prepayments.movements(hospital.code(), actor);
        List<PrepaymentMove> moves = movements.stream().filter(m -> YearMonth.from(m.date()).equals(period))
                .map(m -> new PrepaymentMove(m.date(), m.kind(), m.insuranceType(), m.prepaymentId(), m.amount()))
                .toList();
        List<PrepaymentBalance> balances = new ArrayList<>();
        movements.stream().map(m -> new PayerFund(m.payerOrgCode(), m.insuranceType())).distinct().forEach(pf -> {
            Money held = ledger.balance(pf.payerOrgCode(), Prepayments.RECEIVABLE_ACCOUNT, hospital.code(),
                    pf.insuranceType(), period.atEndOfMonth());
            balances.add(new PrepaymentBalance(registry.org(pf.payerOrgCode()).map(Org::name)
                    .orElse(pf.payerOrgCode()), pf.insuranceType(), insurance(pf.insuranceType()), held));
        });
        return new Statement(hospital.code(), hospital.name(), period, reconciliation, lines, totals, moves,
                balances);
    }

    /** A paying agency and fund: one balance of 暂付款—医保预付金. */
    private record PayerFund(String payerOrgCode, String insuranceType) {
    }

    private String insurance(String code) {
        return registry.insuranceType(code).map(InsuranceType::name).orElse(code);
    }

    private static Money sum(List<Line> lines, java.util.function.Function<Line, Money> amount) {
        return lines.stream().map(amount).reduce(Money.ZERO, Money::plus);
    }
}

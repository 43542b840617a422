package org.medfund.prepayment.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.ledger.BusinessDates;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.prepayment.PlanMove;
import org.medfund.prepayment.PlanPaymentState;
import org.medfund.prepayment.RegionPlan;
import org.medfund.prepayment.RegionPlanPayments;
import org.medfund.prepayment.RegionPlans;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link RegionPlanPayments}: an issued region plan's netted amount (henan-2023 二(二)) moves once through the
 * posting rules {@code prepayment.region-plan.paid} (province finance's special account → the region agency's
 * expenditure account, the 三(三) path of cross-region money) and {@code prepayment.region-plan.recovered} (back),
 * each a transfer in transit until the payee confirms it (四(三): 预付款项 at province finance, 暂收款项 at the region).
 * A plan of a year whose region had a plan the year before moves only once that plan's money moved, so the netting
 * base is money that was really paid.
 */
@Service
class RegionPlanPaymentService implements RegionPlanPayments {

    static final String PAID = "prepayment.region-plan.paid";
    static final String RECOVERED = "prepayment.region-plan.recovered";

    private final RegionPlans plans;
    private final RegionPlanPaymentStore store;
    private final Registry registry;
    private final BusinessDates dates;
    private final Ledger ledger;

    RegionPlanPaymentService(RegionPlans plans, RegionPlanPaymentStore store, Registry registry,
                             BusinessDates dates, Ledger ledger) {
        this.plans = plans;
        this.store = store;
        this.registry = registry;
        this.dates = dates;
        this.ledger = ledger;
    }

    @Override
    @Transactional
    public PlanPayment pay(String planId, LocalDate date, Actor actor) {
        RegionPlan plan = plan(planId, actor);
        PlanMove move = move(plan);
        Org provinceFinance = provinceFinance(plan);
        Org regionAgency = move == PlanMove.NONE ? null : regionAgency(plan);
        Org payer = move == PlanMove.RECOVERY ? regionAgency : provinceFinance;
        requireActor(actor, payer, move == PlanMove.RECOVERY ? Role.CLERK : Role.FINANCE,
                move == PlanMove.RECOVERY ? "预拨计划低于上年，差额由统筹区经办机构退回省财政厅"
                        : "省内异地就医预拨资金由省财政厅拨付");
        Optional<RegionPlanPaymentStore.Row> done = store.row(plan.id());
        if (done.isPresent()) {
            return payment(plan, done);
        }
        LocalDate on = dates.check(date, "date").inBook(payer.code()).notBefore(plan.generatedOn(), "计划生成日期")
                .value();
        requirePreviousMoved(plan);
        Money amount = plan.difference().abs();
        if (move == PlanMove.NONE) {
            store.insert(plan.id(), plan.year(), plan.provinceCode(), plan.regionCode(), plan.insuranceType(), move,
                    Money.ZERO, null, PlanPaymentState.NOTHING_DUE, actor.userId(), on);
            return payment(plan, store.row(plan.id()));
        }
        String transferId = "rp-" + move.name().toLowerCase() + "-" + plan.id();
        String fund = registry.insuranceType(plan.insuranceType()).map(t -> t.name()).orElse(plan.insuranceType());
        ledger.post(new BusinessEvent(move == PlanMove.TOP_UP ? PAID : RECOVERED, transferId, on,
                YearMonth.of(plan.year(), 1), amount, Map.of("province-finance", provinceFinance.code(),
                "region-agency", regionAgency.code()), plan.insuranceType(), "prepayment_region_plan", plan.id(),
                plan.packId(), plan.packId() + " 二(二)", "所属期间 " + plan.year() + " 年；险种 " + fund + "；"
                + plan.year() + " 年省内异地就医统筹基金预拨" + (move == PlanMove.TOP_UP ? "（轧差补拨）" : "（轧差收回）")));
        store.insert(plan.id(), plan.year(), plan.provinceCode(), plan.regionCode(), plan.insuranceType(), move,
                amount, transferId, PlanPaymentState.SENT, actor.userId(), on);
        return payment(plan, store.row(plan.id()));
    }

    @Override
    @Transactional
    public PlanPayment confirmReceipt(String planId, LocalDate date, Actor actor) {
        RegionPlan plan = plan(planId, actor);
        RegionPlanPaymentStore.Row row = store.row(plan.id()).filter(r -> r.transferId() != null).orElseThrow(() ->
                Rejection.conflict("prepayment.plan-not-paid", "planId", "预拨计划 " + plan.id() + " 尚未划拨资金"));
        Org payee = row.move() == PlanMove.TOP_UP ? regionAgency(plan) : provinceFinance(plan);
        requireActor(actor, payee, row.move() == PlanMove.TOP_UP ? Role.CLERK : Role.FINANCE,
                "到账由收款方确认：补拨由统筹区经办机构确认，收回由省财政厅确认");
        if (row.state() == PlanPaymentState.RECEIVED) {
            return payment(plan, Optional.of(row));
        }
        LocalDate on = dates.check(date, "date").inBook(payee.code()).notBefore(row.sentOn(), "划拨日期").value();
        ledger.confirmReceipt(row.transferId(), on, row.transferId() + "-receipt");
        store.received(plan.id(), actor.userId(), on);
        return payment(plan, store.row(plan.id()));
    }

    @Override
    public List<PlanPayment> payments(int year, Actor actor) {
        return plans.plans(year, actor).stream().map(p -> payment(p, store.row(p.id()))).toList();
    }

    private RegionPlan plan(String planId, Actor actor) {
        Rejection unknown = Rejection.notFound("prepayment.plan-not-found", "planId", "预拨计划不存在：" + planId);
        if (planId == null || planId.isBlank()) {
            throw unknown;
        }
        int year = store.planYear(planId.strip()).orElseThrow(() -> unknown);
        return plans.plans(year, actor).stream().filter(p -> p.id().equals(planId.strip())).findFirst()
                .orElseThrow(() -> unknown);
    }

    private static PlanMove move(RegionPlan plan) {
        Money difference = plan.difference();
        return difference.isPositive() ? PlanMove.TOP_UP : difference.isNegative() ? PlanMove.RECOVERY : PlanMove.NONE;
    }

    /** The netting base must be money that moved: last year's plan of the region and fund, if any, moved first. */
    private void requirePreviousMoved(RegionPlan plan) {
        Optional<String> previous = store.planId(plan.year() - 1, plan.regionCode(), plan.insuranceType());
        if (previous.isPresent() && store.row(previous.get()).isEmpty()) {
            throw Rejection.conflict("prepayment.previous-plan-unpaid", "planId", plan.year() - 1
                    + " 年预拨计划 " + previous.get() + " 尚未划拨，本年计划轧差的基数不是已拨付的资金");
        }
    }

    /** The netting as a derivation: this year's plan − last year's plan, the sign saying which way the money goes. */
    private static Derivation derivation(RegionPlan plan) {
        Money difference = plan.difference();
        return new Derivation("本年预拨计划 − 上年预拨计划（轧差；正数由省财政厅补拨，负数由统筹区退回）", List.of(
                Derivation.Input.money(plan.year() + " 年预拨计划", plan.sized()),
                Derivation.Input.money(plan.year() - 1 + " 年预拨计划", plan.previous()),
                Derivation.Input.money("轧差", difference)), plan.derivation().citation(), difference.abs());
    }

    private static PlanPayment payment(RegionPlan plan, Optional<RegionPlanPaymentStore.Row> row) {
        return new PlanPayment(plan.id(), plan.year(), plan.regionCode(), plan.regionName(), plan.insuranceType(),
                move(plan), plan.difference().abs(), derivation(plan),
                row.map(RegionPlanPaymentStore.Row::state).orElse(PlanPaymentState.PENDING),
                row.map(RegionPlanPaymentStore.Row::transferId).orElse(null),
                row.map(RegionPlanPaymentStore.Row::sentOn).orElse(null),
                row.map(RegionPlanPaymentStore.Row::receivedOn).orElse(null));
    }

    private Org provinceFinance(RegionPlan plan) {
        return registry.financeOf(plan.provinceCode()).orElseThrow(() -> Rejection.conflict(
                "prepayment.no-finance", "planId", "省份 " + plan.provinceCode() + " 没有登记财政部门"));
    }

    private Org regionAgency(RegionPlan plan) {
        return registry.agencyOf(plan.regionCode()).filter(o -> o.regionCode().equals(plan.regionCode()))
                .orElseThrow(() -> Rejection.conflict("prepayment.no-region-agency", "planId", "统筹区 "
                        + plan.regionName() + " 没有登记医保经办机构，无法划拨"));
    }

    private static void requireActor(Actor actor, Org party, Role role, String message) {
        if (!actor.orgCode().equals(party.code()) || !actor.has(role)) {
            throw Rejection.forbidden("prepayment.plan-payer-only", "org", message);
        }
    }
}

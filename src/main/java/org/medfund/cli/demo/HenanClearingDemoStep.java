package org.medfund.cli.demo;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.medfund.common.Money;
import org.medfund.crossregion.ClearingOutcome;
import org.medfund.crossregion.CrossRegionAnnualClearing;
import org.medfund.crossregion.CrossRegionAnnualClearing.AnnualClearing;
import org.medfund.crossregion.CrossRegionAnnualClearing.ClearedCost;
import org.medfund.crossregion.CrossRegionFunding;
import org.medfund.crossregion.CrossRegionFunding.RemittanceLine;
import org.medfund.crossregion.CrossRegionFunding.RemittanceNotice;
import org.medfund.crossregion.CrossRegionFunding.Reserve;
import org.medfund.crossregion.CrossRegionFunding.ReserveShare;
import org.medfund.crossregion.RemittanceState;
import org.medfund.prepayment.PlanMove;
import org.medfund.prepayment.PlanPaymentState;
import org.medfund.prepayment.RegionPlanPayments;
import org.medfund.prepayment.RegionPlanPayments.PlanPayment;
import org.medfund.registry.Actor;
import org.medfund.registry.Registry;
import org.springframework.stereotype.Component;

/**
 * Demo step 755 (after the region plans of step 600 and the 2026 funding of step 720): the money of the in-province
 * region plans of 2024 and 2025 moves (henan-2023 二(二): province finance pays each registered region's netting and
 * the region confirms it, a reduction is returned), and the 2026 funding is cleared in March 2027 (三(四)): 平顶山's
 * residents leave a surplus that offsets the 2027 reserve, 信阳's residents a shortfall for the next allocation, and
 * the employee remittances one surplus and one exact balance (demo figures). Idempotent: each payment and the
 * clearing happen once.
 */
@Component
class HenanClearingDemoStep implements DemoStep {

    static final int YEAR = CrossregionFundingDemoStep.YEAR;
    static final LocalDate CLEARED_ON = LocalDate.of(YEAR + 1, 3, 26);

    private final RegionPlanPayments payments;
    private final CrossRegionFunding funding;
    private final CrossRegionAnnualClearing clearing;
    private final Registry registry;

    HenanClearingDemoStep(RegionPlanPayments payments, CrossRegionFunding funding, CrossRegionAnnualClearing clearing,
                          Registry registry) {
        this.payments = payments;
        this.funding = funding;
        this.clearing = clearing;
        this.registry = registry;
    }

    @Override
    public int order() {
        return 755;
    }

    @Override
    public String title() {
        return "河南省内异地就医预拨计划资金划拨（henan-2023 二(二)）与异地就医资金年度清算（三(四)）";
    }

    @Override
    public void run(PrintWriter out) {
        Actor provinceFinance = Actor.system("410000-FINANCE");
        for (int year : new int[] {2024, 2025}) {
            for (PlanPayment p : payments.payments(year, provinceFinance)) {
                var agency = registry.agencyOf(p.regionCode()).filter(o -> o.regionCode().equals(p.regionCode()));
                if (agency.isEmpty()) {
                    continue; // a region the registry does not hold has no account to pay into
                }
                Actor region = Actor.system(agency.get().code());
                PlanPayment done = p.state() == PlanPaymentState.PENDING
                        ? payments.pay(p.planId(), LocalDate.of(year, 1, 12),
                                p.move() == PlanMove.RECOVERY ? region : provinceFinance) : p;
                if (done.state() == PlanPaymentState.SENT) {
                    done = payments.confirmReceipt(p.planId(), LocalDate.of(year, 1, 13),
                            p.move() == PlanMove.RECOVERY ? provinceFinance : region);
                }
                out.printf("  %d 预拨计划 %s %s：%s %s 元，%s%n", year, p.regionName(),
                        registry.insuranceType(p.insuranceType()).map(t -> t.name()).orElse(p.insuranceType()),
                        done.move().label(), done.amount().toYuanText(), done.state().label());
            }
        }

        Actor centre = Actor.system("410000-CENTRE");
        AnnualClearing done = clearing.clearing(YEAR, centre).orElseGet(() -> clearing.clear(
                new CrossRegionAnnualClearing.ClearingDraft(YEAR, costs(centre), "2026年度异地就医账务核对（演示数据）",
                        CLEARED_ON), centre));
        out.printf("%d 年度异地就医资金年度清算：应于 %s 前完成，%s 完成%n", YEAR, done.dueDate(), done.clearedOn());
        done.lines().forEach(l -> out.printf("  %s %s：资金 %s 元，清算费用 %s 元，%s %s 元%s%n", l.regionName(),
                l.insuranceTypeName(), l.funded().toYuanText(), l.cleared().toYuanText(), l.outcome().label(),
                l.balance().abs().toYuanText(), l.outcome() == ClearingOutcome.BALANCED ? "" : "，计入 " + l.targetLabel()));
    }

    /**
     * The year's cleared costs against what the province held: 平顶山's residents 123,456.78 less than their reserve,
     * 信阳's 234,567.89 more; 平顶山's employees exactly their remittances, 信阳's 104,908.83 less.
     */
    private List<ClearedCost> costs(Actor centre) {
        Reserve reserve = funding.reserve(YEAR, centre).orElseThrow();
        List<ClearedCost> costs = new ArrayList<>();
        costs.add(new ClearedCost("410400", "390", held(reserve, "410400").minus(Money.ofYuan("123456.78"))));
        costs.add(new ClearedCost("411500", "390", held(reserve, "411500").plus(Money.ofYuan("234567.89"))));
        costs.add(new ClearedCost("410400", "310", remitted(centre, "410400")));
        costs.add(new ClearedCost("411500", "310", remitted(centre, "411500").minus(Money.ofYuan("104908.83"))));
        return costs;
    }

    private static Money held(Reserve reserve, String region) {
        return reserve.shares().stream().filter(s -> s.regionCode().equals(region)).map(ReserveShare::amount)
                .reduce(Money.ZERO, Money::plus);
    }

    private Money remitted(Actor centre, String region) {
        return funding.remittanceNotices(YEAR, centre).stream().map(RemittanceNotice::lines).flatMap(List::stream)
                .filter(l -> l.regionCode().equals(region) && l.state() == RemittanceState.RECEIVED)
                .map(RemittanceLine::amount).reduce(Money.ZERO, Money::plus);
    }
}

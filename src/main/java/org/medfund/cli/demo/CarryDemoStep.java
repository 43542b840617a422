package org.medfund.cli.demo;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.medfund.crossregion.CrossRegionAnnualClearing;
import org.medfund.crossregion.CrossRegionAnnualClearing.AnnualClearing;
import org.medfund.crossregion.CrossRegionAnnualClearing.CarryLine;
import org.medfund.crossregion.CrossRegionAnnualClearing.ClearingLine;
import org.medfund.crossregion.CrossRegionFunding;
import org.medfund.crossregion.CrossRegionFunding.PotCost;
import org.medfund.crossregion.CrossRegionFunding.RegionCost;
import org.medfund.crossregion.CrossRegionFunding.RemittanceNotice;
import org.medfund.crossregion.CrossRegionFunding.Reserve;
import org.medfund.crossregion.CrossRegionFunding.Sourced;
import org.medfund.crossregion.ReserveState;
import org.medfund.crossregion.SubsidySource;
import org.medfund.registry.Actor;
import org.springframework.stereotype.Component;

/**
 * Demo step 770 (after the 2026 annual clearing of step 755): the clearing's carries change the 2027 allocations
 * (henan-2023 三(四)). The 2027 resident reserve, sized in January on the 2026 pots, is approved after the account
 * check: 平顶山's 123,456.78 surplus lowers what is withheld for it, 信阳's 234,567.89 shortfall is added to its
 * withholding, the pots keep their shares (一(二)). The second quarter's joint notice, held back until the clearing,
 * asks 信阳 for the quarter less its 104,908.83 employee surplus (一(三)); 平顶山 balanced and remits the projection.
 * Idempotent: the reserve and the notice are made once.
 */
@Component
class CarryDemoStep implements DemoStep {

    static final int YEAR = HenanClearingDemoStep.YEAR + 1;
    static final LocalDate SIZED_ON = LocalDate.of(YEAR, 1, 5);
    static final LocalDate APPROVED_ON = LocalDate.of(YEAR, 4, 6);
    static final LocalDate NOTICE_ON = LocalDate.of(YEAR, 3, 29);

    private final CrossRegionFunding funding;
    private final CrossRegionAnnualClearing clearing;

    CarryDemoStep(CrossRegionFunding funding, CrossRegionAnnualClearing clearing) {
        this.funding = funding;
        this.clearing = clearing;
    }

    @Override
    public int order() {
        return 770;
    }

    @Override
    public String title() {
        return "上年度清算结转计入 " + YEAR + " 年资金（henan-2023 三(四)）：预留资金与第二季度职工医保上解通知";
    }

    @Override
    public void run(PrintWriter out) {
        Actor centre = Actor.system("410000-CENTRE");
        Reserve last = funding.reserve(YEAR - 1, centre).orElseThrow();
        AnnualClearing cleared = clearing.clearing(YEAR - 1, centre).orElseThrow();
        Sourced sources = new Sourced(new BigDecimal("0.05"), "省医保局测算（演示数据）", (YEAR - 1)
                + "年度异地就医账务核对（演示数据）");
        Reserve reserve = funding.reserve(YEAR, centre).orElse(null);
        if (reserve == null) {
            // Last year's cost per pot: the demo takes last year's shares as its figures.
            List<PotCost> costs = last.shares().stream().map(s -> new PotCost(s.regionCode(), s.pot(), s.amount()))
                    .toList();
            reserve = funding.sizeReserve(new CrossRegionFunding.ReserveSizing(YEAR, costs, sources,
                    SubsidySource.CENTRAL, SIZED_ON), centre);
        }
        if (reserve.decision().state() == ReserveState.SIZED) {
            reserve = funding.approveReserve(YEAR, APPROVED_ON, Actor.system("410000-FINANCE"));
        }
        reserve.shares().forEach(s -> out.printf("  %d 预留资金 %s %s：分配 %s 元，上年度清算结转 %s 元，实际预留 %s 元%n",
                YEAR, s.regionName(), s.pot().label(), s.amount().toYuanText(), s.carry().toYuanText(),
                s.withheld().toYuanText()));

        RemittanceNotice notice = funding.remittanceNotices(YEAR, centre).stream().filter(n -> n.quarter() == 2)
                .findFirst().orElse(null);
        if (notice == null) {
            List<RegionCost> costs = new ArrayList<>();
            for (ClearingLine line : cleared.lines()) {
                if (line.insuranceType().equals("310")) {
                    costs.add(new RegionCost(line.regionCode(), line.cleared()));
                }
            }
            notice = funding.issueRemittanceNotice(new CrossRegionFunding.RemittanceNoticeDraft(YEAR, 2, costs,
                    sources, NOTICE_ON), centre);
        }
        notice.lines().forEach(l -> out.printf("  %d 年第 2 季度上解 %s：预计费用 %s 元，上年度清算结转 %s 元，应上解 %s 元，%s%n",
                YEAR, l.regionName(), l.projected().toYuanText(), l.carry().toYuanText(), l.amount().toYuanText(),
                l.state().label()));
        for (CarryLine c : clearing.carries(YEAR, centre)) {
            out.printf("  结转：%d 年度清算 %s %s %s 元 → %s，计入 %s 元（%s）%n", c.source().clearYear(),
                    c.source().regionName(), c.source().insuranceTypeName(), c.target().amount().toYuanText(),
                    c.target().label(), c.use().applied().toYuanText(), c.use().state().label());
        }
    }
}

package org.medfund.cli.demo;

import java.io.PrintWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.medfund.common.Money;
import org.medfund.crossregion.CrossRegionFunding;
import org.medfund.crossregion.CrossRegionFunding.PotCost;
import org.medfund.crossregion.CrossRegionFunding.RegionCost;
import org.medfund.crossregion.CrossRegionFunding.RemittanceNotice;
import org.medfund.crossregion.CrossRegionFunding.Reserve;
import org.medfund.crossregion.CrossRegionFunding.Sourced;
import org.medfund.crossregion.RemittanceState;
import org.medfund.crossregion.ReservePot;
import org.medfund.crossregion.ReserveState;
import org.medfund.crossregion.SubsidySource;
import org.medfund.registry.Actor;
import org.springframework.stereotype.Component;

/**
 * Demo step 720: Henan's cross-region funding for 2026 (henan-2023 "预留+清算", demo figures): the resident reserve
 * sized by the province centre, approved and withheld by province finance and split over 平顶山 and 信阳; January's
 * use recorded and confirmed by 平顶山 in time; the second quarter's employee remittance notice, 平顶山 remitting in
 * time and 信阳 late, so that it shows on the 通报 list; the timeline of March 2026. Idempotent: each step is done once.
 */
@Component
class CrossregionFundingDemoStep implements DemoStep {

    static final int YEAR = 2026;

    private final CrossRegionFunding funding;

    CrossregionFundingDemoStep(CrossRegionFunding funding) {
        this.funding = funding;
    }

    @Override
    public int order() {
        return 720;
    }

    @Override
    public String title() {
        return "河南异地就医资金“预留+清算”（henan-2023）：预留资金、月度确认、职工季度上解";
    }

    @Override
    public void run(PrintWriter out) {
        Actor centre = Actor.system("410000-CENTRE");
        Actor provinceFinance = Actor.system("410000-FINANCE");
        Reserve reserve = funding.reserve(YEAR, centre).orElse(null);
        if (reserve == null) {
            reserve = funding.sizeReserve(new CrossRegionFunding.ReserveSizing(YEAR, List.of(
                    new PotCost("410400", ReservePot.IN_PROVINCE, Money.ofYuan("13200000.00")),
                    new PotCost("410400", ReservePot.CROSS_PROVINCE, Money.ofYuan("4800000.00")),
                    new PotCost("411500", ReservePot.IN_PROVINCE, Money.ofYuan("10500000.00")),
                    new PotCost("411500", ReservePot.CROSS_PROVINCE, Money.ofYuan("3500000.00"))),
                    new Sourced(new BigDecimal("0.08"), "省医保局测算（演示数据）", "2025年异地就医结算数据（演示数据）"),
                    SubsidySource.CENTRAL, LocalDate.of(YEAR, 1, 5)), centre);
        }
        out.println("预留资金：" + reserve.derivation().explain());
        if (reserve.decision().state() == ReserveState.SIZED) {
            reserve = funding.approveReserve(YEAR, LocalDate.of(YEAR, 1, 9), provinceFinance);
        }
        reserve.shares().forEach(s -> out.println("  " + s.regionName() + " " + s.pot().label() + " "
                + s.amount().toYuanText() + " 元"));
        YearMonth january = YearMonth.of(YEAR, 1);
        funding.recordReserveUse(new CrossRegionFunding.ReserveUse("410400", ReservePot.IN_PROVINCE, january,
                Money.ofYuan("1050000.00"), "2026年1月省内异地就医清算数据（演示数据）"), LocalDate.of(YEAR, 2, 16),
                centre);
        CrossRegionFunding.UseConfirmation confirmed = funding.confirmReserveUse(january, LocalDate.of(YEAR, 2, 16),
                Actor.system("410400-AGENCY"));
        out.println("平顶山市确认 " + january + " 预留资金使用（应于 " + confirmed.dueDate() + " 前），省内使用 "
                + confirmed.inProvinceUsed().toYuanText() + " 元");

        RemittanceNotice notice = funding.remittanceNotices(YEAR, centre).stream().filter(n -> n.quarter() == 2)
                .findFirst().orElse(null);
        if (notice == null) {
            notice = funding.issueRemittanceNotice(new CrossRegionFunding.RemittanceNoticeDraft(YEAR, 2, List.of(
                    new RegionCost("410400", Money.ofYuan("60000000.00")),
                    new RegionCost("411500", Money.ofYuan("45678901.23"))),
                    new Sourced(new BigDecimal("0.06"), "省医保局测算（演示数据）", "2025年职工异地就医费用（演示数据）"),
                    LocalDate.of(YEAR, 2, 27)), centre);
        }
        out.println("第二季度职工医保上解通知 " + notice.dates().issuedOn() + " 下发，" + notice.dates().remitDueDate()
                + " 前上解");
        LocalDate due = notice.dates().remitDueDate();
        remit(notice, "410400", due.minusDays(2), provinceFinance);
        remit(notice, "411500", due.plusDays(5), provinceFinance);
        funding.lateRemitters(due.plusDays(10), centre).forEach(l -> out.println("上解不到位：" + l.regionName()
                + " 逾期 " + l.daysLate() + " 天，" + l.amount().toYuanText() + " 元（四(二) 通报约谈）"));
        funding.clearingSteps(YearMonth.of(YEAR, 3), LocalDate.of(YEAR, 3, 1), centre).forEach(s -> out.println(
                "  " + YEAR + "-03 " + s.kind().label() + "：" + s.dueDate() + " 前（" + s.citation() + "）"));
    }

    private void remit(RemittanceNotice notice, String region, LocalDate on, Actor provinceFinance) {
        CrossRegionFunding.RemittanceLine line = notice.lines().stream().filter(l -> l.regionCode().equals(region))
                .findFirst().orElseThrow();
        if (line.state() == RemittanceState.NOTIFIED) {
            line = funding.remit(notice.id(), on, Actor.system(region + "-FINANCE"));
        }
        if (line.state() == RemittanceState.REMITTED) {
            funding.confirmRemittance(notice.id(), region, on.plusDays(1), provinceFinance);
        }
    }
}

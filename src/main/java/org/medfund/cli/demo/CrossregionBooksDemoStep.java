package org.medfund.cli.demo;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import org.medfund.common.Money;
import org.medfund.crossregion.BankCharge;
import org.medfund.crossregion.BankChargeKind;
import org.medfund.crossregion.BankChargeRequest;
import org.medfund.crossregion.BankInterest;
import org.medfund.crossregion.BankItems;
import org.medfund.crossregion.CountyRemittances;
import org.medfund.crossregion.CountyShare;
import org.medfund.crossregion.CountyShareState;
import org.medfund.crossregion.CrossRegionQuotas;
import org.medfund.crossregion.InterestRequest;
import org.medfund.crossregion.Quota;
import org.medfund.crossregion.RegionFundPay;
import org.medfund.registry.Actor;
import org.springframework.stereotype.Component;

/**
 * Demo step 745: the books around the Guizhou quarter of step 700 (demo figures). 贵阳市's first cross-province quota
 * is split between the city and two districts by last year's fund pay (guizhou-2017 附件二 一(一)3); 南明区 remits
 * and 贵阳市财政局 confirms it, 云岩区's share stays in transit for the city finance officer to confirm; a bank fee on
 * 贵阳市财政局's special account is registered outside the fund, and the quarter's interest on it and on 河南省财政厅's
 * special account (which holds Guizhou's prepayment) goes to each holder's fund (五(三), henan-2023 四(三)).
 * Idempotent: every command answers its first result when run again.
 */
@Component
class CrossregionBooksDemoStep implements DemoStep {

    static final String QUOTA = "CRQ-520100-2026Q1-XP-1";

    private final CrossRegionQuotas quotas;
    private final CountyRemittances counties;
    private final BankItems bank;

    CrossregionBooksDemoStep(CrossRegionQuotas quotas, CountyRemittances counties, BankItems bank) {
        this.quotas = quotas;
        this.counties = counties;
        this.bank = bank;
    }

    @Override
    public int order() {
        return 745;
    }

    @Override
    public String title() {
        return "异地就医资金账务（guizhou-2017 附件二、五(三)）：县区预付金划拨、银行手续费账外登记、利息归属";
    }

    @Override
    public void run(PrintWriter out) {
        Actor centre = Actor.system("520000-CENTRE");
        Quota quota = quotas.quotas(2026, 1, centre).stream().filter(q -> q.id().equals(QUOTA)).findFirst()
                .orElse(null);
        if (quota == null) {
            out.println("没有 " + QUOTA + "（异地就医演示步骤未运行），跳过");
            return;
        }
        List<CountyShare> shares = counties.split(QUOTA, List.of(
                new RegionFundPay("520100", Money.ofYuan("4000.00")),
                new RegionFundPay("520102", Money.ofYuan("1500.00")),
                new RegionFundPay("520103", Money.ofYuan("500.00"))), LocalDate.of(2026, 1, 13),
                Actor.system("520100-AGENCY"));
        for (CountyShare share : shares) {
            String county = share.countyRegionCode();
            if (share.state() == CountyShareState.SPLIT) {
                share = counties.remit(share.id(), LocalDate.of(2026, 1, 14), Actor.system(county + "-FINANCE"));
            }
            if (county.equals("520102") && share.state() == CountyShareState.REMITTED) {
                share = counties.receive(share.id(), LocalDate.of(2026, 1, 15), Actor.system("520100-FINANCE"));
            }
            out.println(share.countyName() + " 应划拨 " + share.amount().toYuanText() + " 元（"
                    + share.derivation().formula() + "），" + share.state().label());
        }
        Actor guiyangFinance = Actor.system("520100-FINANCE");
        BankCharge fee = bank.recordCharge(new BankChargeRequest("520100-FINANCE-SPECIAL", BankChargeKind.BANK_FEE,
                Money.ofYuan("0.50"), LocalDate.of(2026, 1, 16), "GY20260116001", "上解预付金汇划手续费（演示）",
                false), guiyangFinance);
        out.println("银行手续费 " + fee.amount().toYuanText() + " 元在基金账外登记（" + fee.citation() + "）");
        BankInterest city = bank.receiveInterest(new InterestRequest("520100-FINANCE-SPECIAL",
                Money.ofYuan("18.60"), LocalDate.of(2026, 3, 21), "GY20260321001", null), guiyangFinance);
        BankInterest treatment = bank.receiveInterest(new InterestRequest("410000-FINANCE-SPECIAL",
                Money.ofYuan("25.30"), LocalDate.of(2026, 3, 21), "HA20260321001", "520100"),
                Actor.system("410000-FINANCE"));
        for (BankInterest i : List.of(city, treatment)) {
            out.println(i.orgName() + " 利息 " + i.amount().toYuanText() + " 元归" + i.ownerName() + "基金（"
                    + i.derivation().citation() + "）");
        }
    }
}

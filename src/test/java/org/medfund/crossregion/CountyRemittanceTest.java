package org.medfund.crossregion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Money;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.ledger.TransferStatus;
import org.medfund.prepayment.Fixtures;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * guizhou-2017 附件二 一(一)1-2 and 二(一)1-2 on the database: 黔东南州's quarter quota is split between the city
 * itself and its counties by last year's cross-region fund pay (crossregion.county-split), each county's finance
 * remits its share to city finance (posting rule crossregion.prepayment.county-to-city, in transit until city
 * finance confirms), and the four books carry annex 2's entries. 黔东南州 is used by no other test or demo step.
 * After every scenario the ledger audit.
 */
@DatabaseTest
class CountyRemittanceTest {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 100_000));
    private static final String CITY = "522600";
    private static final String KAILI = "522601";
    private static final String HUANGPING = "522622";
    private static final String SHIBING = "522623";
    private static final LocalDate FAR = LocalDate.of(2030, 1, 1);

    @Autowired
    CrossRegionQuotas quotas;
    @Autowired
    CountyRemittances counties;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerAudit audit;

    private final Actor centre = Fixtures.actor("crc-centre", "520000-CENTRE", Role.CLERK);
    private final Actor cityAgency = Fixtures.actor("crc-city-a", CITY + "-AGENCY", Role.CLERK);
    private final Actor cityFinance = Fixtures.actor("crc-city-f", CITY + "-FINANCE", Role.FINANCE);

    private static Actor countyFinance(String county) {
        return Fixtures.actor("crc-f-" + county, county + "-FINANCE", Role.FINANCE);
    }

    private void opening(String org) {
        ledger.openBook(org);
        ledger.post(new BusinessEvent("opening.balance.special-account", "crc-open-" + org + "-"
                + NEXT.incrementAndGet(), LocalDate.of(2025, 12, 31), null, Money.ofYuan("100000.00"),
                Map.of("book", org), null, "opening-balance", org, null, null, "期初余额（测试）"));
    }

    private static RegionFundPay pay(String region, String yuan) {
        return new RegionFundPay(region, Money.ofYuan(yuan));
    }

    private CountyShare of(List<CountyShare> shares, String county) {
        return shares.stream().filter(s -> s.countyRegionCode().equals(county)).findFirst().orElseThrow();
    }

    @Test
    @DisplayName("guizhou-2017 附件二 一(一)1-2, 二(一)1-2: a county's share remitted county → city, in transit until"
            + " city finance confirms, in the four books")
    void countyRemitsItsShare() {
        for (String county : List.of(KAILI, HUANGPING)) {
            opening(county + "-FINANCE");
            opening(county + "-AGENCY");
        }
        // Past years 30,000.00 a year → first quota four months = 10,000.00.
        Quota quota = quotas.size(new QuotaRequest(CITY, 2026, 3, QuotaScope.CROSS_PROVINCE,
                Money.ofYuan("30000.00"), LocalDate.of(2026, 7, 6)), centre);
        assertThat(quota.amount()).isEqualTo(Money.ofYuan("10000.00"));
        LocalDate splitOn = LocalDate.of(2026, 7, 8);
        List<RegionFundPay> weights = List.of(pay(KAILI, "3000.00"), pay(CITY, "6000.00"), pay(HUANGPING, "1000.00"),
                pay(SHIBING, "0.00"));
        assertThatThrownBy(() -> counties.split(quota.id(), weights, splitOn, cityFinance))
                .extracting("code").isEqualTo("crossregion.city-agency-only");
        List<CountyShare> shares = counties.split(quota.id(), weights, splitOn, cityAgency);
        assertThat(shares).extracting(CountyShare::countyRegionCode).containsExactly(KAILI, HUANGPING, SHIBING);
        CountyShare kaili = of(shares, KAILI);
        assertThat(kaili.amount()).isEqualTo(Money.ofYuan("3000.00"));
        assertThat(of(shares, HUANGPING).amount()).isEqualTo(Money.ofYuan("1000.00"));
        assertThat(kaili.derivation().citation()).isEqualTo("guizhou-2017 v1, guizhou-2017 附件二 一(一)3");
        assertThat(kaili.derivation().inputs()).contains(new org.medfund.common.Derivation.Input("市本级部分",
                "6,000.00"));
        // A county with no cross-region pay last year owes nothing: nothing moves, it is settled at once.
        assertThat(of(shares, SHIBING).amount()).isEqualTo(Money.ZERO);
        assertThat(of(shares, SHIBING).state()).isEqualTo(CountyShareState.RECEIVED);
        assertThat(counties.split(quota.id(), weights, splitOn, cityAgency)).isEqualTo(shares);
        assertThatThrownBy(() -> counties.split(quota.id(), List.of(pay(KAILI, "1.00"), pay(CITY, "1.00")), splitOn,
                cityAgency)).extracting("code").isEqualTo("crossregion.quota-split");

        // 一(一)1 / 二(一)1: the county's finance and agency books post at once; the city's wait for the receipt.
        assertThatThrownBy(() -> counties.remit(kaili.id(), splitOn, cityFinance))
                .extracting("code").isEqualTo("crossregion.county-finance-only");
        assertThatThrownBy(() -> counties.remit(kaili.id(), splitOn, countyFinance(HUANGPING)))
                .extracting("code").isEqualTo("crossregion.county-share-unknown");
        assertThatThrownBy(() -> counties.receive(kaili.id(), splitOn, cityFinance))
                .extracting("code").isEqualTo("crossregion.county-share-state");
        CountyShare remitted = counties.remit(kaili.id(), LocalDate.of(2026, 7, 10), countyFinance(KAILI));
        assertThat(remitted.state()).isEqualTo(CountyShareState.REMITTED);
        assertThat(ledger.transfer(remitted.steps().transferId()).orElseThrow().status())
                .isEqualTo(TransferStatus.IN_TRANSIT);
        Money threeThousand = Money.ofYuan("3000.00");
        assertThat(ledger.balance(KAILI + "-FINANCE", "5001.02", CITY + "-FINANCE", null, FAR))
                .isEqualTo(threeThousand);
        assertThat(ledger.balance(KAILI + "-AGENCY", "1211.02", CITY + "-AGENCY", null, FAR)).isEqualTo(threeThousand);
        assertThat(ledger.balance(CITY + "-FINANCE", "4001.02", KAILI + "-FINANCE", null, FAR)).isEqualTo(Money.ZERO);
        audit.assertSound();

        // 一(一)2 / 二(一)2: city finance confirms; the city agency holds the county's money as 暂收款—各县区.
        CountyShare received = counties.receive(kaili.id(), LocalDate.of(2026, 7, 13), cityFinance);
        assertThat(received.state()).isEqualTo(CountyShareState.RECEIVED);
        assertThat(counties.receive(kaili.id(), LocalDate.of(2026, 7, 13), cityFinance)).isEqualTo(received);
        assertThatThrownBy(() -> counties.receive(kaili.id(), LocalDate.of(2026, 7, 14), cityFinance))
                .extracting("code").isEqualTo("crossregion.county-share-state");
        assertThat(ledger.transfer(kaili.id()).orElseThrow().status()).isEqualTo(TransferStatus.RECEIVED);
        assertThat(ledger.balance(CITY + "-FINANCE", "4001.02", KAILI + "-FINANCE", null, FAR))
                .isEqualTo(threeThousand);
        assertThat(ledger.balance(CITY + "-FINANCE", "1003", KAILI + "-FINANCE", null, FAR)).isEqualTo(threeThousand);
        assertThat(ledger.balance(CITY + "-AGENCY", "2211.01", KAILI + "-AGENCY", null, FAR)).isEqualTo(threeThousand);
        assertThat(ledger.balance(CITY + "-AGENCY", "1003", KAILI + "-AGENCY", null, FAR)).isEqualTo(threeThousand);
        audit.assertSound();

        // Each side sees its own: a county its share, the city all of them, the province centre too.
        assertThat(counties.shares(2026, 3, countyFinance(KAILI))).filteredOn(s -> s.quotaId().equals(quota.id()))
                .extracting(CountyShare::id).containsExactly(kaili.id());
        assertThat(counties.shares(2026, 3, countyFinance(KAILI))).extracting(CountyShare::countyRegionCode)
                .containsOnly(KAILI);
        assertThat(counties.shares(2026, 3, cityAgency)).filteredOn(s -> s.quotaId().equals(quota.id())).hasSize(3);
        assertThat(counties.shares(2026, 3, Fixtures.actor("crc-other", "520100-AGENCY", Role.CLERK))).isEmpty();
    }

    @Test
    @DisplayName("guizhou-2017 附件二 一(一)3: equal weights split by largest remainder to the fen; the city's own"
            + " part stays; regions outside the city are refused")
    void splitToTheFen() {
        Quota quota = quotas.size(new QuotaRequest(CITY, 2026, 3, QuotaScope.IN_PROVINCE, Money.ofYuan("3000.00"),
                LocalDate.of(2026, 7, 6)), centre);
        assertThat(quota.amount()).isEqualTo(Money.ofYuan("1000.00"));
        assertThatThrownBy(() -> counties.split(quota.id(), List.of(pay("520201", "1.00")), LocalDate.of(2026, 7, 8),
                cityAgency)).extracting("code", "field").containsExactly("crossregion.region-not-in-city",
                "pastFundPay[0].regionCode");
        assertThatThrownBy(() -> counties.split(quota.id(), List.of(pay(KAILI, "1.00"), pay(KAILI, "2.00")),
                LocalDate.of(2026, 7, 8), cityAgency)).extracting("code").isEqualTo("crossregion.region-repeated");
        assertThatThrownBy(() -> counties.split(quota.id(), List.of(pay(KAILI, "0.00")), LocalDate.of(2026, 7, 8),
                cityAgency)).extracting("code").isEqualTo("crossregion.split-all-zero");
        assertThatThrownBy(() -> counties.split(quota.id(), List.of(pay(KAILI, "-1.00")), LocalDate.of(2026, 7, 8),
                cityAgency)).extracting("field").isEqualTo("pastFundPay[0].lastYearFundPay");
        // 1,000.00 in thirds: the city (first by code) gets the odd fen, 333.34; each county 333.33.
        List<CountyShare> shares = counties.split(quota.id(), List.of(pay(HUANGPING, "1.00"), pay(KAILI, "1.00"),
                pay(CITY, "1.00")), LocalDate.of(2026, 7, 8), cityAgency);
        assertThat(shares).extracting(CountyShare::amount).containsExactly(Money.ofYuan("333.33"),
                Money.ofYuan("333.33"));
        assertThat(of(shares, KAILI).derivation().inputs())
                .contains(new org.medfund.common.Derivation.Input("市本级部分", "333.34"));
        audit.assertSound();
    }
}

package org.medfund.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medfund.ledger.Events.event;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Money;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Seed 001 annex 2: a full quarter of cross-region prepayment and clearing through county, city, province and the
 * settlement centre, finance departments and agencies, with fabricated but realistic amounts. Shows the decision on
 * annex 2's inconsistency: the city agency keeps the county's money on 暂收款—各县区 both when it arrives and when it
 * is cleared, so the county sub-ledger nets to zero.
 */
@DatabaseTest
class CrossRegionEntriesTest {

    private static final LocalDate FAR = LocalDate.of(2030, 1, 1);

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerAudit audit;

    @Test
    @DisplayName("guizhou-2017 annex 2: prepay and clear a quarter; county sub-ledger at the city nets to zero")
    void prepayAndClear() {
        String countyFinance = Events.unique("520121-FINANCE");
        String countyAgency = Events.unique("520121-AGENCY");
        String cityFinance = Events.unique("520100-FINANCE");
        String cityAgency = Events.unique("520100-AGENCY");
        String provinceFinance = Events.unique("520000-FINANCE");
        String provinceAgency = Events.unique("520000-AGENCY");
        String centre = Events.unique("520000-CENTRE");
        for (String finance : List.of(countyFinance, cityFinance, provinceFinance)) {
            ledger.openBook(finance, BookType.FINANCE, "财政");
        }
        for (String agency : List.of(countyAgency, cityAgency, provinceAgency, centre)) {
            ledger.openBook(agency, BookType.AGENCY, "经办");
        }
        for (String org : List.of(countyFinance, countyAgency, cityFinance, cityAgency, provinceAgency,
                provinceFinance)) {
            ledger.post(event("opening.balance.special-account", LocalDate.of(2025, 1, 1), "50000000.00",
                    Map.of("book", org)));
        }
        LocalDate sent = LocalDate.of(2025, 1, 28);
        BusinessEvent countyToCity = event("crossregion.prepayment.county-to-city", sent, "800000.00", Map.of(
                "county-finance", countyFinance, "county-agency", countyAgency, "city-finance", cityFinance,
                "city-agency", cityAgency));
        List<PostedEntry> sentEntries = ledger.post(countyToCity);
        assertThat(sentEntries).extracting(PostedEntry::bookOrgCode).containsExactly(countyFinance, countyAgency);
        Transfer inTransit = ledger.transfer(countyToCity.requestId()).orElseThrow();
        assertThat(inTransit.status()).isEqualTo(TransferStatus.IN_TRANSIT);
        assertThat(ledger.balance(cityAgency, "2211.01", countyAgency, null, FAR)).isEqualTo(Money.ZERO);
        assertThat(audit.problems()).isEmpty();

        String receipt = Events.requestId();
        List<PostedEntry> received = ledger.confirmReceipt(countyToCity.requestId(), LocalDate.of(2025, 1, 30),
                receipt);
        assertThat(received).extracting(PostedEntry::bookOrgCode).containsExactly(cityFinance, cityAgency);
        assertThat(ledger.confirmReceipt(countyToCity.requestId(), LocalDate.of(2025, 1, 30), receipt))
                .isEqualTo(received);
        assertThatThrownBy(() -> ledger.confirmReceipt(countyToCity.requestId(), LocalDate.of(2025, 1, 30),
                Events.requestId())).extracting("code").isEqualTo("ledger.transfer-received");
        assertThat(ledger.balance(cityFinance, "4001.02", null, null, FAR)).isEqualTo(Money.ofYuan("800000.00"));
        assertThat(ledger.balance(cityAgency, "2211.01", countyAgency, null, FAR))
                .isEqualTo(Money.ofYuan("800000.00"));

        // The city forwards its own 1,200,000.00 and the county's 800,000.00 to the province (annex 2 一(一)3, 二(一)3).
        BusinessEvent cityToProvince = event("crossregion.prepayment.city-to-province", sent.plusDays(1),
                "2000000.00", Map.of("city-finance", cityFinance, "city-agency", cityAgency,
                        "province-finance", provinceFinance, "centre", centre));
        ledger.post(cityToProvince);
        ledger.confirmReceipt(cityToProvince.requestId(), LocalDate.of(2025, 2, 3), Events.requestId());
        BusinessEvent provinceToCentre = event("crossregion.prepayment.province-to-centre", sent, "500000.00",
                Map.of("province-agency", provinceAgency, "centre", centre));
        ledger.post(provinceToCentre);
        ledger.confirmReceipt(provinceToCentre.requestId(), LocalDate.of(2025, 2, 3), Events.requestId());
        ledger.post(event("crossregion.prepayment.centre-to-other-province", LocalDate.of(2025, 2, 20),
                "1500000.00", Map.of("centre", centre, "province-finance", provinceFinance,
                        "other-province", "440000-CENTRE")));
        assertThat(ledger.balance(centre, "1003", null, null, FAR)).isEqualTo(Money.ofYuan("1000000.00"));

        // Quarterly clearing from the centre's clearing sheet (annex 2 二(二)), cleared exactly as prepaid.
        LocalDate cleared = LocalDate.of(2025, 4, 10);
        ledger.post(event("crossregion.clearing.county", cleared, "800000.00",
                Map.of("county-agency", countyAgency, "centre", centre)));
        ledger.post(event("crossregion.clearing.city-own", cleared, "1200000.00",
                Map.of("city-agency", cityAgency, "centre", centre)));
        ledger.post(event("crossregion.clearing.city-county-part", cleared, "800000.00",
                Map.of("city-agency", cityAgency, "centre", centre, "county-agency", countyAgency)));
        ledger.post(event("crossregion.clearing.province-own", cleared, "500000.00",
                Map.of("province-agency", provinceAgency, "centre", centre)));
        ledger.post(event("crossregion.clearing.centre", cleared, "1500000.00",
                Map.of("centre", centre, "city-agency", cityAgency, "other-province", "440000-CENTRE")));
        ledger.post(event("crossregion.inprovince.clearing", cleared, "500000.00",
                Map.of("centre", centre, "city-agency", cityAgency)));

        assertThat(ledger.balance(cityAgency, "2211.01", countyAgency, null, FAR)).isEqualTo(Money.ZERO);
        assertThat(ledger.balance(countyAgency, "1211.02", null, null, FAR)).isEqualTo(Money.ZERO);
        assertThat(ledger.balance(cityAgency, "1211.02", null, null, FAR)).isEqualTo(Money.ZERO);
        assertThat(ledger.balance(provinceAgency, "1211.02", null, null, FAR)).isEqualTo(Money.ZERO);
        assertThat(ledger.balance(centre, "1211.03", null, null, FAR)).isEqualTo(Money.ZERO);
        assertThat(ledger.balance(centre, "2211.02", cityAgency, null, FAR)).isEqualTo(Money.ZERO);
        assertThat(ledger.balance(countyAgency, "5001", null, "310", FAR)).isEqualTo(Money.ofYuan("800000.00"));
        assertThat(ledger.balance(cityAgency, "5001", null, null, FAR)).isEqualTo(Money.ofYuan("1200000.00"));
        assertThat(audit.problems()).isEmpty();
    }

    @Test
    @DisplayName("finance → agency funding: finance books at once, the agency when the receipt is confirmed")
    void fundingInTransit() {
        String finance = Events.unique("411500-FINANCE");
        String agency = Events.unique("411500-AGENCY");
        ledger.openBook(finance, BookType.FINANCE, "信阳市财政局");
        ledger.openBook(agency, BookType.AGENCY, "信阳市医疗保障服务中心");
        ledger.post(event("opening.balance.special-account", LocalDate.of(2025, 1, 1), "3000000.00",
                Map.of("book", finance)));
        ledger.post(event("opening.balance.special-account", LocalDate.of(2025, 1, 1), "3000000.00",
                Map.of("book", agency)));
        BusinessEvent funding = event("funding.finance-to-agency", LocalDate.of(2025, 1, 25), "1234567.89",
                Map.of("finance", finance, "agency", agency));
        ledger.post(funding);
        assertThat(ledger.balance(finance, "1003", null, null, FAR)).isEqualTo(Money.ofYuan("1765432.11"));
        assertThat(ledger.balance(agency, "1004", null, null, FAR)).isEqualTo(Money.ZERO);
        assertThat(ledger.transfer(funding.requestId()).orElseThrow().status()).isEqualTo(TransferStatus.IN_TRANSIT);
        ledger.confirmReceipt(funding.requestId(), LocalDate.of(2025, 1, 27), Events.requestId());
        assertThat(ledger.balance(agency, "1004", null, null, FAR)).isEqualTo(Money.ofYuan("1234567.89"));
        assertThat(ledger.balance(agency, "1003", null, null, FAR)).isEqualTo(Money.ofYuan("1765432.11"));
        assertThat(ledger.transfer(funding.requestId()).orElseThrow().status()).isEqualTo(TransferStatus.RECEIVED);
        assertThat(audit.problems()).isEmpty();
    }
}

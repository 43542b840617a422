package org.medfund.claims.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.medfund.claims.PlaceOfSettlement;
import org.medfund.claims.SettlementRecord;
import org.medfund.claims.SettlementRecords;
import org.medfund.claims.SettlementTotals;
import java.time.LocalDateTime;
import java.time.Year;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/** SettlementTotals sums hifp_pay per stored period, nets reversals and filters by insutype and place. */
@DatabaseTest
class SettlementTotalsTest {

    @Autowired
    SettlementStore store;
    @Autowired
    SettlementTotals totals;
    @Autowired
    SettlementRecords records;
    @Autowired
    TransactionTemplate tx;

    static SettlementRecord record(String id, String hospital, String insutype, PlaceOfSettlement place,
                                   LocalDateTime at, long hifpFen, String reverses) {
        Money hifp = Money.ofFen(hifpFen);
        return new SettlementRecord(new SettlementRecord.Visit(id, "M" + id, "P" + id, hospital, insutype, "21", at),
                new SettlementRecord.Clearing("21", "1", "410400", place,
                        place == PlaceOfSettlement.CROSS_PROVINCE ? "110100" : "410400", "410400"),
                new SettlementRecord.Amounts(hifp, hifp, hifp, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO),
                List.of(), reverses);
    }

    @Test
    @DisplayName("pooled-fund pay by month: reversals netted, other insutype and places left out")
    void pooledFundPayByMonth() {
        String h = "HTOT" + System.nanoTime() % 1_000_000;
        LocalDateTime jan = LocalDateTime.of(2025, 1, 15, 10, 0);
        LocalDateTime dec = LocalDateTime.of(2025, 12, 31, 23, 59, 59);
        tx.executeWithoutResult(s -> {
            long batch = store.newBatch("test", null, h, "u", null, java.time.Instant.EPOCH);
            store.write(List.of(
                    row(record(h + "a", h, "310", PlaceOfSettlement.LOCAL, jan, 100_00, null)),
                    row(record(h + "b", h, "310", PlaceOfSettlement.IN_PROVINCE, jan, 50_00, null)),
                    row(record(h + "c", h, "310", PlaceOfSettlement.CROSS_PROVINCE, jan, 7_00, null)),
                    row(record(h + "d", h, "390", PlaceOfSettlement.LOCAL, jan, 999_00, null)),
                    row(record(h + "e", h, "310", PlaceOfSettlement.LOCAL, dec, 30_01, null)),
                    row(record(h + "f", h, "310", PlaceOfSettlement.LOCAL, dec, -30_01, h + "e")),
                    row(record(h + "g", h, "310", PlaceOfSettlement.LOCAL, dec, 1, null))), batch);
        });
        var byMonth = totals.pooledFundPayByMonth(h, "310", Year.of(2025),
                Set.of(PlaceOfSettlement.LOCAL, PlaceOfSettlement.IN_PROVINCE));
        assertThat(byMonth).containsExactly(
                java.util.Map.entry(YearMonth.of(2025, 1), Money.ofFen(150_00)),
                java.util.Map.entry(YearMonth.of(2025, 12), Money.ofFen(1)));
        assertThat(totals.pooledFundPay(h, "310", YearMonth.of(2025, 1), YearMonth.of(2025, 12),
                Set.of(PlaceOfSettlement.values()))).isEqualTo(Money.ofFen(157_01));
        assertThat(totals.pooledFundPay(h, "310", YearMonth.of(2025, 2), YearMonth.of(2025, 11),
                Set.of(PlaceOfSettlement.values()))).isEqualTo(Money.ZERO);
        assertThat(records.totals(h, YearMonth.of(2025, 12))).singleElement()
                .satisfies(g -> {
                    assertThat(g.count()).isEqualTo(3);
                    assertThat(g.pooledFundPay()).isEqualTo(Money.ofFen(1));
                });
    }

    private static SettlementStore.Row row(SettlementRecord r) {
        return new SettlementStore.Row(r, SettlementStore.period(r.settledMonth()), "hash-" + r.setlId());
    }
}

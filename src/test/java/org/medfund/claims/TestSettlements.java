package org.medfund.claims;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medfund.common.Money;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test support for other capabilities: stores settled visits of a hospital (one per month and place) the way the
 * claims intake stores them, so sizing reads real stored settlements through {@link SettlementTotals}.
 */
public final class TestSettlements {

    private TestSettlements() {
    }

    /** One visit per entry, settled on the 10th of the month at 10:00, in the hospital's own region. */
    public static void store(org.springframework.context.ApplicationContext context, String hospital,
                             String regionCode, String insutype, PlaceOfSettlement place,
                             Map<YearMonth, Money> pooledFundPay) {
        SettlementStore store = context.getBean(SettlementStore.class);
        TransactionTemplate tx = context.getBean(TransactionTemplate.class);
        tx.executeWithoutResult(status -> {
            long batch = store.newBatch("test", null, hospital, "test", null, java.time.Instant.EPOCH);
            List<SettlementStore.Row> rows = new ArrayList<>();
            for (var month : pooledFundPay.entrySet()) {
                String id = hospital + insutype + place.payLoc() + month.getKey().toString().replace("-", "");
                Money hifp = month.getValue();
                SettlementRecord r = new SettlementRecord(id, "M" + id, "P" + id, hospital, insutype, "21", "21",
                        "1", regionCode, place, regionCode, regionCode,
                        LocalDateTime.of(month.getKey().getYear(), month.getKey().getMonth(), 10, 10, 0),
                        hifp, hifp, hifp, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, List.of(), null);
                rows.add(new SettlementStore.Row(r, SettlementStore.period(r.settledMonth()), "hash-" + id));
            }
            store.write(rows, batch);
        });
    }

    /**
     * In-province cross-region visits (pay_loc 3) of persons insured in {@code insuredRegion}, treated at a hospital in
     * {@code treatmentRegion}: one visit per month, on the 12th.
     */
    public static void storeInProvince(org.springframework.context.ApplicationContext context, String hospital,
                                       String treatmentRegion, String insuredRegion, String insutype,
                                       Map<YearMonth, Money> pooledFundPay) {
        SettlementStore store = context.getBean(SettlementStore.class);
        TransactionTemplate tx = context.getBean(TransactionTemplate.class);
        tx.executeWithoutResult(status -> {
            long batch = store.newBatch("test", null, hospital, "test", null, java.time.Instant.EPOCH);
            List<SettlementStore.Row> rows = new ArrayList<>();
            for (var month : pooledFundPay.entrySet()) {
                String id = "X" + hospital + insuredRegion + insutype + month.getKey().toString().replace("-", "");
                Money hifp = month.getValue();
                SettlementRecord r = new SettlementRecord(id, "M" + id, "P" + id, hospital, insutype, "21", "21",
                        "1", treatmentRegion, PlaceOfSettlement.IN_PROVINCE, insuredRegion, treatmentRegion,
                        LocalDateTime.of(month.getKey().getYear(), month.getKey().getMonth(), 12, 10, 0),
                        hifp, hifp, hifp, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO, List.of(), null);
                rows.add(new SettlementStore.Row(r, SettlementStore.period(r.settledMonth()), "hash-" + id));
            }
            store.write(rows, batch);
        });
    }
}

package org.medfund.claims.internal;

import org.medfund.claims.PlaceOfSettlement;
import org.medfund.claims.SettlementRecord;
import org.medfund.claims.SettlementTotals;
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
        write(context, hospital, regionCode, regionCode, insutype, place, 10,
                hospital + insutype + place.payLoc(), pooledFundPay);
    }

    /**
     * In-province cross-region visits (pay_loc 3) of persons insured in {@code insuredRegion}, treated at a hospital in
     * {@code treatmentRegion}: one visit per month, on the 12th.
     */
    public static void storeInProvince(org.springframework.context.ApplicationContext context, String hospital,
                                       String treatmentRegion, String insuredRegion, String insutype,
                                       Map<YearMonth, Money> pooledFundPay) {
        write(context, hospital, treatmentRegion, insuredRegion, insutype, PlaceOfSettlement.IN_PROVINCE, 12,
                "X" + hospital + insuredRegion + insutype, pooledFundPay);
    }

    /** One inpatient visit per month on {@code day} at 10:00, all of it pooled-fund pay; ids = prefix + yyyyMM. */
    private static void write(org.springframework.context.ApplicationContext context, String hospital,
                              String treatmentRegion, String insuredRegion, String insutype, PlaceOfSettlement place,
                              int day, String idPrefix, Map<YearMonth, Money> pooledFundPay) {
        SettlementStore store = context.getBean(SettlementStore.class);
        TransactionTemplate tx = context.getBean(TransactionTemplate.class);
        tx.executeWithoutResult(status -> {
            long batch = store.newBatch("test", null, hospital, "test", null, java.time.Instant.EPOCH);
            List<SettlementStore.Row> rows = new ArrayList<>();
            for (var month : pooledFundPay.entrySet()) {
                String id = idPrefix + month.getKey().toString().replace("-", "");
                Money hifp = month.getValue();
                SettlementRecord r = new SettlementRecord(new SettlementRecord.Visit(id, "M" + id, "P" + id, hospital,
                        insutype, "21", LocalDateTime.of(month.getKey().getYear(), month.getKey().getMonth(), day,
                        10, 0)),
                        new SettlementRecord.Clearing("21", "1", treatmentRegion, place, insuredRegion,
                                treatmentRegion),
                        new SettlementRecord.Amounts(hifp, hifp, hifp, Money.ZERO, Money.ZERO, Money.ZERO, Money.ZERO),
                        List.of(), null);
                rows.add(new SettlementStore.Row(r, SettlementStore.period(r.settledMonth()), "hash-" + id));
            }
            store.write(rows, batch);
        });
    }
}

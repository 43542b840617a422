package org.medfund.settlement.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.medfund.common.Money;

/**
 * The pure rules of reconciliation: comparing the hospital's totals and records with the agency's, and which cycle
 * an application joins given its deadline. No database, no clock: tests drive them directly.
 */
final class ReconciliationRules {

    /** A late application is moved at most this many cycles; beyond that something is wrong with the dates. */
    static final int CYCLES_AHEAD_MAX = 24;

    static final String MATCHED = "0";
    /** A 3201 group whose count or amounts differ. */
    static final String GROUP_DIFFERS = "1";
    static final String AGENCY_ONLY = "1";
    static final String HOSPITAL_ONLY = "2";
    static final String AMOUNTS_DIFFER = "3";

    private ReconciliationRules() {
    }

    /** One 3201 group: an insurance type and a clearing type, ordered by both. */
    record GroupKey(String insuranceType, String clearingType) implements Comparable<GroupKey> {

        private static final java.util.Comparator<GroupKey> ORDER = java.util.Comparator
                .comparing(GroupKey::insuranceType).thenComparing(GroupKey::clearingType);

        @Override
        public int compareTo(GroupKey other) {
            return ORDER.compare(this, other);
        }
    }

    /** Totals of one group (insutype × clr_type): what 3201 compares. */
    record Figures(long count, Money medfeeSum, Money fundPaySum, Money accountPay) {
        static final Figures NONE = new Figures(0, Money.ZERO, Money.ZERO, Money.ZERO);
    }

    /** One compared group: stmt_rslt 0 when count and the three amounts are equal, else 1. */
    record GroupResult(String insuranceType, String clearingType, Figures hospital, Figures agency,
                       String result) {
    }

    /** One record in a 3202 comparison with its stmt_rslt (1, 2 or 3; matched records are only counted). */
    record RecordResult(String setlId, String result, Figures hospital, Figures agency) {
    }

    /** Amounts of one record: medfee, fund, account (count 1). */
    static Figures record(Money medfee, Money fund, Money account) {
        return new Figures(1, medfee, fund, account);
    }

    /** Compares groups by key; a group on one side only is compared against zeros. */
    static List<GroupResult> compareTotals(Map<GroupKey, Figures> hospital, Map<GroupKey, Figures> agency) {
        Set<GroupKey> keys = new java.util.TreeSet<>(hospital.keySet());
        keys.addAll(agency.keySet());
        List<GroupResult> results = new ArrayList<>();
        for (GroupKey key : keys) {
            Figures h = hospital.getOrDefault(key, Figures.NONE);
            Figures a = agency.getOrDefault(key, Figures.NONE);
            results.add(new GroupResult(key.insuranceType(), key.clearingType(), h, a, h.equals(a) ? MATCHED
                    : GROUP_DIFFERS));
        }
        return results;
    }

    /** 3202: every setl_id on either side; returns the non-matching ones, sorted by setl_id. */
    static List<RecordResult> compareRecords(Map<String, Figures> hospital, Map<String, Figures> agency) {
        Map<String, RecordResult> out = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, Figures> h : hospital.entrySet()) {
            seen.add(h.getKey());
            Figures a = agency.get(h.getKey());
            if (a == null) {
                out.put(h.getKey(), new RecordResult(h.getKey(), HOSPITAL_ONLY, h.getValue(), null));
            } else if (!a.equals(h.getValue())) {
                out.put(h.getKey(), new RecordResult(h.getKey(), AMOUNTS_DIFFER, h.getValue(), a));
            }
        }
        for (Map.Entry<String, Figures> a : agency.entrySet()) {
            if (!seen.contains(a.getKey())) {
                out.put(a.getKey(), new RecordResult(a.getKey(), AGENCY_ONLY, null, a.getValue()));
            }
        }
        return List.copyOf(out.values());
    }

    /**
     * The cycle an application for month M joins (henan-2023 三(一), hainan-2020 art. 16): M itself when applied on or
     * before M's due date, else the first later cycle whose due date the application meets ("顺延至下个月结算").
     * Without a deadline rule the month is never late.
     */
    static YearMonth cycle(YearMonth period, LocalDate appliedOn, Function<YearMonth, LocalDate> dueDate) {
        YearMonth cycle = period;
        for (int i = 0; i <= CYCLES_AHEAD_MAX; i++) {
            LocalDate due = dueDate.apply(cycle);
            if (due == null || !appliedOn.isAfter(due)) {
                return cycle;
            }
            cycle = cycle.plusMonths(1);
        }
        throw new IllegalStateException("application on " + appliedOn + " is more than " + CYCLES_AHEAD_MAX
                + " cycles after " + period);
    }
}

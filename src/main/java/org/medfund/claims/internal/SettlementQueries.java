package org.medfund.claims.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.medfund.claims.PlaceOfSettlement;
import org.medfund.claims.SettlementRecords;
import org.medfund.claims.SettlementTotals;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Reads of stored settlements for other capabilities. Sums are over the stored period (the month the agency
 * accounts a record in), so they agree with what was reconciled and paid.
 */
@Repository
class SettlementQueries implements SettlementTotals, SettlementRecords {

    private static final String GROUP_SELECT = """
            select fixmedins_code, insutype, clr_type, count(*) as cnt, sum(medfee_sumamt) as medfee,
                   sum(hifp_pay) as hifp, sum(fund_pay_sumamt) as fund, sum(acct_pay) as acct,
                   sum(psn_cash_pay) as cash
            from claims_settlement""";

    private final JdbcClient jdbc;
    private final SettlementStore store;

    SettlementQueries(JdbcClient jdbc, SettlementStore store) {
        this.jdbc = jdbc;
        this.store = store;
    }

    @Override
    public SortedMap<YearMonth, Money> pooledFundPayByMonth(String hospitalCode, String insuranceType, Year year,
                                                            Set<PlaceOfSettlement> places) {
        SortedMap<YearMonth, Money> byMonth = new TreeMap<>();
        if (places.isEmpty()) {
            return byMonth;
        }
        jdbc.sql("""
                select period, sum(hifp_pay) as hifp from claims_settlement
                where fixmedins_code = :h and period between :from and :to and insutype = :t and pay_loc in (:places)
                group by period""")
                .param("h", hospitalCode).param("t", insuranceType)
                .param("from", year.getValue() * 100 + 1).param("to", year.getValue() * 100 + 12)
                .param("places", places.stream().map(PlaceOfSettlement::payLoc).toList())
                .query((rs, n) -> {
                    byMonth.put(SettlementStore.month(rs.getInt("period")), Money.ofFen(rs.getLong("hifp")));
                    return null;
                }).list();
        return byMonth;
    }

    @Override
    public List<CrossRegionMonth> inProvinceCrossRegion(String provinceCode, Year year) {
        if (provinceCode == null || !provinceCode.matches("\\d{2}0000")) {
            throw new Rejection("claims.bad-province", "provinceCode", "省级行政区划代码须为 6 位且以 0000 结尾");
        }
        return jdbc.sql("""
                select insuplc_admdvs, mdtrtarea_admvs, insutype, period, sum(hifp_pay) as hifp
                from claims_settlement
                where period between :from and :to and pay_loc = :loc and insuplc_admdvs like :province
                group by insuplc_admdvs, mdtrtarea_admvs, insutype, period
                order by insuplc_admdvs, insutype, period, mdtrtarea_admvs""")
                .param("from", year.getValue() * 100 + 1).param("to", year.getValue() * 100 + 12)
                .param("loc", PlaceOfSettlement.IN_PROVINCE.payLoc())
                .param("province", provinceCode.substring(0, 2) + "%")
                .query((rs, n) -> new CrossRegionMonth(rs.getString(1), rs.getString(2), rs.getString(3),
                        SettlementStore.month(rs.getInt(4)), Money.ofFen(rs.getLong(5))))
                .list();
    }

    @Override
    public Money pooledFundPay(String hospitalCode, String insuranceType, YearMonth from, YearMonth to,
                               Set<PlaceOfSettlement> places) {
        if (to.isBefore(from)) {
            throw new Rejection("claims.bad-range", "to", "结束月份早于开始月份");
        }
        if (places.isEmpty()) {
            return Money.ZERO;
        }
        Long fen = jdbc.sql("""
                select coalesce(sum(hifp_pay), 0) from claims_settlement
                where fixmedins_code = :h and period between :from and :to and insutype = :t
                  and pay_loc in (:places)""")
                .param("h", hospitalCode).param("t", insuranceType)
                .param("from", SettlementStore.period(from)).param("to", SettlementStore.period(to))
                .param("places", places.stream().map(PlaceOfSettlement::payLoc).toList())
                .query(Long.class).single();
        return Money.ofFen(fen);
    }

    @Override
    public List<GroupTotal> totals(String hospitalCode, YearMonth period) {
        return totals(List.of(hospitalCode), period).getOrDefault(hospitalCode, List.of());
    }

    @Override
    public Map<String, List<GroupTotal>> totals(Collection<String> hospitalCodes, YearMonth period) {
        Map<String, List<GroupTotal>> byHospital = new LinkedHashMap<>();
        List<String> codes = new ArrayList<>(hospitalCodes);
        for (int from = 0; from < codes.size(); from += SettlementStore.LOOKUP_CHUNK_MAX) {
            List<String> chunk = codes.subList(from, Math.min(codes.size(), from + SettlementStore.LOOKUP_CHUNK_MAX));
            jdbc.sql(GROUP_SELECT + " where period = :p and fixmedins_code in (:h)"
                            + " group by fixmedins_code, insutype, clr_type order by fixmedins_code, insutype, clr_type")
                    .param("p", SettlementStore.period(period)).param("h", chunk)
                    .query((rs, n) -> {
                        byHospital.computeIfAbsent(rs.getString("fixmedins_code"), k -> new ArrayList<>())
                                .add(group(rs));
                        return null;
                    }).list();
        }
        return byHospital;
    }

    private static GroupTotal group(ResultSet rs) throws SQLException {
        return new GroupTotal(rs.getString("insutype"), rs.getString("clr_type"), rs.getLong("cnt"),
                Money.ofFen(rs.getLong("medfee")), Money.ofFen(rs.getLong("hifp")), Money.ofFen(rs.getLong("fund")),
                Money.ofFen(rs.getLong("acct")), Money.ofFen(rs.getLong("cash")));
    }

    @Override
    public Map<String, RecordAmounts> records(String hospitalCode, YearMonth period) {
        Map<String, RecordAmounts> records = new HashMap<>();
        jdbc.sql("""
                select setl_id, insutype, clr_type, medfee_sumamt, fund_pay_sumamt, acct_pay from claims_settlement
                where fixmedins_code = :h and period = :p""")
                .param("h", hospitalCode).param("p", SettlementStore.period(period))
                .query((rs, n) -> new RecordAmounts(rs.getString(1), rs.getString(2), rs.getString(3),
                        Money.ofFen(rs.getLong(4)), Money.ofFen(rs.getLong(5)), Money.ofFen(rs.getLong(6))))
                .list().forEach(r -> records.put(r.setlId(), r));
        return records;
    }

    @Override
    public boolean closeMonth(String hospitalCode, YearMonth period, Instant at) {
        return store.lock(hospitalCode, SettlementStore.period(period), at);
    }

    @Override
    public boolean isMonthClosed(String hospitalCode, YearMonth period) {
        return store.lockedPeriods(hospitalCode).contains(SettlementStore.period(period));
    }
}

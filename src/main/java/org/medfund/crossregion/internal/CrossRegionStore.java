package org.medfund.crossregion.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfund.common.Money;
import org.medfund.crossregion.BenefitRule;
import org.medfund.crossregion.Designation;
import org.medfund.crossregion.FeeDetail;
import org.medfund.crossregion.Filing;
import org.medfund.crossregion.FilingSource;
import org.medfund.crossregion.FilingType;
import org.medfund.crossregion.SettlementState;
import org.medfund.crossregion.Suspension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** All SQL of crossregion. */
@Repository
class CrossRegionStore {

    private static final String FILING_COLUMNS = "id, card_no, person_name, insured_region, insurance_type,"
            + " filing_type, target_region, valid_from, valid_to, filed_by, source";
    private static final String SETTLEMENT_COLUMNS = "id, hospital_code, setl_id, fingerprint, filing_id, card_no,"
            + " insured_region, treatment_region, insurance_type, settled_on, state, total_fen, fund_fen, account_fen,"
            + " cash_fen, lines_text, grade, deductible_fen, ratio, annual_cap_fen, used_before_fen,"
            + " account_before_fen, catalogue_citation, benefit_citation, reversed_on";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    CrossRegionStore(JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.template = template;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    // --- filings ---

    /** The next filing number of an insured region, gapless per region (the row lock serialises filers). */
    long nextFilingNo(String insuredRegion) {
        jdbc.sql("insert into cr_filing_seq (insured_region, next_no) values (:r, 1) on conflict do nothing")
                .param("r", insuredRegion).update();
        long no = jdbc.sql("select next_no from cr_filing_seq where insured_region = :r for update")
                .param("r", insuredRegion).query(Long.class).single();
        jdbc.sql("update cr_filing_seq set next_no = next_no + 1 where insured_region = :r")
                .param("r", insuredRegion).update();
        return no;
    }

    void insertFiling(Filing f) {
        jdbc.sql("insert into cr_filing (" + FILING_COLUMNS + ", created_at) values (:id, :card, :name, :insured,"
                        + " :insutype, :type, :target, :from, :to, :by, :source, :at)")
                .param("id", f.id()).param("card", f.cardNo()).param("name", f.personName())
                .param("insured", f.insuredRegionCode()).param("insutype", f.insuranceType())
                .param("type", f.type().name()).param("target", f.targetRegionCode())
                .param("from", Date.valueOf(f.validFrom())).param("to", date(f.validTo()))
                .param("by", f.filedByOrgCode()).param("source", f.source().name()).param("at", now())
                .update();
    }

    Optional<Filing> filing(String id) {
        return jdbc.sql("select " + FILING_COLUMNS + " from cr_filing where id = :id").param("id", id)
                .query(CrossRegionStore::filingRow).optional();
    }

    List<Filing> filingsOfCard(String cardNo) {
        return jdbc.sql("select " + FILING_COLUMNS + " from cr_filing where card_no = :card order by valid_from, id")
                .param("card", cardNo).query(CrossRegionStore::filingRow).list();
    }

    List<Filing> filingsOfRegions(List<String> regions) {
        return jdbc.sql("select " + FILING_COLUMNS + " from cr_filing where insured_region in (:regions)"
                        + " order by insured_region, id")
                .param("regions", regions).query(CrossRegionStore::filingRow).list();
    }

    private static Filing filingRow(ResultSet rs, int n) throws SQLException {
        return new Filing(rs.getString("id"), rs.getString("card_no"), rs.getString("person_name"),
                rs.getString("insured_region"), rs.getString("insurance_type"),
                FilingType.valueOf(rs.getString("filing_type")), rs.getString("target_region"),
                rs.getDate("valid_from").toLocalDate(), localDate(rs.getDate("valid_to")), rs.getString("filed_by"),
                FilingSource.valueOf(rs.getString("source")));
    }

    // --- designations ---

    void insertDesignation(String hospital, LocalDate from, LocalDate to, String by) {
        jdbc.sql("insert into cr_designation (hospital_code, effective_from, effective_to, designated_by, created_at)"
                        + " values (:h, :from, :to, :by, :at)")
                .param("h", hospital).param("from", Date.valueOf(from)).param("to", date(to)).param("by", by)
                .param("at", now()).update();
    }

    record DesignationRow(String hospitalCode, LocalDate from, LocalDate to, String by) {
    }

    List<DesignationRow> designations(String hospital) {
        return jdbc.sql("select hospital_code, effective_from, effective_to, designated_by from cr_designation"
                        + (hospital == null ? "" : " where hospital_code = :h")
                        + " order by hospital_code, effective_from")
                .params(hospital == null ? java.util.Map.of() : java.util.Map.of("h", hospital))
                .query((rs, n) -> new DesignationRow(rs.getString(1), rs.getDate(2).toLocalDate(),
                        localDate(rs.getDate(3)), rs.getString(4)))
                .list();
    }

    // --- suspensions ---

    long insertSuspension(String region, LocalDate startedOn, String reason, String by) {
        jdbc.sql("insert into cr_suspension (region_code, started_on, reason, suspended_by, created_at)"
                        + " values (:r, :on, :reason, :by, :at)")
                .param("r", region).param("on", Date.valueOf(startedOn)).param("reason", reason).param("by", by)
                .param("at", now()).update();
        return jdbc.sql("select max(id) from cr_suspension where region_code = :r").param("r", region)
                .query(Long.class).single();
    }

    record SuspensionRow(long id, String region, LocalDate startedOn, String reason, LocalDate liftedOn,
                         String suspendedBy, String liftedBy) {
    }

    private static final String SUSPENSION_COLUMNS =
            "id, region_code, started_on, reason, lifted_on, suspended_by, lifted_by";

    private static SuspensionRow suspensionRow(ResultSet rs, int n) throws SQLException {
        return new SuspensionRow(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate(), rs.getString(4),
                localDate(rs.getDate(5)), rs.getString(6), rs.getString(7));
    }

    Optional<SuspensionRow> suspension(long id) {
        return jdbc.sql("select " + SUSPENSION_COLUMNS + " from cr_suspension where id = :id").param("id", id)
                .query(CrossRegionStore::suspensionRow).optional();
    }

    List<SuspensionRow> suspensions() {
        return jdbc.sql("select " + SUSPENSION_COLUMNS + " from cr_suspension order by started_on desc, id desc")
                .query(CrossRegionStore::suspensionRow).list();
    }

    List<SuspensionRow> suspensionsOf(List<String> regions) {
        return jdbc.sql("select " + SUSPENSION_COLUMNS + " from cr_suspension where region_code in (:regions)")
                .param("regions", regions).query(CrossRegionStore::suspensionRow).list();
    }

    void lift(long id, LocalDate liftedOn, String by) {
        jdbc.sql("update cr_suspension set lifted_on = :on, lifted_by = :by where id = :id")
                .param("on", Date.valueOf(liftedOn)).param("by", by).param("id", id).update();
    }

    // --- benefit rules and accounts ---

    void upsertBenefitRule(BenefitRule r, String by) {
        jdbc.sql("delete from cr_benefit_rule where insured_region = :r and insurance_type = :t and benefit_year = :y")
                .param("r", r.insuredRegionCode()).param("t", r.insuranceType()).param("y", r.year()).update();
        jdbc.sql("""
                insert into cr_benefit_rule (insured_region, insurance_type, benefit_year, deductible_g1_fen, deductible_g2_fen,
                    deductible_g3_fen, ratio_g1, ratio_g2, ratio_g3, annual_cap_fen, set_by, updated_at)
                values (:r, :t, :y, :d1, :d2, :d3, :r1, :r2, :r3, :cap, :by, :at)""")
                .param("r", r.insuredRegionCode()).param("t", r.insuranceType()).param("y", r.year())
                .param("d1", r.terms(1).deductible().fen()).param("d2", r.terms(2).deductible().fen())
                .param("d3", r.terms(3).deductible().fen()).param("r1", r.terms(1).ratio())
                .param("r2", r.terms(2).ratio()).param("r3", r.terms(3).ratio())
                .param("cap", r.annualCap().fen()).param("by", by).param("at", now()).update();
    }

    List<BenefitRule> benefitRules(List<String> regions, String insuranceType, int year) {
        return jdbc.sql("select * from cr_benefit_rule where insured_region in (:regions) and benefit_year = :y"
                        + (insuranceType == null ? "" : " and insurance_type = :t")
                        + " order by insured_region, insurance_type")
                .param("regions", regions).param("y", year).param("t", insuranceType == null ? "" : insuranceType)
                .query((rs, n) -> new BenefitRule(rs.getString("insured_region"), rs.getString("insurance_type"),
                        rs.getInt("benefit_year"), List.of(
                                terms(1, rs.getLong("deductible_g1_fen"), rs.getBigDecimal("ratio_g1")),
                                terms(2, rs.getLong("deductible_g2_fen"), rs.getBigDecimal("ratio_g2")),
                                terms(3, rs.getLong("deductible_g3_fen"), rs.getBigDecimal("ratio_g3"))),
                        Money.ofFen(rs.getLong("annual_cap_fen"))))
                .list();
    }

    private static BenefitRule.GradeTerms terms(int grade, long deductibleFen, BigDecimal ratio) {
        return new BenefitRule.GradeTerms(grade, Money.ofFen(deductibleFen), ratio.stripTrailingZeros());
    }

    void setAccount(String region, String card, long balanceFen) {
        jdbc.sql("delete from cr_account where insured_region = :r and card_no = :c")
                .param("r", region).param("c", card).update();
        jdbc.sql("insert into cr_account (insured_region, card_no, balance_fen, updated_at) values (:r, :c, :b, :at)")
                .param("r", region).param("c", card).param("b", balanceFen).param("at", now()).update();
    }

    long account(String region, String card, boolean lock) {
        return jdbc.sql("select balance_fen from cr_account where insured_region = :r and card_no = :c"
                        + (lock ? " for update" : ""))
                .param("r", region).param("c", card).query(Long.class).optional().orElse(0L);
    }

    void addToAccount(String region, String card, long deltaFen) {
        jdbc.sql("update cr_account set balance_fen = balance_fen + :d, updated_at = :at"
                        + " where insured_region = :r and card_no = :c")
                .param("d", deltaFen).param("at", now()).param("r", region).param("c", card).update();
    }

    // --- annual use ---

    record UseKey(String insuredRegion, String cardNo, String insuranceType, int year) {
    }

    long annualUse(UseKey key, boolean lock) {
        if (lock) {
            jdbc.sql("insert into cr_annual_use (insured_region, card_no, insurance_type, benefit_year, fund_paid_fen)"
                            + " values (:r, :c, :t, :y, 0) on conflict do nothing")
                    .param("r", key.insuredRegion()).param("c", key.cardNo()).param("t", key.insuranceType())
                    .param("y", key.year()).update();
        }
        return jdbc.sql("select fund_paid_fen from cr_annual_use where insured_region = :r and card_no = :c"
                        + " and insurance_type = :t and benefit_year = :y" + (lock ? " for update" : ""))
                .param("r", key.insuredRegion()).param("c", key.cardNo()).param("t", key.insuranceType())
                .param("y", key.year()).query(Long.class).optional().orElse(0L);
    }

    void addToAnnualUse(UseKey key, long deltaFen) {
        jdbc.sql("update cr_annual_use set fund_paid_fen = fund_paid_fen + :d where insured_region = :r"
                        + " and card_no = :c and insurance_type = :t and benefit_year = :y")
                .param("d", deltaFen).param("r", key.insuredRegion()).param("c", key.cardNo())
                .param("t", key.insuranceType()).param("y", key.year()).update();
    }

    // --- the discharge desk's reads, in one statement ---

    /**
     * Everything a settlement or preview reads besides the hospital, as one statement (the desk's hot path: each
     * round trip costs both the application and the database server CPU): whether the insurance type exists, whether
     * the hospital is designated on the date, an earlier settlement of the setl_id (its fingerprint), the first
     * suspension of the insured region's lineage active on the date, the person's year-to-date use and account
     * balance (null: no row yet), the card's filings in the insured region and the benefit rules of the lineage for
     * the year. The last two are joined to one row of scalars, so the answer has max(1, filings) × max(1, rules)
     * rows, a handful at most.
     *
     * @param lineage the insured region and its ancestors, not empty
     */
    DeskContext deskContext(String hospital, String setlId, UseKey key, LocalDate date, List<String> lineage) {
        Map<String, Filing> filings = new LinkedHashMap<>();
        Map<String, BenefitRule> rules = new LinkedHashMap<>();
        DeskContext[] scalars = {null};
        jdbc.sql("""
                select
                  (select count(*) from registry_insurance_type where code = :t) as insutype_known,
                  (select count(*) from cr_designation where hospital_code = :h and effective_from <= :d
                     and (effective_to is null or effective_to >= :d)) as designated,
                  (select fingerprint from cr_settlement where hospital_code = :h and setl_id = :s) as earlier,
                  (select min(id) from cr_suspension where region_code in (:lineage) and started_on <= :d
                     and (lifted_on is null or lifted_on > :d)) as suspension_id,
                  (select fund_paid_fen from cr_annual_use where insured_region = :r and card_no = :c
                     and insurance_type = :t and benefit_year = :y) as used_fen,
                  (select balance_fen from cr_account where insured_region = :r and card_no = :c) as balance_fen,
                  f.id, f.card_no, f.person_name, f.insured_region, f.insurance_type, f.filing_type,
                  f.target_region, f.valid_from, f.valid_to, f.filed_by, f.source,
                  b.insured_region as rule_region, b.deductible_g1_fen, b.deductible_g2_fen, b.deductible_g3_fen,
                  b.ratio_g1, b.ratio_g2, b.ratio_g3, b.annual_cap_fen
                from (select 1 as one) x
                left join cr_filing f on f.card_no = :c and f.insured_region = :r
                left join cr_benefit_rule b on b.insured_region in (:lineage) and b.insurance_type = :t
                  and b.benefit_year = :y""")
                .param("t", key.insuranceType()).param("h", hospital).param("d", Date.valueOf(date))
                .param("s", setlId).param("lineage", lineage).param("r", key.insuredRegion())
                .param("c", key.cardNo()).param("y", key.year())
                .query(rs -> {
                    if (scalars[0] == null) {
                        scalars[0] = new DeskContext(rs.getLong("insutype_known") > 0, rs.getLong("designated") > 0,
                                rs.getString("earlier"), (Long) rs.getObject("suspension_id", Long.class),
                                (Long) rs.getObject("used_fen", Long.class),
                                (Long) rs.getObject("balance_fen", Long.class), List.of(), List.of());
                    }
                    if (rs.getString("id") != null) {
                        filings.putIfAbsent(rs.getString("id"), filingRow(rs, 0));
                    }
                    String ruleRegion = rs.getString("rule_region");
                    if (ruleRegion != null) {
                        rules.putIfAbsent(ruleRegion, new BenefitRule(ruleRegion, key.insuranceType(), key.year(),
                                List.of(terms(1, rs.getLong("deductible_g1_fen"), rs.getBigDecimal("ratio_g1")),
                                        terms(2, rs.getLong("deductible_g2_fen"), rs.getBigDecimal("ratio_g2")),
                                        terms(3, rs.getLong("deductible_g3_fen"), rs.getBigDecimal("ratio_g3"))),
                                Money.ofFen(rs.getLong("annual_cap_fen"))));
                    }
                });
        DeskContext row = scalars[0];
        List<Filing> ordered = new ArrayList<>(filings.values());
        ordered.sort(Comparator.comparing(Filing::validFrom).thenComparing(Filing::id));
        return new DeskContext(row.insuranceTypeKnown(), row.designated(), row.earlierFingerprint(),
                row.activeSuspensionId(), row.usedFen(), row.balanceFen(), ordered, List.copyOf(rules.values()));
    }

    /**
     * @param earlierFingerprint of a settlement already booked under the setl_id, else null
     * @param activeSuspensionId the first suspension of the lineage active on the date, else null
     * @param usedFen the year-to-date use row's value, null when the person has none yet
     * @param balanceFen the account row's balance, null when there is none
     * @param filings the card's filings in the insured region, by valid_from and id
     * @param rules the lineage's benefit rules for the insurance type and year, in no particular order
     */
    record DeskContext(boolean insuranceTypeKnown, boolean designated, String earlierFingerprint,
                       Long activeSuspensionId, Long usedFen, Long balanceFen, List<Filing> filings,
                       List<BenefitRule> rules) {
    }

    /**
     * Adds a settlement's fund pay to the person's year-to-date use if it is still {@code expectedFen} (null: there
     * is no row yet), the value the calculation read; false when another settlement or reversal changed it since
     * (the caller then locks the row and calculates again). Under PostgreSQL's read committed the update re-checks
     * its condition against the latest committed row, so the cap can never be passed by two concurrent bills.
     */
    boolean addToAnnualUseIf(UseKey key, Long expectedFen, long deltaFen) {
        if (expectedFen == null) {
            return jdbc.sql("insert into cr_annual_use (insured_region, card_no, insurance_type, benefit_year,"
                            + " fund_paid_fen) values (:r, :c, :t, :y, :d) on conflict do nothing")
                    .param("r", key.insuredRegion()).param("c", key.cardNo()).param("t", key.insuranceType())
                    .param("y", key.year()).param("d", deltaFen).update() == 1;
        }
        return jdbc.sql("update cr_annual_use set fund_paid_fen = fund_paid_fen + :d where insured_region = :r"
                        + " and card_no = :c and insurance_type = :t and benefit_year = :y and fund_paid_fen = :e")
                .param("d", deltaFen).param("r", key.insuredRegion()).param("c", key.cardNo())
                .param("t", key.insuranceType()).param("y", key.year()).param("e", expectedFen).update() == 1;
    }

    /**
     * A batch's change of one person's year-to-date use: {@code deltaFen} added if the row still holds
     * {@code expectedFen} (null: there is no row yet), as {@link #addToAnnualUseIf} does for one bill.
     */
    record UseChange(UseKey key, Long expectedFen, long deltaFen) {
    }

    /**
     * {@link #addToAnnualUseIf} for a batch, the changes of distinct persons in two JDBC batches (new rows, then
     * updates); false when any row changed since it was read (the caller rolls the batch back).
     */
    boolean addToAnnualUseIfAll(List<UseChange> changes) {
        List<UseChange> inserts = changes.stream().filter(c -> c.expectedFen() == null).toList();
        List<UseChange> updates = changes.stream().filter(c -> c.expectedFen() != null).toList();
        int[][] inserted = inserts.isEmpty() ? new int[0][] : template.batchUpdate("insert into cr_annual_use"
                + " (insured_region, card_no, insurance_type, benefit_year, fund_paid_fen) values (?, ?, ?, ?, ?)"
                + " on conflict do nothing", inserts, inserts.size(), (ps, c) -> {
                    useKey(ps, 1, c.key());
                    ps.setLong(5, c.deltaFen());
                });
        int[][] updated = updates.isEmpty() ? new int[0][] : template.batchUpdate("update cr_annual_use"
                + " set fund_paid_fen = fund_paid_fen + ? where insured_region = ? and card_no = ?"
                + " and insurance_type = ? and benefit_year = ? and fund_paid_fen = ?", updates, updates.size(),
                (ps, c) -> {
                    ps.setLong(1, c.deltaFen());
                    useKey(ps, 2, c.key());
                    ps.setLong(6, c.expectedFen());
                });
        return allOne(inserted) && allOne(updated);
    }

    private static void useKey(java.sql.PreparedStatement ps, int from, UseKey key) throws SQLException {
        ps.setString(from, key.insuredRegion());
        ps.setString(from + 1, key.cardNo());
        ps.setString(from + 2, key.insuranceType());
        ps.setInt(from + 3, key.year());
    }

    /** Every row of a JDBC batch changed exactly one row (a driver may answer SUCCESS_NO_INFO, -2, per row). */
    private static boolean allOne(int[][] counts) {
        for (int[] chunk : counts) {
            for (int count : chunk) {
                if (count != 1 && count != java.sql.Statement.SUCCESS_NO_INFO) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Takes an account payment if the balance is still {@code expectedFen}; false when it changed meanwhile. */
    boolean takeFromAccountIf(String region, String card, long expectedFen, long payFen) {
        return jdbc.sql("update cr_account set balance_fen = balance_fen - :p, updated_at = :at"
                        + " where insured_region = :r and card_no = :c and balance_fen = :e")
                .param("p", payFen).param("at", now()).param("r", region).param("c", card).param("e", expectedFen)
                .update() == 1;
    }

    // --- settlements ---

    /** A settlement as stored: its amounts and the inputs its derivation is recomputed from. */
    record SettlementRow(String id, String hospitalCode, String setlId, String fingerprint, String filingId,
                         String cardNo, String insuredRegion, String treatmentRegion, String insuranceType,
                         LocalDate settledOn, SettlementState state, long totalFen, long fundFen, long accountFen,
                         long cashFen, String linesText, int grade, long deductibleFen, BigDecimal ratio,
                         long annualCapFen, long usedBeforeFen, long accountBeforeFen, String catalogueCitation,
                         String benefitCitation, LocalDate reversedOn) {
    }

    void insertSettlement(SettlementRow s) {
        jdbc.sql("insert into cr_settlement (" + SETTLEMENT_COLUMNS + ", created_at) values (:id, :h, :setl, :fp,"
                        + " :filing, :card, :insured, :treatment, :insutype, :on, :state, :total, :fund, :account,"
                        + " :cash, :lines, :grade, :deductible, :ratio, :cap, :used, :accountBefore, :catalogue,"
                        + " :benefit, :reversed, :at)")
                .param("id", s.id()).param("h", s.hospitalCode()).param("setl", s.setlId())
                .param("fp", s.fingerprint()).param("filing", s.filingId()).param("card", s.cardNo())
                .param("insured", s.insuredRegion()).param("treatment", s.treatmentRegion())
                .param("insutype", s.insuranceType()).param("on", Date.valueOf(s.settledOn()))
                .param("state", s.state().name()).param("total", s.totalFen()).param("fund", s.fundFen())
                .param("account", s.accountFen()).param("cash", s.cashFen()).param("lines", s.linesText())
                .param("grade", s.grade()).param("deductible", s.deductibleFen()).param("ratio", s.ratio())
                .param("cap", s.annualCapFen()).param("used", s.usedBeforeFen())
                .param("accountBefore", s.accountBeforeFen()).param("catalogue", s.catalogueCitation())
                .param("benefit", s.benefitCitation()).param("reversed", date(s.reversedOn())).param("at", now())
                .update();
    }

    /** {@link #insertSettlement} for a batch's settlements, in one JDBC batch. */
    void insertSettlements(List<SettlementRow> rows) {
        Timestamp at = now();
        template.batchUpdate("insert into cr_settlement (" + SETTLEMENT_COLUMNS + ", created_at) values (?, ?, ?, ?,"
                + " ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", rows, rows.size(), (ps, s) -> {
                    ps.setString(1, s.id());
                    ps.setString(2, s.hospitalCode());
                    ps.setString(3, s.setlId());
                    ps.setString(4, s.fingerprint());
                    ps.setString(5, s.filingId());
                    ps.setString(6, s.cardNo());
                    ps.setString(7, s.insuredRegion());
                    ps.setString(8, s.treatmentRegion());
                    ps.setString(9, s.insuranceType());
                    ps.setDate(10, Date.valueOf(s.settledOn()));
                    ps.setString(11, s.state().name());
                    ps.setLong(12, s.totalFen());
                    ps.setLong(13, s.fundFen());
                    ps.setLong(14, s.accountFen());
                    ps.setLong(15, s.cashFen());
                    ps.setString(16, s.linesText());
                    ps.setInt(17, s.grade());
                    ps.setLong(18, s.deductibleFen());
                    ps.setBigDecimal(19, s.ratio());
                    ps.setLong(20, s.annualCapFen());
                    ps.setLong(21, s.usedBeforeFen());
                    ps.setLong(22, s.accountBeforeFen());
                    ps.setString(23, s.catalogueCitation());
                    ps.setString(24, s.benefitCitation());
                    ps.setDate(25, date(s.reversedOn()));
                    ps.setTimestamp(26, at);
                });
    }

    Optional<SettlementRow> settlement(String hospital, String setlId, boolean lock) {
        return jdbc.sql("select " + SETTLEMENT_COLUMNS + " from cr_settlement where hospital_code = :h"
                        + " and setl_id = :s" + (lock ? " for update" : ""))
                .param("h", hospital).param("s", setlId)
                .query((rs, n) -> new SettlementRow(rs.getString("id"), rs.getString("hospital_code"),
                        rs.getString("setl_id"), rs.getString("fingerprint"), rs.getString("filing_id"),
                        rs.getString("card_no"), rs.getString("insured_region"), rs.getString("treatment_region"),
                        rs.getString("insurance_type"), rs.getDate("settled_on").toLocalDate(),
                        SettlementState.valueOf(rs.getString("state")), rs.getLong("total_fen"),
                        rs.getLong("fund_fen"), rs.getLong("account_fen"), rs.getLong("cash_fen"),
                        rs.getString("lines_text"), rs.getInt("grade"), rs.getLong("deductible_fen"),
                        rs.getBigDecimal("ratio").stripTrailingZeros(), rs.getLong("annual_cap_fen"),
                        rs.getLong("used_before_fen"), rs.getLong("account_before_fen"),
                        rs.getString("catalogue_citation"), rs.getString("benefit_citation"),
                        localDate(rs.getDate("reversed_on"))))
                .optional();
    }

    void markReversed(String id, LocalDate on) {
        jdbc.sql("update cr_settlement set state = :state, reversed_on = :on where id = :id")
                .param("state", SettlementState.REVERSED.name()).param("on", Date.valueOf(on)).param("id", id)
                .update();
    }

    int detailCount(String settlementId) {
        return jdbc.sql("select count(*) from cr_fee_detail where settlement_id = :id").param("id", settlementId)
                .query(Integer.class).single();
    }

    List<FeeDetail> details(String settlementId) {
        return jdbc.sql("select detail_no, item_code, item_name, category, catalogue_class, amount_fen"
                        + " from cr_fee_detail where settlement_id = :id order by line_no")
                .param("id", settlementId)
                .query((rs, n) -> new FeeDetail(rs.getString(1), rs.getString(2), rs.getString(3),
                        org.medfund.crossregion.FeeCategory.ofCode(rs.getString(4)).orElseThrow(),
                        org.medfund.crossregion.CatalogueClass.ofCode(rs.getString(5)).orElseThrow(),
                        Money.ofFen(rs.getLong(6))))
                .list();
    }

    void insertDetails(String settlementId, List<FeeDetail> details) {
        int lineNo = 0;
        for (FeeDetail d : details) {
            jdbc.sql("insert into cr_fee_detail (settlement_id, line_no, detail_no, item_code, item_name, category,"
                            + " catalogue_class, amount_fen) values (:s, :n, :no, :code, :name, :cat, :cls, :amt)")
                    .param("s", settlementId).param("n", ++lineNo).param("no", d.detailNo())
                    .param("code", d.itemCode()).param("name", d.itemName()).param("cat", d.category().code())
                    .param("cls", d.catalogueClass().code()).param("amt", d.amount().fen()).update();
        }
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static Date date(LocalDate date) {
        return date == null ? null : Date.valueOf(date);
    }

    private static LocalDate localDate(Date date) {
        return date == null ? null : date.toLocalDate();
    }
}

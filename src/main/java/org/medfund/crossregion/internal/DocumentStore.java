package org.medfund.crossregion.internal;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medfund.common.Money;
import org.medfund.crossregion.NationalDirection;
import org.medfund.crossregion.NationalFileKind;
import org.medfund.crossregion.NationalImport;
import org.medfund.crossregion.UsagePlan;
import org.medfund.crossregion.UsagePlanState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the usage plans ({@code cr_usage_plan}) and the national files ({@code cr_national_*}). */
@Repository
class DocumentStore {

    private static final String PLAN_COLUMNS = """
            id, province_region, plan_year, plan_quarter, lines, total_fen, derivation, state, generated_on, plan_due,
            transfer_due, transferred_on, received_on, transfer_id""";
    private static final String IMPORT_COLUMNS = """
            id, kind, province_region, file_name, file_sha256, subject, line_count, total_fen, imported_on,
            settled_on""";
    /** Lines are kept as text: {@code city|name|fen|source} per line, one plan has one line per city and one more. */
    private static final String LINE_SEPARATOR = "\n";

    private final JdbcClient jdbc;
    private final Clock clock;

    DocumentStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** A plan row; the province name and the derivation object are added by the engine. */
    record PlanRow(String id, String provinceCode, int year, int quarter, List<UsagePlan.PlanLine> lines, Money total,
                   String derivation, UsagePlanState state, LocalDate generatedOn, LocalDate planDue,
                   LocalDate transferDue, LocalDate transferredOn, LocalDate receivedOn, String transferId) {
    }

    record ImportRow(long id, NationalFileKind kind, String provinceCode, String fileName, String sha256,
                     String subject, int lineCount, Money total, LocalDate importedOn, LocalDate settledOn) {
    }

    /** A row of the national clearing detail as stored. */
    record ClearingRow(int lineNo, YearMonth month, NationalDirection direction, String cityRegionCode,
                       String treatmentRegion, String insuredRegion, String hospitalNo, String certNo,
                       String treatmentId, String settlementNo, LocalDate settledOn, Money medicalFee,
                       Money fundPay, String insuranceType) {
    }

    // --- usage plans ---

    void insertPlan(PlanRow p, String by) {
        jdbc.sql("""
                insert into cr_usage_plan (id, province_region, plan_year, plan_quarter, lines, total_fen, derivation,
                  state, generated_on, generated_by, plan_due, transfer_due, created_at)
                values (:id, :p, :y, :q, :lines, :total, :derivation, :state, :on, :by, :planDue, :transferDue,
                  :now)""")
                .param("id", p.id()).param("p", p.provinceCode()).param("y", p.year()).param("q", p.quarter())
                .param("lines", linesText(p.lines())).param("total", p.total().fen())
                .param("derivation", p.derivation()).param("state", p.state().name()).param("on", p.generatedOn())
                .param("by", by).param("planDue", p.planDue()).param("transferDue", p.transferDue())
                .param("now", Timestamp.from(clock.instant())).update();
    }

    Optional<PlanRow> plan(String id, boolean lock) {
        return jdbc.sql("select " + PLAN_COLUMNS + " from cr_usage_plan where id = :id" + (lock ? " for update" : ""))
                .param("id", id).query(DocumentStore::planRow).optional();
    }

    List<PlanRow> plans(int year, int quarter) {
        return jdbc.sql("select " + PLAN_COLUMNS + " from cr_usage_plan where plan_year = :y and plan_quarter = :q"
                + " order by province_region").param("y", year).param("q", quarter).query(DocumentStore::planRow)
                .list();
    }

    /** Moves a plan on; answers false when it was not in {@code from} (a concurrent step). */
    boolean stepPlan(String id, UsagePlanState from, UsagePlanState to, String dateColumn, LocalDate date) {
        return jdbc.sql("update cr_usage_plan set state = :to, " + dateColumn + " = :d"
                        + " where id = :id and state = :from")
                .param("to", to.name()).param("d", date).param("id", id).param("from", from.name()).update() == 1;
    }

    void setTransfer(String id, String transferId) {
        jdbc.sql("update cr_usage_plan set transfer_id = :t where id = :id").param("t", transferId).param("id", id)
                .update();
    }

    // --- national files ---

    Optional<ImportRow> importOf(NationalFileKind kind, String province, String subject) {
        return jdbc.sql("select " + IMPORT_COLUMNS + " from cr_national_import where kind = :k and province_region = :p"
                        + " and subject = :s").param("k", kind.name()).param("p", province).param("s", subject)
                .query(DocumentStore::importRow).optional();
    }

    Optional<ImportRow> importRow(long id, boolean lock) {
        return jdbc.sql("select " + IMPORT_COLUMNS + " from cr_national_import where id = :id"
                + (lock ? " for update" : "")).param("id", id).query(DocumentStore::importRow).optional();
    }

    List<ImportRow> imports(String province, int limit) {
        return jdbc.sql("select " + IMPORT_COLUMNS + " from cr_national_import where province_region = :p"
                        + " order by id desc limit :n").param("p", province).param("n", limit)
                .query(DocumentStore::importRow).list();
    }

    /** Whether the province has a notice of the kind (the first notice comes once). */
    boolean hasNotice(String province, NationalFileKind kind) {
        return jdbc.sql("select count(*) from cr_national_import where province_region = :p and kind = :k")
                .param("p", province).param("k", kind.name()).query(Long.class).single() > 0;
    }

    long insertImport(ImportRow row, String by) {
        jdbc.sql("""
                insert into cr_national_import (kind, province_region, file_name, file_sha256, subject, line_count,
                  total_fen, imported_on, imported_by, created_at)
                values (:kind, :p, :name, :sha, :subject, :n, :total, :on, :by, :now)""")
                .param("kind", row.kind().name()).param("p", row.provinceCode()).param("name", row.fileName())
                .param("sha", row.sha256()).param("subject", row.subject()).param("n", row.lineCount())
                .param("total", row.total().fen()).param("on", row.importedOn()).param("by", by)
                .param("now", Timestamp.from(clock.instant())).update();
        return importOf(row.kind(), row.provinceCode(), row.subject()).orElseThrow().id();
    }

    void insertPrepaymentLines(long importId, List<NationalImport.PrepaymentLine> lines) {
        for (NationalImport.PrepaymentLine l : lines) {
            jdbc.sql("""
                    insert into cr_national_prepayment_line (import_id, line_no, other_province, other_province_name,
                      pay_fen, receive_fen) values (:i, :n, :code, :name, :pay, :receive)""")
                    .param("i", importId).param("n", l.lineNo()).param("code", l.otherProvinceCode())
                    .param("name", l.otherProvinceName()).param("pay", l.pay().fen())
                    .param("receive", l.receive().fen()).update();
        }
    }

    List<NationalImport.PrepaymentLine> prepaymentLines(long importId) {
        return jdbc.sql("""
                select line_no, other_province, other_province_name, pay_fen, receive_fen
                from cr_national_prepayment_line where import_id = :i order by line_no""").param("i", importId)
                .query((rs, n) -> new NationalImport.PrepaymentLine(rs.getInt(1), rs.getString(2), rs.getString(3),
                        Money.ofFen(rs.getLong(4)), Money.ofFen(rs.getLong(5)))).list();
    }

    void insertClearingRows(long importId, List<ClearingRow> rows) {
        for (ClearingRow r : rows) {
            jdbc.sql("""
                    insert into cr_national_clearing_row (import_id, line_no, clearing_month, direction, city_region,
                      mdtrtarea_admvs, insuplc_admdvs, medins_no, certno, mdtrt_id, setl_sn, mdtrt_setl_time,
                      medfee_sumamt_fen, optins_pay_sumamt_fen, insutype)
                    values (:i, :n, :m, :dir, :city, :trt, :ins, :medins, :cert, :mdtrt, :setl, :time, :fee, :fund,
                      :type)""")
                    .param("i", importId).param("n", r.lineNo()).param("m", r.month().toString())
                    .param("dir", r.direction().name()).param("city", r.cityRegionCode())
                    .param("trt", r.treatmentRegion()).param("ins", r.insuredRegion()).param("medins", r.hospitalNo())
                    .param("cert", r.certNo()).param("mdtrt", r.treatmentId()).param("setl", r.settlementNo())
                    .param("time", r.settledOn()).param("fee", r.medicalFee().fen()).param("fund", r.fundPay().fen())
                    .param("type", r.insuranceType()).update();
        }
    }

    /** Per city and direction the month's rows summed: count, Σ medical fee, Σ fund pay. */
    record TotalRow(String cityRegionCode, NationalDirection direction, int rows, Money medicalFee, Money fundPay) {
    }

    /** @param province the importing province, or null for every province's imports */
    List<TotalRow> clearingTotals(String province, YearMonth month) {
        String where = province == null ? "" : " and i.province_region = :p";
        var sql = jdbc.sql("select r.city_region, r.direction, count(*), sum(r.medfee_sumamt_fen),"
                + " sum(r.optins_pay_sumamt_fen) from cr_national_clearing_row r"
                + " join cr_national_import i on i.id = r.import_id where r.clearing_month = :m" + where
                + " group by r.city_region, r.direction order by r.city_region, r.direction")
                .param("m", month.toString());
        if (province != null) {
            sql = sql.param("p", province);
        }
        return sql.query((rs, n) -> new TotalRow(rs.getString(1), NationalDirection.valueOf(rs.getString(2)),
                rs.getInt(3), Money.ofFen(rs.getLong(4)), Money.ofFen(rs.getLong(5)))).list();
    }

    void settled(long importId, LocalDate date, String by) {
        jdbc.sql("update cr_national_import set settled_on = :d, settled_by = :by"
                        + " where id = :id and settled_on is null")
                .param("d", date).param("by", by).param("id", importId).update();
    }

    private static String linesText(List<UsagePlan.PlanLine> lines) {
        List<String> text = new ArrayList<>();
        for (UsagePlan.PlanLine l : lines) {
            String line = String.join("|", l.cityRegionCode() == null ? "" : l.cityRegionCode(), l.name(),
                    String.valueOf(l.amount().fen()), l.source());
            if (line.contains(LINE_SEPARATOR) || line.split("\\|", -1).length != 4) {
                throw new IllegalStateException("plan line cannot be stored: " + line);
            }
            text.add(line);
        }
        return String.join(LINE_SEPARATOR, text);
    }

    private static List<UsagePlan.PlanLine> lines(String text) {
        List<UsagePlan.PlanLine> lines = new ArrayList<>();
        for (String line : text.split(LINE_SEPARATOR)) {
            if (line.isEmpty()) {
                continue;
            }
            String[] v = line.split("\\|", -1);
            lines.add(new UsagePlan.PlanLine(v[0].isEmpty() ? null : v[0], v[1], Money.ofFen(Long.parseLong(v[2])), v[3]));
        }
        return lines;
    }

    private static PlanRow planRow(ResultSet rs, int n) throws SQLException {
        return new PlanRow(rs.getString("id"), rs.getString("province_region"), rs.getInt("plan_year"),
                rs.getInt("plan_quarter"), lines(rs.getString("lines")), Money.ofFen(rs.getLong("total_fen")),
                rs.getString("derivation"), UsagePlanState.valueOf(rs.getString("state")),
                date(rs, "generated_on"), date(rs, "plan_due"), date(rs, "transfer_due"), date(rs, "transferred_on"),
                date(rs, "received_on"), rs.getString("transfer_id"));
    }

    private static ImportRow importRow(ResultSet rs, int n) throws SQLException {
        return new ImportRow(rs.getLong("id"), NationalFileKind.valueOf(rs.getString("kind")),
                rs.getString("province_region"), rs.getString("file_name"), rs.getString("file_sha256"),
                rs.getString("subject"), rs.getInt("line_count"), Money.ofFen(rs.getLong("total_fen")),
                date(rs, "imported_on"), date(rs, "settled_on"));
    }

    private static LocalDate date(ResultSet rs, String column) throws SQLException {
        Date d = rs.getDate(column);
        return d == null ? null : d.toLocalDate();
    }
}

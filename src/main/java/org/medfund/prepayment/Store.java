package org.medfund.prepayment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** SQL of the prepayment tables (V50–V52, V75, V76). Package-private: other capabilities use {@link Prepayments}. */
@Component
class Store {

    private final JdbcClient jdbc;
    private final Clock clock;

    Store(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Timestamp now() {
        return Timestamp.from(Instant.now(clock));
    }

    // ---- register rows

    void insert(Prepayments.Prepayment p, String dueBasis) {
        jdbc.sql("""
                insert into prepayment (id, prepayment_year, hospital_code, insurance_type, region_code, payer_org_code,
                    pack_id, pack_version, category, application_id, sized_fen, outstanding_before_fen, to_pay_fen,
                    to_recover_fen, formula, citation, inputs, gate_reasons, status, due_on, due_basis, prepared_by,
                    created_at)
                values (:id, :year, :hospital, :fund, :region, :payer, :pack, :version, :category, :application,
                    :sized, :before, :toPay, :toRecover, :formula, :citation, :inputs, :gate, :status, :due,
                    :dueBasis, :preparedBy, :createdAt)""")
                .param("id", p.id()).param("year", p.year()).param("hospital", p.hospitalCode())
                .param("fund", p.insuranceType()).param("region", p.regionCode()).param("payer", p.payerOrgCode())
                .param("pack", p.packId()).param("version", p.packVersion()).param("category", p.category())
                .param("application", p.applicationId()).param("sized", p.sized().fen())
                .param("before", p.outstandingBefore().fen()).param("toPay", p.toPay().fen())
                .param("toRecover", p.toRecover().fen()).param("formula", p.derivation().formula())
                .param("citation", p.derivation().citation()).param("inputs", inputsText(p.derivation()))
                .param("gate", p.gateReasons()).param("status", p.status()).param("due", p.dueOn())
                .param("dueBasis", dueBasis)
                .param("preparedBy", p.preparedBy()).param("createdAt", now())
                .update();
    }

    Optional<Prepayments.Prepayment> prepayment(String id) {
        return jdbc.sql("select * from prepayment where id = :id").param("id", id).query(Store::prepayment)
                .optional();
    }

    /**
     * The row, locked until the transaction ends: a concurrent command on the same prepayment (a second clerk, a
     * second key) waits here and then sees what the first did, instead of acting on the state both read before.
     */
    Optional<Prepayments.Prepayment> lockPrepayment(String id) {
        return jdbc.sql("select * from prepayment where id = :id for update").param("id", id)
                .query(Store::prepayment).optional();
    }

    List<Prepayments.Prepayment> prepayments(Prepayments.Filter filter) {
        StringBuilder sql = new StringBuilder("select * from prepayment where 1 = 1");
        var spec = new java.util.HashMap<String, Object>();
        if (filter.year() != null) {
            sql.append(" and prepayment_year = :year");
            spec.put("year", filter.year());
        }
        if (filter.hospitalCode() != null) {
            sql.append(" and hospital_code = :hospital");
            spec.put("hospital", filter.hospitalCode());
        }
        if (filter.insuranceType() != null) {
            sql.append(" and insurance_type = :fund");
            spec.put("fund", filter.insuranceType());
        }
        if (filter.status() != null) {
            sql.append(" and status = :status");
            spec.put("status", filter.status());
        }
        if (filter.packId() != null) {
            sql.append(" and pack_id = :pack");
            spec.put("pack", filter.packId());
        }
        sql.append(" order by prepayment_year desc, region_code, hospital_code, insurance_type limit ")
                .append(Prepayments.PAGE_ROWS_MAX);
        return jdbc.sql(sql.toString()).params(spec).query(Store::prepayment).list();
    }

    void setStatus(String id, String status) {
        jdbc.sql("update prepayment set status = :status where id = :id").param("status", status).param("id", id)
                .update();
    }

    void approve(String id, String userId, LocalDate date) {
        jdbc.sql("update prepayment set status = 'APPROVED', approved_by = :user, approved_on = :date where id = :id")
                .param("user", userId).param("date", date).param("id", id).update();
    }

    void adjust(String id, Derivation derivation, Money toPay) {
        jdbc.sql("""
                update prepayment set sized_fen = :sized, to_pay_fen = :toPay, formula = :formula,
                    citation = :citation, inputs = :inputs where id = :id""")
                .param("sized", derivation.result().fen()).param("toPay", toPay.fen())
                .param("formula", derivation.formula()).param("citation", derivation.citation())
                .param("inputs", inputsText(derivation)).param("id", id).update();
    }

    void cleared(String id, String method, LocalDate date) {
        jdbc.sql("update prepayment set status = 'CLEARED', clearing_method = :method, cleared_on = :date where id = :id")
                .param("method", method).param("date", date).param("id", id).update();
    }

    private static Prepayments.Prepayment prepayment(ResultSet rs, int row) throws SQLException {
        Derivation derivation = new Derivation(rs.getString("formula"), inputs(rs.getString("inputs")),
                rs.getString("citation"), Money.ofFen(rs.getLong("sized_fen")));
        return new Prepayments.Prepayment(rs.getString("id"), rs.getInt("prepayment_year"),
                rs.getString("hospital_code"), rs.getString("insurance_type"), rs.getString("region_code"),
                rs.getString("payer_org_code"), rs.getString("pack_id"), rs.getInt("pack_version"),
                rs.getString("category"), rs.getString("application_id"), Money.ofFen(rs.getLong("sized_fen")),
                Money.ofFen(rs.getLong("outstanding_before_fen")), Money.ofFen(rs.getLong("to_pay_fen")),
                Money.ofFen(rs.getLong("to_recover_fen")), derivation, rs.getString("gate_reasons"),
                rs.getString("status"), rs.getObject("due_on", LocalDate.class), rs.getString("prepared_by"),
                rs.getString("approved_by"), rs.getString("clearing_method"),
                rs.getObject("cleared_on", LocalDate.class));
    }

    /** Derivation inputs stored one per line as "name\tvalue" (names and values never contain tabs). */
    static String inputsText(Derivation derivation) {
        StringBuilder text = new StringBuilder();
        for (Derivation.Input input : derivation.inputs()) {
            text.append(input.name().replace('\t', ' ')).append('\t').append(input.value().replace('\t', ' '))
                    .append('\n');
        }
        return text.toString();
    }

    static List<Derivation.Input> inputs(String text) {
        List<Derivation.Input> inputs = new ArrayList<>();
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                inputs.add(new Derivation.Input(line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        return inputs;
    }

    // ---- service agreements (maker-checker, V76)

    private static final String AGREEMENT_IN_FORCE = """
            select * from prepayment_agreement_record r where r.hospital_code = :h and r.status = 'CONFIRMED'
              and r.id = (select max(x.id) from prepayment_agreement_record x where x.hospital_code = r.hospital_code
                          and x.agreement_no = r.agreement_no and x.status = 'CONFIRMED')
            """;

    long insertAgreement(Agreements.Agreement a, String evidence, String userId, String requestId) {
        Optional<Long> earlier = jdbc.sql("select id from prepayment_agreement_record where request_id = :r")
                .param("r", requestId).query(Long.class).optional();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into prepayment_agreement_record (hospital_code, agreement_no, valid_from, valid_until,
                    prepayment_terms, medical_community, community_factor, evidence, status, recorded_by, recorded_at,
                    request_id)
                values (:h, :no, :from, :until, :terms, :community, :factor, :evidence, 'RECORDED', :by, :at, :r)""")
                .param("h", a.hospitalCode()).param("no", a.agreementNo()).param("from", a.validFrom())
                .param("until", a.validUntil()).param("terms", a.prepaymentTerms())
                .param("community", a.medicalCommunity()).param("factor", a.communityFactor())
                .param("evidence", evidence).param("by", userId).param("at", now()).param("r", requestId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<Agreements.Recorded> agreementRecord(long id) {
        return jdbc.sql("select * from prepayment_agreement_record where id = :id").param("id", id)
                .query(Store::agreementRecord).optional();
    }

    List<Agreements.Recorded> agreementRecords(String hospitalCode) {
        return jdbc.sql("select * from prepayment_agreement_record where hospital_code = :h order by id desc limit "
                + Prepayments.PAGE_ROWS_MAX).param("h", hospitalCode).query(Store::agreementRecord).list();
    }

    /** Recorded agreements waiting for a reviewer, of any hospital (the caller filters by scope). */
    List<Agreements.Recorded> pendingAgreements() {
        return jdbc.sql("select * from prepayment_agreement_record where status = 'RECORDED' order by id limit "
                + Prepayments.PAGE_ROWS_MAX).query(Store::agreementRecord).list();
    }

    void confirmAgreement(long id, String userId) {
        jdbc.sql("""
                update prepayment_agreement_record set status = 'CONFIRMED', confirmed_by = :by, confirmed_at = :at
                where id = :id and status = 'RECORDED'""")
                .param("by", userId).param("at", now()).param("id", id).update();
    }

    /** The confirmed agreement in force on a date (newest confirmed version of each agreement number), if any. */
    Optional<Agreements.Agreement> agreementInForce(String hospitalCode, LocalDate date) {
        return jdbc.sql(AGREEMENT_IN_FORCE + " and r.valid_from <= :d and (r.valid_until is null or r.valid_until >= :d)"
                        + " order by r.valid_from desc, r.id desc")
                .param("h", hospitalCode).param("d", date)
                .query((rs, n) -> agreementRecord(rs, n).agreement()).list().stream().findFirst();
    }

    private static Agreements.Recorded agreementRecord(ResultSet rs, int row) throws SQLException {
        return new Agreements.Recorded(rs.getLong("id"), new Agreements.Agreement(rs.getString("hospital_code"),
                rs.getString("agreement_no"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class), rs.getString("prepayment_terms"),
                rs.getBoolean("medical_community"), rs.getBigDecimal("community_factor")),
                rs.getString("evidence"), review(rs));
    }

    private static Review review(ResultSet rs) throws SQLException {
        Timestamp confirmedAt = rs.getTimestamp("confirmed_at");
        return new Review(rs.getString("status"), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("confirmed_by"),
                confirmedAt == null ? null : confirmedAt.toInstant());
    }

    // ---- fund status records (art. 7 inputs, maker-checker, V76)

    long insertFundRecord(FundStatuses.Record r, String userId, String requestId) {
        Optional<Long> earlier = jdbc.sql("select id from prepayment_fund_record where request_id = :r")
                .param("r", requestId).query(Long.class).optional();
        if (earlier.isPresent()) {
            return earlier.get();
        }
        GeneratedKeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into prepayment_fund_record (region_code, insurance_type, prepayment_year, balance_fen,
                    evidence, status, recorded_by, recorded_at, request_id)
                values (:region, :fund, :year, :balance, :evidence, 'RECORDED', :by, :at, :r)""")
                .param("region", r.regionCode()).param("fund", r.insuranceType()).param("year", r.year())
                .param("balance", r.figures().accumulatedBalance() == null ? null
                        : r.figures().accumulatedBalance().fen())
                .param("evidence", r.evidence()).param("by", userId).param("at", now()).param("r", requestId)
                .update(keys, "id");
        long id = keys.getKey().longValue();
        insertFundMonths(id, "ACTUAL", r.figures().lastYear());
        insertFundMonths(id, "FORECAST", r.figures().forecast());
        return id;
    }

    private void insertFundMonths(long recordId, String kind, List<FundGate.FundMonth> months) {
        for (FundGate.FundMonth month : months) {
            jdbc.sql("""
                    insert into prepayment_fund_record_month (record_id, kind, fund_month, income_fen, expenditure_fen)
                    values (:id, :kind, :month, :income, :expenditure)""")
                    .param("id", recordId).param("kind", kind).param("month", month.month().toString())
                    .param("income", month.income().fen()).param("expenditure", month.expenditure().fen()).update();
        }
    }

    Optional<FundStatuses.Record> fundRecord(long id) {
        return jdbc.sql("select * from prepayment_fund_record where id = :id").param("id", id)
                .query(fundRecords).optional();
    }

    /** Every record of a region and year, newest first. */
    List<FundStatuses.Record> fundRecords(String regionCode, int year) {
        return jdbc.sql("""
                select * from prepayment_fund_record where region_code = :r and prepayment_year = :y
                order by id desc limit 100""")
                .param("r", regionCode).param("y", year).query(fundRecords).list();
    }

    /** The newest confirmed record of a region, fund and year: the one the gate uses. */
    Optional<FundStatuses.Record> confirmedFundRecord(String regionCode, String fund, int year) {
        return jdbc.sql("""
                select * from prepayment_fund_record where region_code = :r and insurance_type = :f
                  and prepayment_year = :y and status = 'CONFIRMED' order by id desc""")
                .param("r", regionCode).param("f", fund).param("y", year).query(fundRecords).list().stream()
                .findFirst();
    }

    void confirmFundRecord(long id, String userId) {
        jdbc.sql("""
                update prepayment_fund_record set status = 'CONFIRMED', confirmed_by = :by, confirmed_at = :at
                where id = :id and status = 'RECORDED'""")
                .param("by", userId).param("at", now()).param("id", id).update();
    }

    private final org.springframework.jdbc.core.RowMapper<FundStatuses.Record> fundRecords = this::fundRecord;

    private FundStatuses.Record fundRecord(ResultSet rs, int row) throws SQLException {
        long id = rs.getLong("id");
        long balanceFen = rs.getLong("balance_fen");
        Money balance = rs.wasNull() ? null : Money.ofFen(balanceFen);
        return new FundStatuses.Record(id, rs.getString("region_code"), rs.getString("insurance_type"),
                rs.getInt("prepayment_year"), new FundStatuses.Figures(balance, fundMonths(id, "ACTUAL"),
                fundMonths(id, "FORECAST")), rs.getString("evidence"), review(rs));
    }

    private List<FundGate.FundMonth> fundMonths(long recordId, String kind) {
        return jdbc.sql("""
                select fund_month, income_fen, expenditure_fen from prepayment_fund_record_month
                where record_id = :id and kind = :k order by fund_month""")
                .param("id", recordId).param("k", kind)
                .query((rs, n) -> new FundGate.FundMonth(java.time.YearMonth.parse(rs.getString(1)),
                        Money.ofFen(rs.getLong(2)), Money.ofFen(rs.getLong(3))))
                .list();
    }

    // ---- movements

    /** The date of the prepayment's latest money movement (disbursement, return, offset, write-off), if any. */
    java.util.Optional<LocalDate> lastMovementOn(String prepaymentId) {
        return jdbc.sql("select max(movement_date) from prepayment_movement where prepayment_id = :id")
                .param("id", prepaymentId).query(LocalDate.class).optional();
    }

    /** When the prepayment was approved (null before). */
    LocalDate approvedOn(String prepaymentId) {
        return jdbc.sql("select approved_on from prepayment where id = :id").param("id", prepaymentId)
                .query(LocalDate.class).optional().orElse(null);
    }

    boolean movementExists(String requestId) {
        return jdbc.sql("select count(*) from prepayment_movement where request_id = :id").param("id", requestId)
                .query(Long.class).single() > 0;
    }

    void insertMovement(String requestId, Prepayments.Prepayment p, String recoveryId, String kind, Money amount,
                        LocalDate date) {
        jdbc.sql("""
                insert into prepayment_movement (request_id, prepayment_id, recovery_id, kind, amount_fen,
                    movement_date, hospital_code, insurance_type, payer_org_code, created_at)
                values (:id, :prepayment, :recovery, :kind, :amount, :date, :hospital, :fund, :payer, :createdAt)""")
                .param("id", requestId).param("prepayment", p.id()).param("recovery", recoveryId)
                .param("kind", kind).param("amount", amount.fen()).param("date", date)
                .param("hospital", p.hospitalCode()).param("fund", p.insuranceType())
                .param("payer", p.payerOrgCode()).param("createdAt", now()).update();
    }

    /** Disbursed − recovered − written off, for one hospital and fund (all years, all payers). */
    Money outstanding(String hospitalCode, String insuranceType) {
        return Money.ofFen(jdbc.sql("""
                select coalesce(sum(case when kind = 'DISBURSED' then amount_fen else -amount_fen end), 0)
                from prepayment_movement where hospital_code = :hospital and insurance_type = :fund""")
                .param("hospital", hospitalCode).param("fund", insuranceType).query(Long.class).single());
    }

    /** The funds of which the hospital still holds a prepayment (disbursed − recovered − written off > 0). */
    List<String> fundsHeld(String hospitalCode) {
        return jdbc.sql("""
                select insurance_type from prepayment_movement where hospital_code = :hospital
                group by insurance_type
                having sum(case when kind = 'DISBURSED' then amount_fen else -amount_fen end) > 0
                order by insurance_type""")
                .param("hospital", hospitalCode).query(String.class).list();
    }

    List<Prepayments.Movement> movements(String hospitalCode) {
        return jdbc.sql("""
                select * from prepayment_movement where hospital_code = :hospital
                order by movement_date, created_at, request_id""")
                .param("hospital", hospitalCode)
                .query((rs, n) -> new Prepayments.Movement(rs.getString("request_id"), rs.getString("prepayment_id"),
                        rs.getString("recovery_id"), rs.getString("kind"), Money.ofFen(rs.getLong("amount_fen")),
                        rs.getObject("movement_date", LocalDate.class), rs.getString("insurance_type"),
                        rs.getString("payer_org_code")))
                .list();
    }

    /** payer, hospital, fund → register balance, for the invariant. */
    List<Object[]> registerBalances() {
        return jdbc.sql("""
                select payer_org_code, hospital_code, insurance_type,
                       sum(case when kind = 'DISBURSED' then amount_fen else -amount_fen end)
                from prepayment_movement group by payer_org_code, hospital_code, insurance_type
                order by payer_org_code, hospital_code, insurance_type""")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)})
                .list();
    }

    Money movedForRequestPrefix(String prefix) {
        return Money.ofFen(jdbc.sql("""
                select coalesce(sum(amount_fen), 0) from prepayment_movement
                where left(request_id, :n) = :prefix""")
                .param("n", prefix.length()).param("prefix", prefix).query(Long.class).single());
    }

    long movementsForRequestPrefix(String prefix) {
        // An exact prefix comparison: LIKE would treat "_" in request ids as a wildcard.
        return jdbc.sql("select count(*) from prepayment_movement where left(request_id, :n) = :prefix")
                .param("n", prefix.length()).param("prefix", prefix).query(Long.class).single();
    }

    // ---- recoveries

    /** The basis of a register row's due date (null for rows written before bases were stored). */
    String dueBasis(String prepaymentId) {
        return jdbc.sql("select due_basis from prepayment where id = :id").param("id", prepaymentId)
                .query(String.class).optional().orElse(null);
    }

    void insertRecovery(Recoveries.Recovery r, String returnDueBasis) {
        jdbc.sql("""
                insert into prepayment_recovery (id, prepayment_id, hospital_code, insurance_type, payer_org_code,
                    reason, trigger_code, evidence, amount_fen, recovered_fen, all_or_nothing, found_on, return_due,
                    return_due_basis, offset_from, status, prepared_by)
                values (:id, :prepayment, :hospital, :fund, :payer, :reason, :trigger, :evidence, :amount, 0,
                    :allOrNothing, :found, :returnDue, :returnDueBasis, :offsetFrom, 'OPEN', :preparedBy)""")
                .param("id", r.id()).param("prepayment", r.prepaymentId()).param("hospital", r.hospitalCode())
                .param("fund", r.insuranceType()).param("payer", r.payerOrgCode()).param("reason", r.reason())
                .param("trigger", r.trigger() == null ? null : r.trigger().name()).param("evidence", r.evidence())
                .param("amount", r.amount().fen()).param("allOrNothing", r.allOrNothing())
                .param("found", r.foundOn()).param("returnDue", r.returnDue()).param("returnDueBasis", returnDueBasis)
                .param("offsetFrom", r.offsetFrom())
                .param("preparedBy", r.preparedBy()).update();
    }

    Optional<Recoveries.Recovery> recovery(String id) {
        return jdbc.sql("select * from prepayment_recovery where id = :id").param("id", id)
                .query(Store::recovery).optional();
    }

    /** The recovery, locked until the transaction ends (see {@link #lockPrepayment}). */
    Optional<Recoveries.Recovery> lockRecovery(String id) {
        return jdbc.sql("select * from prepayment_recovery where id = :id for update").param("id", id)
                .query(Store::recovery).optional();
    }

    List<Recoveries.Recovery> recoveries(String hospitalCode) {
        return jdbc.sql("select * from prepayment_recovery where hospital_code = :h order by found_on, id")
                .param("h", hospitalCode).query(Store::recovery).list();
    }

    List<Recoveries.Recovery> openRecoveries() {
        return jdbc.sql("select * from prepayment_recovery where status in ('OPEN', 'UNRECOVERABLE', 'IN_COURT', "
                + "'LOSS_CONFIRMED') "
                + "order by return_due, id limit " + Prepayments.PAGE_ROWS_MAX).query(Store::recovery).list();
    }

    /** Open recoveries an offset may take from on a date, oldest first. */
    List<Recoveries.Recovery> offsettable(String payer, String hospitalCode, String fund, LocalDate date) {
        return jdbc.sql("""
                select * from prepayment_recovery where payer_org_code = :payer and hospital_code = :h
                  and insurance_type = :fund and status = 'OPEN'
                  and offset_from is not null and offset_from <= :d
                order by found_on, id""")
                .param("payer", payer).param("h", hospitalCode).param("fund", fund).param("d", date)
                .query(Store::recovery).list();
    }

    void recovered(String id, Money amount, LocalDate date) {
        jdbc.sql("""
                update prepayment_recovery set recovered_fen = recovered_fen + :amount,
                  status = case when recovered_fen + :amount = amount_fen then 'RECOVERED' else status end,
                  closed_on = case when recovered_fen + :amount = amount_fen then :d else closed_on end
                where id = :id""")
                .param("amount", amount.fen()).param("d", date).param("id", id).update();
    }

    void noOffset(String id) {
        jdbc.sql("update prepayment_recovery set offset_from = null where id = :id").param("id", id).update();
    }

    /** Art. 11 decision: from {@code date} the hospital's settlement payments stop (see {@link #stopOf}). */
    void unrecoverable(String id, String reason, LocalDate date, String userId) {
        jdbc.sql("""
                update prepayment_recovery set status = 'UNRECOVERABLE', unrecoverable_on = :d,
                  unrecoverable_reason = :reason, decided_by = :by where id = :id""")
                .param("d", date).param("reason", reason).param("by", userId).param("id", id).update();
    }

    void courtApplication(String id, LocalDate appliedOn, String court, String caseNo) {
        jdbc.sql("""
                update prepayment_recovery set status = 'IN_COURT', court_applied_on = :d, court_name = :court,
                  court_case_no = :caseNo where id = :id""")
                .param("d", appliedOn).param("court", court).param("caseNo", caseNo).param("id", id).update();
    }

    void courtDocument(String id, String document, LocalDate date, Money loss) {
        jdbc.sql("""
                update prepayment_recovery set status = 'LOSS_CONFIRMED', court_document = :doc,
                  court_document_on = :d, loss_fen = :loss where id = :id""")
                .param("doc", document).param("d", date).param("loss", loss.fen()).param("id", id).update();
    }

    /**
     * The art. 11 stop of a hospital on a date: its oldest recovery declared unrecoverable on or before the date and
     * not yet recovered or written off.
     */
    Optional<Recoveries.Recovery> stopOf(String hospitalCode, LocalDate date) {
        return jdbc.sql("""
                select * from prepayment_recovery where hospital_code = :h
                  and status in ('UNRECOVERABLE', 'IN_COURT', 'LOSS_CONFIRMED') and unrecoverable_on <= :d
                order by unrecoverable_on, id""")
                .param("h", hospitalCode).param("d", date).query(Store::recovery).list().stream().findFirst();
    }

    void writtenOff(String id, String approvedBy, String approvalDocument, LocalDate date) {
        jdbc.sql("""
                update prepayment_recovery set status = 'WRITTEN_OFF', approved_by = :by,
                  approval_document = :doc, closed_on = :d where id = :id""")
                .param("by", approvedBy).param("doc", approvalDocument).param("d", date).param("id", id).update();
    }

    private static Recoveries.Recovery recovery(ResultSet rs, int row) throws SQLException {
        String trigger = rs.getString("trigger_code");
        return new Recoveries.Recovery(rs.getString("id"), rs.getString("prepayment_id"),
                rs.getString("hospital_code"), rs.getString("insurance_type"), rs.getString("payer_org_code"),
                rs.getString("reason"), trigger == null ? null : RecoveryTrigger.valueOf(trigger),
                rs.getString("evidence"), Money.ofFen(rs.getLong("amount_fen")),
                Money.ofFen(rs.getLong("recovered_fen")), rs.getBoolean("all_or_nothing"),
                rs.getObject("found_on", LocalDate.class), rs.getObject("return_due", LocalDate.class),
                rs.getObject("offset_from", LocalDate.class), rs.getString("status"), court(rs),
                rs.getString("prepared_by"), rs.getString("approved_by"));
    }

    private static Recoveries.Court court(ResultSet rs) throws SQLException {
        LocalDate decided = rs.getObject("unrecoverable_on", LocalDate.class);
        if (decided == null) {
            return null;
        }
        long lossFen = rs.getLong("loss_fen");
        Money loss = rs.wasNull() ? null : Money.ofFen(lossFen);
        return new Recoveries.Court(decided, rs.getString("unrecoverable_reason"), rs.getString("decided_by"),
                rs.getObject("court_applied_on", LocalDate.class), rs.getString("court_name"),
                rs.getString("court_case_no"), rs.getString("court_document"),
                rs.getObject("court_document_on", LocalDate.class), loss);
    }
}

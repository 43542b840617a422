package org.medfund.prepayment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.medfund.prepayment.Agreement;
import org.medfund.prepayment.AgreementRecord;
import org.medfund.prepayment.Prepayments;
import org.medfund.prepayment.Review;
import org.medfund.prepayment.ReviewStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Component;

/** SQL of {@code prepayment_agreement_record} (V76): service agreement versions, maker-checker. */
@Component
class AgreementStore {

    private static final String AGREEMENT_IN_FORCE = """
            select * from prepayment_agreement_record r where r.hospital_code = :h and r.status = 'CONFIRMED'
              and r.id = (select max(x.id) from prepayment_agreement_record x where x.hospital_code = r.hospital_code
                          and x.agreement_no = r.agreement_no and x.status = 'CONFIRMED')
            """;

    private final JdbcClient jdbc;
    private final Clock clock;

    AgreementStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    long insert(Agreement a, String evidence, String userId, String requestId) {
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
                values (:h, :no, :from, :until, :terms, :community, :factor, :evidence, :status, :by, :at, :r)""")
                .param("h", a.hospitalCode()).param("no", a.agreementNo()).param("from", a.validFrom())
                .param("until", a.validUntil()).param("terms", a.prepaymentTerms())
                .param("community", a.medicalCommunity()).param("factor", a.communityFactor())
                .param("evidence", evidence).param("status", ReviewStatus.RECORDED.name()).param("by", userId)
                .param("at", Timestamp.from(Instant.now(clock))).param("r", requestId)
                .update(keys, "id");
        return keys.getKey().longValue();
    }

    Optional<AgreementRecord> record(long id) {
        return jdbc.sql("select * from prepayment_agreement_record where id = :id").param("id", id)
                .query(AgreementStore::record).optional();
    }

    List<AgreementRecord> records(String hospitalCode) {
        return jdbc.sql("select * from prepayment_agreement_record where hospital_code = :h order by id desc limit "
                + Prepayments.PAGE_ROWS_MAX).param("h", hospitalCode).query(AgreementStore::record).list();
    }

    /** Recorded agreements waiting for a reviewer, of any hospital (the caller filters by scope). */
    List<AgreementRecord> pending() {
        return jdbc.sql("select * from prepayment_agreement_record where status = 'RECORDED' order by id limit "
                + Prepayments.PAGE_ROWS_MAX).query(AgreementStore::record).list();
    }

    void confirm(long id, String userId) {
        jdbc.sql("""
                update prepayment_agreement_record set status = :confirmed, confirmed_by = :by, confirmed_at = :at
                where id = :id and status = :recorded""")
                .param("confirmed", ReviewStatus.CONFIRMED.name()).param("recorded", ReviewStatus.RECORDED.name())
                .param("by", userId).param("at", Timestamp.from(Instant.now(clock))).param("id", id).update();
    }

    /** The confirmed agreement in force on a date (newest confirmed version of each agreement number), if any. */
    Optional<Agreement> inForce(String hospitalCode, LocalDate date) {
        return jdbc.sql(AGREEMENT_IN_FORCE + " and r.valid_from <= :d and (r.valid_until is null or r.valid_until >= :d)"
                        + " order by r.valid_from desc, r.id desc")
                .param("h", hospitalCode).param("d", date)
                .query((rs, n) -> record(rs, n).agreement()).list().stream().findFirst();
    }

    private static AgreementRecord record(ResultSet rs, int row) throws SQLException {
        return new AgreementRecord(rs.getLong("id"), new Agreement(rs.getString("hospital_code"),
                rs.getString("agreement_no"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class), rs.getString("prepayment_terms"),
                rs.getBoolean("medical_community"), rs.getBigDecimal("community_factor")),
                rs.getString("evidence"), review(rs));
    }

    /** The maker-checker columns both recorded inputs share (V76). */
    static Review review(ResultSet rs) throws SQLException {
        Timestamp confirmedAt = rs.getTimestamp("confirmed_at");
        return new Review(ReviewStatus.valueOf(rs.getString("status")), rs.getString("recorded_by"),
                rs.getTimestamp("recorded_at").toInstant(), rs.getString("confirmed_by"),
                confirmedAt == null ? null : confirmedAt.toInstant());
    }
}

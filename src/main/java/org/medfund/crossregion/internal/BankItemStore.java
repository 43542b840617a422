package org.medfund.crossregion.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.crossregion.BankChargeKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of the bank charge register ({@code cr_bank_charge}, outside the fund books) and of interest
 * ({@code cr_bank_interest}).
 */
@Repository
class BankItemStore {

    private static final String CHARGE_COLUMNS =
            "id, account_id, org_code, kind, amount_fen, charged_on, voucher_no, memo, citation";
    private static final String INTEREST_COLUMNS =
            "id, account_id, org_code, owner_region, source_region, amount_fen, received_on, voucher_no, derivation,"
                    + " request_id";

    private final JdbcClient jdbc;
    private final Clock clock;

    BankItemStore(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record ChargeRow(long id, String accountId, String orgCode, BankChargeKind kind, Money amount,
                     LocalDate chargedOn, String voucherNo, String memo, String citation) {
    }

    record InterestRow(long id, String accountId, String orgCode, String ownerRegion, String sourceRegion,
                       Money amount, LocalDate receivedOn, String voucherNo, Derivation derivation,
                       String requestId) {
    }

    long insertCharge(ChargeRow c, String by) {
        jdbc.sql("""
                insert into cr_bank_charge (account_id, org_code, kind, amount_fen, charged_on, voucher_no, memo,
                  citation, recorded_by, created_at)
                values (:account, :org, :kind, :amount, :on, :voucher, :memo, :citation, :by, :now)""")
                .param("account", c.accountId()).param("org", c.orgCode()).param("kind", c.kind().name())
                .param("amount", c.amount().fen()).param("on", c.chargedOn()).param("voucher", c.voucherNo())
                .param("memo", c.memo()).param("citation", c.citation()).param("by", by)
                .param("now", Timestamp.from(clock.instant())).update();
        return charge(c.accountId(), c.voucherNo()).orElseThrow().id();
    }

    Optional<ChargeRow> charge(String accountId, String voucherNo) {
        return jdbc.sql("select " + CHARGE_COLUMNS + " from cr_bank_charge where account_id = :a and voucher_no = :v")
                .param("a", accountId).param("v", voucherNo).query(BankItemStore::chargeRow).optional();
    }

    List<ChargeRow> charges(LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("select " + CHARGE_COLUMNS + " from cr_bank_charge where charged_on between :f and :t"
                        + " order by charged_on desc, id desc limit " + limit)
                .param("f", from).param("t", to).query(BankItemStore::chargeRow).list();
    }

    void insertInterest(InterestRow i, String by) {
        jdbc.sql("""
                insert into cr_bank_interest (account_id, org_code, owner_region, source_region, amount_fen,
                  received_on, voucher_no, derivation, request_id, recorded_by, created_at)
                values (:account, :org, :owner, :source, :amount, :on, :voucher, :derivation, :request, :by, :now)""")
                .param("account", i.accountId()).param("org", i.orgCode()).param("owner", i.ownerRegion())
                .param("source", i.sourceRegion()).param("amount", i.amount().fen()).param("on", i.receivedOn())
                .param("voucher", i.voucherNo()).param("derivation", QuotaStore.derivationText(i.derivation()))
                .param("request", i.requestId()).param("by", by).param("now", Timestamp.from(clock.instant()))
                .update();
    }

    Optional<InterestRow> interest(String accountId, String voucherNo) {
        return jdbc.sql("select " + INTEREST_COLUMNS + " from cr_bank_interest where account_id = :a"
                        + " and voucher_no = :v")
                .param("a", accountId).param("v", voucherNo).query(BankItemStore::interestRow).optional();
    }

    List<InterestRow> interest(LocalDate from, LocalDate to, int limit) {
        return jdbc.sql("select " + INTEREST_COLUMNS + " from cr_bank_interest where received_on between :f and :t"
                        + " order by received_on desc, id desc limit " + limit)
                .param("f", from).param("t", to).query(BankItemStore::interestRow).list();
    }

    private static ChargeRow chargeRow(ResultSet rs, int n) throws SQLException {
        return new ChargeRow(rs.getLong(1), rs.getString(2), rs.getString(3), BankChargeKind.valueOf(rs.getString(4)),
                Money.ofFen(rs.getLong(5)), rs.getDate(6).toLocalDate(), rs.getString(7), rs.getString(8),
                rs.getString(9));
    }

    private static InterestRow interestRow(ResultSet rs, int n) throws SQLException {
        return new InterestRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                Money.ofFen(rs.getLong(6)), rs.getDate(7).toLocalDate(), rs.getString(8),
                QuotaStore.derivation(rs.getString(9), rs.getLong(6)), rs.getString(10));
    }
}

package org.medfund.prepayment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.medfund.common.Money;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The money behind two art. 6 steps (xinyang-2025 art. 6(三)(四)): city finance moves the approved prepayments from the
 * special account to the city centre's expenditure account (FUNDED), and the city centre passes each county's share
 * on to that county centre's expenditure account (COUNTY_SHARED). Each is one ledger transfer per receiving agency
 * and fund, aggregating every row ready at that step: the sender's book at once, the receiver's book when it confirms
 * receipt. Until then the money is in transit and the paying centre cannot pay hospitals with it.
 */
@Component
class Funding {

    static final String FINANCE_TO_CITY = "funding.finance-to-agency";
    static final String CITY_TO_COUNTY = "funding.agency-to-lower-agency";

    /** A row waiting at a funding step, with the amount it will pay the hospital. */
    record Ready(String prepaymentId, Money amount) {
    }

    private final Ledger ledger;
    private final JdbcClient jdbc;

    Funding(Ledger ledger, JdbcClient jdbc) {
        this.ledger = ledger;
        this.jdbc = jdbc;
    }

    /**
     * Approved rows of a year and fund whose FUNDED step (sent by {@code finance} to {@code cityAgency}) is open and
     * whose bureau review is done by the date.
     */
    List<Ready> readyToFund(String finance, String cityAgency, String fund, int year, LocalDate date) {
        return jdbc.sql("""
                select p.id, p.to_pay_fen from prepayment p
                join prepayment_step f on f.prepayment_id = p.id and f.step = 'FUNDED'
                join prepayment_step c on c.prepayment_id = p.id and c.step = 'CITY_AGGREGATED'
                join prepayment_step b on b.prepayment_id = p.id and b.step = 'BUREAU_REVIEWED'
                where f.done_on is null and f.actor_org_code = :finance and c.actor_org_code = :city
                  and b.done_on <= :d
                  and p.status = 'APPROVED' and p.insurance_type = :fund and p.prepayment_year = :year
                order by p.id""")
                .param("finance", finance).param("city", cityAgency).param("fund", fund).param("year", year)
                .param("d", date)
                .query((rs, n) -> new Ready(rs.getString(1), Money.ofFen(rs.getLong(2)))).list();
    }

    /** Rows of a county centre whose money reached the city centre and is not yet passed on. */
    List<Ready> readyToShare(String cityAgency, String countyAgency, String fund, int year, LocalDate date) {
        return jdbc.sql("""
                select p.id, p.to_pay_fen from prepayment p
                join prepayment_step s on s.prepayment_id = p.id and s.step = 'COUNTY_SHARED'
                join prepayment_step f on f.prepayment_id = p.id and f.step = 'FUNDED'
                where s.done_on is null and s.actor_org_code = :city and p.payer_org_code = :county
                  and f.received_on <= :d
                  and p.status = 'APPROVED' and p.insurance_type = :fund and p.prepayment_year = :year
                order by p.id""")
                .param("city", cityAgency).param("county", countyAgency).param("fund", fund).param("year", year)
                .param("d", date)
                .query((rs, n) -> new Ready(rs.getString(1), Money.ofFen(rs.getLong(2)))).list();
    }

    /**
     * Sends one transfer for the rows and marks their step done with it. Rows with nothing to pay (all netted) move no
     * money: they are done and received at once. Answers the transfer id, or null when no money moved.
     */
    String send(Applications.Step step, List<Ready> rows, String sender, String receiver, String fund, int year,
                String packId, LocalDate date, String userId) {
        Money amount = rows.stream().map(Ready::amount).reduce(Money.ZERO, Money::plus);
        String transferId = null;
        if (amount.isPositive()) {
            String prefix = "PPF-" + year + "-" + fund + "-" + receiver + "-";
            long sent = jdbc.sql("select count(distinct transfer_id) from prepayment_step where transfer_id like :p")
                    .param("p", prefix + "%").query(Long.class).single();
            transferId = prefix + (sent + 1);
            boolean fromFinance = step == Applications.Step.FUNDED;
            String memo = year + "年 医保基金预付金" + (fromFinance ? "：财政专户拨入市级医保基金支出户（" + rows.size()
                    + " 家次）" : "：市级支出户拨付县区医保中心支出户（" + rows.size() + " 家次）");
            ledger.openBook(sender);
            ledger.openBook(receiver);
            ledger.post(new BusinessEvent(fromFinance ? FINANCE_TO_CITY : CITY_TO_COUNTY, transferId, date,
                    YearMonth.from(date), amount, fromFinance ? Map.of("finance", sender, "agency", receiver)
                    : Map.of("upper", sender, "lower", receiver), fund, "prepayment-funding", transferId, packId,
                    step.article(), memo));
        }
        for (Ready row : rows) {
            jdbc.sql("""
                    update prepayment_step set done_on = :d, done_by = :by, transfer_id = :t, received_on = :r
                    where prepayment_id = :id and step = :s and done_on is null""")
                    .param("d", date).param("by", userId).param("t", transferId)
                    .param("r", transferId == null ? date : null).param("id", row.prepaymentId())
                    .param("s", step.name()).update();
        }
        return transferId;
    }

    /** The receiving agency confirms the money arrived: the receiver's side is posted; answers the rows it carried. */
    List<String> receive(String transferId, LocalDate date) {
        ledger.confirmReceipt(transferId, date, transferId + ":receipt");
        jdbc.sql("update prepayment_step set received_on = :d where transfer_id = :t and received_on is null")
                .param("d", date).param("t", transferId).update();
        return jdbc.sql("select prepayment_id from prepayment_step where transfer_id = :t order by prepayment_id")
                .param("t", transferId).query(String.class).list();
    }
}

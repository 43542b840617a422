package org.medfund.prepayment;

import java.time.LocalDate;
import java.util.List;
import org.medfund.calendar.Due;
import org.medfund.common.Money;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;

/**
 * The prepayment register: sizing (Henan by the agency, henan-2023 二; Xinyang on application through
 * {@link Applications}), approval with maker-checker, disbursement through the ledger (xinyang-2025 art. 15), the
 * bank payment file, the art. 19 disclosure and the ledger invariant. Recovery, clearing and write-off are
 * {@link Recoveries}.
 */
public interface Prepayments {

    /** 暂付款—医保预付金 in the agency's book (ledger chart of accounts). */
    String RECEIVABLE_ACCOUNT = "1211.01";
    /** Listings answer at most this many rows. */
    int PAGE_ROWS_MAX = 500;
    /** A payment file holds at most this many instructions; a payer's day with more is refused, not truncated. */
    int PAYMENT_FILE_LINES_MAX = 1000;

    /** The columns of the payment file (CSV and xlsx). */
    List<String> PAYMENT_FILE_HEADER = List.of("业务编号", "预付金编号", "付款账号", "付款户名", "收款账号", "收款户名",
            "收款开户行", "金额（元）", "大写金额", "用途");

    /** The prepayment rules in force for a region on a date (which pack, which parameters). */
    Regime regime(String regionCode, LocalDate date);

    /**
     * The due date of the year's prepayment (Henan: paid by Jan 15; Xinyang: applications by Jan 15), shifted, with
     * its basis.
     */
    Due due(Regime regime, int year);

    /** The regime that produced a row: its own pack version, whatever is in force today. */
    Regime regimeOf(Prepayment row);

    /** The name staff cite a pack's document by: 《信阳市基本医疗保险基金预付管理办法》, else its document number. */
    String documentName(String packId);

    /**
     * Henan (henan-2023 二): sizes every designated hospital of a region for a year, each fund of the pack, netted
     * against what each still holds; a hospital out of scope is answered with its refusals.
     */
    List<SizingOutcome> sizeRegion(String regionCode, int year, LocalDate date, Actor actor);

    /** Who pays a hospital (xinyang-2025 art. 6(四)): its county centre, or the city centre for city-level ones. */
    Org payerOf(Org hospital);

    /** Maker-checker: the reviewer who approves cannot be the clerk who prepared the row. */
    Prepayment approve(String prepaymentId, LocalDate date, Actor actor);

    /**
     * Pays the netted difference through the ledger (xinyang-2025 art. 15) and, when the new amount is smaller than
     * what the hospital holds, opens the recovery of the excess by offset ({@code excessByOffset}) or return.
     */
    Prepayment disburse(String prepaymentId, LocalDate date, boolean excessByOffset, Actor actor, String requestId);

    /** The payment file as CSV, in the bank files' format, with a 合计 row. */
    byte[] paymentFileCsv(String payerOrgCode, LocalDate date, Actor actor);

    /** The payment file as xlsx (amounts numeric, in yuan), one sheet named after the date. */
    byte[] paymentFileXlsx(String payerOrgCode, LocalDate date, Actor actor);

    /**
     * The disbursements a payer made on a date, as payment instructions for the bank (henan-2023 二(二) "通过线上向医疗
     * 机构预拨"). A hospital or payer without a registered account is a rejection naming it.
     */
    List<PaymentLine> paymentFile(String payerOrgCode, LocalDate date, Actor actor);

    /** Register rows the actor may see, at most {@link #PAGE_ROWS_MAX}. */
    List<Prepayment> register(RegisterFilter filter, Actor actor);

    Prepayment prepayment(String id, Actor actor);

    /** What the hospital still holds of one fund: disbursed − recovered − written off. */
    Money outstanding(String hospitalCode, String insuranceType);

    List<Movement> movements(String hospitalCode, Actor actor);

    /**
     * DESIGN.md §5 invariant: for each payer, hospital and fund the ledger's 暂付款—医保预付金 balance equals the
     * register. Answers the breaks; tests assert there are none.
     */
    List<InvariantBreak> invariantBreaks(LocalDate asOf);

    /** The year's prepayments the actor may see, with what was paid and recovered for each (xinyang-2025 art. 19). */
    List<DisclosureLine> disclosure(int year, Actor actor);

    /** Rows not yet paid, by due date: for the deadline list. */
    List<Prepayment> unpaid(Actor actor);
}

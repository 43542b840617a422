package org.medfund.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.medfund.common.Money;

/**
 * Statements derived from the entries (never from cached balances): trial balance (科目余额表), account detail ledger
 * (明细账) with running balance, general journal (序时账), balances by counterparty (e.g. 暂付款—医保预付金 by
 * hospital), transfers in transit. Callers check the actor's scope before asking.
 */
public interface LedgerReports {

    /** Rows per detail ledger or journal answer; larger ranges are refused. */
    int ROWS_MAX = 5_000;

    TrialBalance trialBalance(String orgCode, YearMonth period);

    /** Lines of an account and its sub-accounts from the first day of {@code from} to the end of {@code to}. */
    DetailLedger detailLedger(String orgCode, String accountCode, YearMonth from, YearMonth to,
                              String counterpartyCode);

    /**
     * The latest accounting period in which the book has an entry (pages open on it when no period is asked for);
     * empty for a book without entries.
     */
    java.util.Optional<YearMonth> latestPeriod(String orgCode);

    /** Entries of one accounting period in sequence order. */
    List<PostedEntry> journal(String orgCode, YearMonth period);

    /**
     * The entries one business document posted (its type and id as the posting cited them, e.g.
     * {@code settlement-payment} and a batch's document number), in every book, ordered by book and sequence: the way
     * from a document to its vouchers (issue 13). At most {@link #ROWS_MAX}; more is refused.
     */
    List<PostedEntry> entriesOfDocument(String documentType, String documentId);

    /**
     * The entries one business event posted under its request id (e.g. one prepayment movement), in every book: the
     * payer's and, once received, the payee's side of a transfer share the transfer's id as their document.
     */
    List<PostedEntry> entriesOfRequest(String requestId);

    /** The entry that reversed this one (红字冲销), if any. */
    Optional<PostedEntry> reversalOf(String orgCode, long sequenceNo);

    /** Balance per counterparty of an account (and its sub-accounts) on a date, non-zero ones only. */
    List<DimensionBalance> balancesByCounterparty(String orgCode, String accountCode, LocalDate asOf);

    /** Transfers whose payee has not confirmed receipt, oldest first. */
    List<Transfer> transfersInTransit();

    /**
     * One fund's figures over several books (e.g. the agency books of a pooling region, where transfers between them
     * cancel): income (4xxx, credit − debit) and expenditure (5xxx, debit − credit) per accounting period from
     * {@code from} to {@code to}, and the fund balance at the end of {@code to} — fund balances (3xxx) plus all income
     * less all expenditure up to then. Lines without that insurance type and memo accounts are not counted.
     */
    FundFlows fundFlows(Collection<String> orgCodes, String insuranceType, YearMonth from, YearMonth to);

    /** @param lines how many income and expenditure lines the period holds (0: nothing booked) */
    record FundPeriod(YearMonth period, Money income, Money expenditure, long lines) {
    }

    record FundFlows(Money closingBalance, List<FundPeriod> periods) {

        public FundFlows {
            periods = List.copyOf(periods);
        }
    }

    /** The chart of accounts of a book type: code, name, normal side. */
    List<AccountInfo> chart(BookType type);

    record AccountInfo(String code, String name, boolean debitNormal, boolean memo, boolean postable) {
    }

    /**
     * One account of the trial balance. Balances are shown on the side they fall (借/贷), like the paper form.
     *
     * @param level 0 for a top-level account, 1 for a sub-account
     */
    record TrialBalanceRow(String accountCode, String accountName, int level, boolean memo, Money openingDebit,
                           Money openingCredit, Money periodDebit, Money periodCredit, Money closingDebit,
                           Money closingCredit) {
    }

    /**
     * Totals are over postable accounts; for a sound book each debit total equals its credit total.
     *
     * @param anchors the period's sealed chain heads (its close anchor and the interval anchors of its entries),
     *                printed with the statement so a paper copy of them exists outside the database
     */
    record TrialBalance(String orgCode, String bookName, YearMonth period, List<TrialBalanceRow> rows,
                        TrialBalanceRow totals, List<Anchor> anchors) {

        public TrialBalance {
            rows = List.copyOf(rows);
            anchors = List.copyOf(anchors);
        }

        public boolean balanced() {
            return totals.openingDebit().equals(totals.openingCredit())
                    && totals.periodDebit().equals(totals.periodCredit())
                    && totals.closingDebit().equals(totals.closingCredit());
        }
    }

    /** @param side 借, 贷 or 平 for the running balance */
    record DetailRow(LocalDate date, Long sequenceNo, String memo, String accountCode, Money debit, Money credit,
                     String side, Money balance, String counterpartyCode, String insuranceType, String period,
                     String reference) {
    }

    record DetailLedger(String orgCode, String accountCode, String accountName, YearMonth from, YearMonth to,
                        Money opening, List<DetailRow> rows, Money closing) {

        public DetailLedger {
            rows = List.copyOf(rows);
        }
    }

    /** @param balance in the account's normal direction */
    record DimensionBalance(String counterpartyCode, String counterpartyName, Money debit, Money credit,
                            Money balance) {
    }
}

package org.medfund.web.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.medfund.common.Money;
import org.medfund.ledger.Book;
import org.medfund.ledger.EntryLine;
import org.medfund.ledger.LedgerReports;
import org.medfund.ledger.PostedEntry;
import org.medfund.ledger.Transfer;

/**
 * JSON shapes of the ledger API. Amounts travel as yuan text with two decimals ({@code "1234.56"}) next to the fen,
 * so neither side parses binary floating point.
 */
final class LedgerViews {

    private LedgerViews() {
    }

    record Amount(long fen, String yuan) {
        static Amount of(Money money) {
            return money == null ? null : new Amount(money.fen(), money.toPlainYuan());
        }
    }

    record BookView(String orgCode, String type, String name, long entryCount, String lastHash) {
        static BookView of(Book b) {
            return new BookView(b.orgCode(), b.type().name(), b.name(), b.entryCount(), b.lastHash());
        }
    }

    record TrialRow(String accountCode, String accountName, int level, boolean memo, Amount openingDebit,
                    Amount openingCredit, Amount periodDebit, Amount periodCredit, Amount closingDebit,
                    Amount closingCredit) {
        static TrialRow of(LedgerReports.TrialBalanceRow r) {
            return new TrialRow(r.accountCode(), r.accountName(), r.level(), r.memo(), Amount.of(r.openingDebit()),
                    Amount.of(r.openingCredit()), Amount.of(r.periodDebit()), Amount.of(r.periodCredit()),
                    Amount.of(r.closingDebit()), Amount.of(r.closingCredit()));
        }
    }

    /** @param anchors the period's sealed chain heads (see {@link org.medfund.ledger.Anchor}) */
    record TrialBalanceView(String orgCode, String bookName, YearMonth period, boolean balanced, List<TrialRow> rows,
                            TrialRow totals, List<org.medfund.ledger.Anchor> anchors) {
        static TrialBalanceView of(LedgerReports.TrialBalance t) {
            return new TrialBalanceView(t.orgCode(), t.bookName(), t.period(), t.balanced(),
                    t.rows().stream().map(TrialRow::of).toList(), TrialRow.of(t.totals()), t.anchors());
        }
    }

    record DetailRowView(LocalDate date, Long sequenceNo, String memo, String accountCode, Amount debit,
                         Amount credit, String side, Amount balance, String counterpartyCode, String insuranceType,
                         String period, String reference) {
        static DetailRowView of(LedgerReports.DetailRow r) {
            return new DetailRowView(r.date(), r.sequenceNo(), r.memo(), r.accountCode(), Amount.of(r.debit()),
                    Amount.of(r.credit()), r.side(), Amount.of(r.balance()), r.counterpartyCode(), r.insuranceType(),
                    r.period(), r.reference());
        }
    }

    record DetailView(String orgCode, String accountCode, String accountName, YearMonth from, YearMonth to,
                      Amount opening, List<DetailRowView> rows, Amount closing) {
        static DetailView of(LedgerReports.DetailLedger d) {
            return new DetailView(d.orgCode(), d.accountCode(), d.accountName(), d.from(), d.to(),
                    Amount.of(d.opening()), d.rows().stream().map(DetailRowView::of).toList(), Amount.of(d.closing()));
        }
    }

    record LineView(String accountCode, String accountName, Amount debit, Amount credit, String counterpartyCode,
                    String insuranceType, String period, String reference) {
        static LineView of(EntryLine l) {
            return new LineView(l.accountCode(), l.accountName(), Amount.of(l.debit()), Amount.of(l.credit()),
                    l.counterpartyOrgCode(), l.insuranceType(), l.period(), l.reference());
        }
    }

    record EntryView(String bookOrgCode, long sequenceNo, LocalDate date, String period, String memo,
                     List<LineView> lines, String documentType, String documentId, String ruleType, String packId,
                     String article, Long reversesSequenceNo, String hash) {
        static EntryView of(PostedEntry e) {
            return new EntryView(e.bookOrgCode(), e.sequenceNo(), e.date(), e.period(), e.memo(),
                    e.lines().stream().map(LineView::of).toList(), e.documentType(), e.documentId(), e.ruleType(),
                    e.packId(), e.article(), e.reversesSequenceNo(), e.hash());
        }
    }

    record BalanceView(String counterpartyCode, String counterpartyName, Amount debit, Amount credit,
                       Amount balance) {
        static BalanceView of(LedgerReports.DimensionBalance b) {
            return new BalanceView(b.counterpartyCode(), b.counterpartyName(), Amount.of(b.debit()),
                    Amount.of(b.credit()), Amount.of(b.balance()));
        }
    }

    record TransferView(String transferId, String ruleType, Amount amount, java.util.Map<String, String> parties,
                        String status, LocalDate sentOn, LocalDate receivedOn, String documentType,
                        String documentId, String memo) {
        static TransferView of(Transfer t) {
            return new TransferView(t.transferId(), t.ruleType(), Amount.of(t.amount()), t.parties(), t.status().name(),
                    t.sentOn(), t.receivedOn(), t.documentType(), t.documentId(), t.memo());
        }
    }

    /**
     * @param brokenAt the first break in Chinese (entry and what is wrong), null when the chain is intact
     * @param sequenceNo the entry where it breaks, null when intact
     */
    record VerifyView(String orgCode, boolean intact, String brokenAt, Long sequenceNo, String breakKind,
                      List<String> problems, long entries, long anchors, String keyId) {
        static VerifyView of(String orgCode, org.medfund.ledger.LedgerAudit.Report report) {
            var first = report.breaks().isEmpty() ? null : report.breaks().get(0);
            return new VerifyView(orgCode, report.sound(), first == null ? null : first.toString(),
                    first == null ? null : first.sequenceNo(), first == null ? null : first.kind().name(),
                    report.problems(), report.entries(), report.anchors(), report.keyId());
        }
    }
}

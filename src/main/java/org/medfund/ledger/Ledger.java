package org.medfund.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.medfund.common.Money;

/**
 * The fund ledger: one book per organisation, balanced immutable entries, transfers matched on both sides, a hash
 * chain per book (DESIGN.md §5). Other capabilities post only through {@link #post(BusinessEvent)}, which looks up
 * the posting rule for the event type (rules are data) and writes every entry it produces, in every book it
 * touches, in one transaction. Bad input is a {@link org.medfund.common.Rejection} and writes nothing.
 */
public interface Ledger {

    /**
     * Posts the entries that the posting rule of {@code event.type()} produces. Idempotent on
     * {@code event.requestId()}: the same id with the same content returns the entries posted the first time.
     */
    List<PostedEntry> post(BusinessEvent event);

    /** Reverses a posted entry with a new entry that references it, in the next open period if its own is closed. */
    PostedEntry reverse(String bookOrgCode, long sequenceNo, LocalDate date, String reason, String requestId);

    /**
     * Balance of an account (and its sub-accounts) in an organisation's book on a date, in the account's normal
     * direction (a debit-normal account is debits − credits). Dimension filters may be null.
     */
    Money balance(String bookOrgCode, String accountCode, String counterpartyOrgCode, String insuranceType,
                  LocalDate asOf);

    /** Opens the book of an organisation if it has none (book type from the organisation kind). */
    void openBook(String orgCode);

    /**
     * Posts many events in one transaction through the same checks as {@link #post(BusinessEvent)}, writing with
     * JDBC batches (bulk postings, imports, benchmarks). Either all are posted or, on a rejection, none.
     */
    List<PostedEntry> postAll(List<BusinessEvent> events);

    /** Posts a manual journal entry (same checks as rule postings); idempotent on its request id. */
    PostedEntry postJournal(JournalEntry entry);

    /**
     * Confirms receipt of an in-transit transfer: posts the payee side of its rule, dated {@code date}.
     * Idempotent on {@code requestId}; confirming an already received transfer is a rejection.
     */
    List<PostedEntry> confirmReceipt(String transferId, LocalDate date, String requestId);

    /** Opens a book of an explicit type and name (for organisations the registry does not know, e.g. tests). */
    void openBook(String orgCode, BookType type, String name);

    Optional<Book> book(String orgCode);

    List<Book> books();

    Optional<PostedEntry> entry(String orgCode, long sequenceNo);

    Optional<Transfer> transfer(String transferId);

    /**
     * Closes an accounting period of a book and every earlier one: no posting may go into them afterwards (a reversal
     * of an entry in a closed period goes into the next open period) and the balances are snapshotted.
     */
    void closePeriod(String orgCode, YearMonth period);

    /** The last closed period of a book, if any. */
    Optional<YearMonth> lastClosedPeriod(String orgCode);

    /** The date of the earliest entry of a book (its opening), empty for a book without entries or no book. */
    Optional<LocalDate> firstEntryDate(String orgCode);

    /** Closes an account in one book: it refuses further postings there. */
    void closeAccount(String orgCode, String accountCode);
}

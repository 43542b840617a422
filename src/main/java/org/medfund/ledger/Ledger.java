package org.medfund.ledger;

import java.time.LocalDate;
import java.util.List;
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
}

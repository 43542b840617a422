package org.medfund.ledger;

import java.util.List;

/**
 * The ledger's invariants (DESIGN.md §5), re-derived from the stored entries. Tests of every capability call
 * {@link #problems()} at the end of their scenarios and expect it empty.
 */
public interface LedgerAudit {

    /**
     * Everything wrong across all books, one human-readable line each: unbalanced entries or books, cached balances
     * that differ from the lines, forbidden negative balances, transfers not matched on both sides, broken hash
     * chains, period snapshots that differ from the entries. Empty when the ledger is sound.
     */
    List<String> problems();

    /** Recomputes the hash chain of one book (or every book when {@code orgCode} is null): first break per book. */
    List<ChainBreak> verifyChains(String orgCode);

    /** Throws {@link IllegalStateException} listing the problems, if any. */
    default void assertSound() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("ledger invariants broken:\n" + String.join("\n", problems));
        }
    }
}

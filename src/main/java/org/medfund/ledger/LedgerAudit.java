package org.medfund.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * The ledger's invariants (DESIGN.md §5), re-derived from the stored entries. Tests of every capability call
 * {@link #problems()} at the end of their scenarios and expect it empty; {@code medfund ledger verify} prints
 * {@link #verify(String)}.
 */
public interface LedgerAudit {

    /**
     * Everything wrong across all books, one line each in Chinese: broken chains, seals or anchors, unbalanced
     * entries or books, cached balances or period snapshots that differ from the lines, forbidden negative balances,
     * transfers not matched on both sides. Empty when the ledger is sound.
     */
    default List<String> problems() {
        Report report = verify(null);
        List<String> all = new ArrayList<>();
        report.breaks().forEach(b -> all.add("断链：" + b));
        all.addAll(report.problems());
        return all;
    }

    /**
     * Checks one book, or every book when {@code orgCode} is null: its chain, seals and anchors, and everything cached
     * or derived from its lines. Reads one consistent snapshot, so postings running meanwhile do not show as breaks.
     */
    Report verify(String orgCode);

    /** The chains, seals and anchors only, of one book (or every book when {@code orgCode} is null). */
    List<ChainBreak> verifyChains(String orgCode);

    /** Throws {@link IllegalStateException} listing the problems, if any. */
    default void assertSound() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new IllegalStateException("ledger invariants broken:\n" + String.join("\n", problems));
        }
    }

    /**
     * @param books books checked
     * @param entries entries that verified on their chains
     * @param anchors anchors found in those books
     * @param breaks the first break of each broken book
     * @param problems everything else, one line each in Chinese
     * @param keyId the public id of the ledger key the seals were checked with
     */
    record Report(int books, long entries, long anchors, List<ChainBreak> breaks, List<String> problems,
                  String keyId) {

        public Report {
            breaks = List.copyOf(breaks);
            problems = List.copyOf(problems);
        }

        public boolean sound() {
            return breaks.isEmpty() && problems.isEmpty();
        }
    }
}

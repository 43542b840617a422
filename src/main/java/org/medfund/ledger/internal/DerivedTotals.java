package org.medfund.ledger.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.medfund.common.Money;

/**
 * Totals the audit derives from the lines while the chain walk reads them, so verifying reads every line once instead
 * of once for the walk and once more per aggregate query (on H2 each aggregate over a large book took seconds:
 * docs/performance.md). Everything the cached tables claim is compared with these.
 */
final class DerivedTotals {

    /** One transfer's entries in one book: how many, and their debits. */
    record TransferSide(long entries, long debitFen) {
    }

    final Map<BalanceKey, Sums> balances = new HashMap<>();
    /** book → accounting period → account → movements of the period. */
    final Map<String, TreeMap<String, Map<String, Sums>>> movements = new HashMap<>();
    final Map<String, Sums> books = new TreeMap<>();
    /** transfer id → book → its entries there. */
    final Map<String, Map<String, TransferSide>> transfers = new HashMap<>();
    final List<String> unbalancedEntries = new java.util.ArrayList<>();

    void add(EntryRow e) {
        long debits = 0;
        long credits = 0;
        Map<String, Sums> moved = movements.computeIfAbsent(e.orgCode(), k -> new TreeMap<>())
                .computeIfAbsent(e.period(), k -> new HashMap<>());
        for (LineRow l : e.lines()) {
            Sums line = new Sums(l.debitFen(), l.creditFen());
            balances.merge(new BalanceKey(e.orgCode(), l.accountCode(),
                    l.counterpartyCode() == null ? "" : l.counterpartyCode()), line, Sums::plus);
            moved.merge(l.accountCode(), line, Sums::plus);
            debits = Math.addExact(debits, l.debitFen());
            credits = Math.addExact(credits, l.creditFen());
        }
        Sums entry = new Sums(debits, credits);
        books.merge(e.orgCode(), entry, Sums::plus);
        if (debits != credits) {
            unbalancedEntries.add("账套 " + e.orgCode() + " 第 " + e.sequenceNo() + " 号凭证借贷不平衡：" + entry);
        }
        if (e.source().transferId() != null) {
            transfers.computeIfAbsent(e.source().transferId(), k -> new HashMap<>()).merge(e.orgCode(),
                    new TransferSide(1, debits),
                    (a, b) -> new TransferSide(a.entries() + b.entries(), a.debitFen() + b.debitFen()));
        }
    }

    /** Cumulative movements per account of a book up to and including {@code period}. */
    Map<String, Sums> cumulative(String orgCode, String period) {
        Map<String, Sums> total = new HashMap<>();
        movements.getOrDefault(orgCode, new TreeMap<>()).headMap(period, true).values()
                .forEach(m -> m.forEach((account, sums) -> total.merge(account, sums, Sums::plus)));
        return total;
    }
}

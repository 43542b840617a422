package org.medfund.ledger.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.ledger.BookType;

/**
 * Cached balances of one write, held in memory while its drafts are applied in order, so a forbidden negative is
 * caught even when a later entry of the same batch would restore the balance. Keys are org|account|counterparty
 * (counterparty '' when none); account-level totals are kept beside them for accounts whose whole balance must
 * stay non-negative.
 */
final class Balances {

    private final Chart chart;
    private final LedgerStore store;
    private final Map<String, BookType> types;
    private final Map<String, long[]> current = new HashMap<>();
    private final Map<String, long[]> accountTotals = new HashMap<>();
    private final Map<String, long[]> deltas = new HashMap<>();
    private final Set<String> existing = new HashSet<>();

    Balances(Chart chart, LedgerStore store, Map<String, BookType> types) {
        this.chart = chart;
        this.store = store;
        this.types = types;
    }

    void load(Iterable<Draft> drafts) {
        Map<String, Set<String>> accountsByOrg = new HashMap<>();
        for (Draft d : drafts) {
            for (LineRow l : d.lines()) {
                accountsByOrg.computeIfAbsent(d.orgCode(), o -> new HashSet<>()).add(l.accountCode());
            }
        }
        accountsByOrg.forEach((org, accounts) -> store.balances(org, accounts).forEach((key, sums) -> {
            String full = org + "|" + key;
            current.put(full, sums);
            existing.add(full);
            long[] total = accountTotals.computeIfAbsent(org + "|" + key.substring(0, key.indexOf('|')),
                    k -> new long[2]);
            total[0] += sums[0];
            total[1] += sums[1];
        }));
    }

    void apply(Draft d) {
        for (LineRow l : d.lines()) {
            String key = d.orgCode() + "|" + l.accountCode() + "|" + (l.counterpartyCode() == null ? ""
                    : l.counterpartyCode());
            add(current, key, l);
            add(deltas, key, l);
            add(accountTotals, d.orgCode() + "|" + l.accountCode(), l);
        }
        for (int i = 0; i < d.lines().size(); i++) {
            LineRow l = d.lines().get(i);
            AccountDef account = chart.account(types.get(d.orgCode()), l.accountCode()).orElseThrow();
            boolean decreases = account.debitNormal() ? l.creditFen() > 0 : l.debitFen() > 0;
            if (!decreases || account.negativeRule().equals(AccountDef.NEGATIVE_NONE)) {
                continue;
            }
            boolean perCounterparty = account.negativeRule().equals(AccountDef.NEGATIVE_COUNTERPARTY);
            long[] sums = perCounterparty
                    ? current.get(d.orgCode() + "|" + l.accountCode() + "|"
                            + (l.counterpartyCode() == null ? "" : l.counterpartyCode()))
                    : accountTotals.get(d.orgCode() + "|" + l.accountCode());
            long balance = account.normalBalance(sums[0], sums[1]);
            if (balance < 0) {
                throw new Rejection("ledger.negative-balance", "lines[" + i + "]", "科目 " + l.accountCode() + " "
                        + account.name() + (perCounterparty ? "（" + l.counterpartyCode() + "）" : "")
                        + " 余额不足：记账后余额将为 " + Money.ofFen(balance) + "，该科目不允许负数");
            }
        }
    }

    private static void add(Map<String, long[]> map, String key, LineRow l) {
        long[] sums = map.computeIfAbsent(key, k -> new long[2]);
        sums[0] = Math.addExact(sums[0], l.debitFen());
        sums[1] = Math.addExact(sums[1], l.creditFen());
    }

    void save() {
        store.applyBalanceDeltas(deltas, existing);
    }
}

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
 * caught even when a later entry of the same batch would restore the balance. Keyed by book, account and
 * counterparty; account-level totals ({@link BalanceKey#accountTotal()}) are kept beside them for accounts whose
 * whole balance must stay non-negative.
 */
final class Balances {

    private final Chart chart;
    private final LedgerStore store;
    private final Map<String, BookType> types;
    private final Map<BalanceKey, Sums> current = new HashMap<>();
    private final Map<BalanceKey, Sums> accountTotals = new HashMap<>();
    private final Map<BalanceKey, Sums> deltas = new HashMap<>();
    private final Set<BalanceKey> existing = new HashSet<>();

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
            current.put(key, sums);
            existing.add(key);
            accountTotals.merge(key.accountTotal(), sums, Sums::plus);
        }));
    }

    void apply(Draft d) {
        for (LineRow l : d.lines()) {
            BalanceKey key = BalanceKey.of(d.orgCode(), l);
            current.merge(key, Sums.of(l), Sums::plus);
            deltas.merge(key, Sums.of(l), Sums::plus);
            accountTotals.merge(key.accountTotal(), Sums.of(l), Sums::plus);
        }
        for (int i = 0; i < d.lines().size(); i++) {
            LineRow l = d.lines().get(i);
            AccountDef account = chart.account(types.get(d.orgCode()), l.accountCode()).orElseThrow();
            boolean decreases = account.debitNormal() ? l.creditFen() > 0 : l.debitFen() > 0;
            if (!decreases || account.negativeRule() == NegativeRule.NONE) {
                continue;
            }
            boolean perCounterparty = account.negativeRule() == NegativeRule.COUNTERPARTY;
            BalanceKey key = BalanceKey.of(d.orgCode(), l);
            Sums sums = perCounterparty ? current.get(key) : accountTotals.get(key.accountTotal());
            long balance = account.normalBalance(sums.debitFen(), sums.creditFen());
            if (balance < 0) {
                throw new Rejection("ledger.negative-balance", "lines[" + i + "]", "科目 " + l.accountCode() + " "
                        + account.name() + (perCounterparty ? "（" + l.counterpartyCode() + "）" : "")
                        + " 余额不足：记账后余额将为 " + Money.ofFen(balance) + "，该科目不允许负数");
            }
        }
    }

    void save() {
        store.applyBalanceDeltas(deltas, existing);
    }
}

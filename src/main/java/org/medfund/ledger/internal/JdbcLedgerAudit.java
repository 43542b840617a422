package org.medfund.ledger.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.medfund.common.Money;
import org.medfund.ledger.Book;
import org.medfund.ledger.BookType;
import org.medfund.ledger.ChainBreak;
import org.medfund.ledger.LedgerAudit;
import org.medfund.ledger.Transfer;
import org.medfund.ledger.TransferStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-derives every invariant of DESIGN.md §5 from the stored rows; reports problems instead of fixing anything.
 * Everything cached (ledger_balance, the period snapshots) is recomputed from the lines, which the sealed chain
 * vouches for; messages name the book, entry, account or period and what is wrong, never a hash or seal.
 * Runs in one repeatable-read snapshot, so a posting committed meanwhile is either wholly seen or not at all.
 */
@Service
class JdbcLedgerAudit implements LedgerAudit {

    private final JdbcClient jdbc;
    private final LedgerStore store;
    private final TransferStore transfers;
    private final ChainVerifier chains;
    private final ChainSeals seals;
    private final Chart chart;
    private final PostingRules rules;

    JdbcLedgerAudit(JdbcClient jdbc, LedgerStore store, TransferStore transfers, ChainVerifier chains,
                    ChainSeals seals, LedgerCatalog catalog) {
        this.jdbc = jdbc;
        this.store = store;
        this.transfers = transfers;
        this.chains = chains;
        this.seals = seals;
        this.chart = catalog.chart();
        this.rules = catalog.rules();
    }

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public Report verify(String orgCode) {
        List<Book> books = books(orgCode);
        Chains chainData = chains(orgCode);
        DerivedTotals derived = new DerivedTotals();
        List<ChainBreak> breaks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long entries = 0;
        long anchors = 0;
        for (Book book : books) {
            ChainVerifier.BookCheck check = chainData.verify(book, derived::add);
            if (check.firstBreak() != null) {
                breaks.add(check.firstBreak());
            }
            Set<String> otherKeys = new TreeSet<>(check.anchorKeyIds());
            otherKeys.remove(seals.keyId());
            if (!otherKeys.isEmpty()) {
                problems.add("账套 " + book.orgCode() + " 的锚点由密钥 " + String.join("、", otherKeys)
                        + " 封签，当前账簿密钥为 " + seals.keyId() + "：请确认使用的是本账簿的密钥");
            }
            entries += check.entries();
            anchors += check.anchors();
        }
        if (orgCode == null || !books.isEmpty()) {
            problems.addAll(derived.unbalancedEntries);
            derived.books.forEach((org, sums) -> {
                if (sums.debitFen() != sums.creditFen()) {
                    problems.add("账套 " + org + " 试算不平衡：" + sums);
                }
            });
            checkBalances(orgCode, books, derived, problems);
            checkTransfers(orgCode, derived, problems);
            checkSnapshots(orgCode, derived, problems);
        }
        return new Report(books.size(), entries, anchors, breaks, problems, seals.keyId());
    }

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<String> problems() {
        return LedgerAudit.super.problems();
    }

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<ChainBreak> verifyChains(String orgCode) {
        Chains chainData = chains(orgCode);
        List<ChainBreak> breaks = new ArrayList<>();
        for (Book book : books(orgCode)) {
            ChainBreak first = chainData.verify(book, e -> { }).firstBreak();
            if (first != null) {
                breaks.add(first);
            }
        }
        return breaks;
    }

    /** What the chain checks need besides the entries, read once for all books rather than per book. */
    private record Chains(ChainVerifier verifier, Map<String, String> headSeals,
                          Map<String, List<AnchorRow>> anchors, Map<String, List<String>> closedPeriods) {
        ChainVerifier.BookCheck verify(Book book, Consumer<EntryRow> everyEntry) {
            String org = book.orgCode();
            return verifier.verify(book, headSeals.get(org), anchors.getOrDefault(org, List.of()),
                    closedPeriods.getOrDefault(org, List.of()), everyEntry);
        }
    }

    private Chains chains(String orgCode) {
        return new Chains(chains, store.headSeals(), store.anchorsByBook(orgCode), store.closedPeriods(orgCode));
    }

    private List<Book> books(String orgCode) {
        return orgCode == null ? store.books() : store.book(orgCode).map(List::of).orElse(List.of());
    }

    /** " and x.org_code = :org" when one book is checked. */
    private static String scope(String orgCode, String alias) {
        return orgCode == null ? "" : " and " + alias + ".org_code = :org";
    }

    /** Cached balances equal the balances derived from lines, and no forbidden negative exists. */
    private void checkBalances(String orgCode, List<Book> books, DerivedTotals derived, List<String> problems) {
        Map<BalanceKey, Sums> cached = new HashMap<>();
        jdbc.sql("select b.org_code, b.account_code, b.counterparty_code, b.debit_fen, b.credit_fen "
                        + "from ledger_balance b where 1 = 1" + scope(orgCode, "b"))
                .param("org", orgCode == null ? "" : orgCode)
                .query(rs -> {
                    cached.put(new BalanceKey(rs.getString(1), rs.getString(2), rs.getString(3)),
                            new Sums(rs.getLong(4), rs.getLong(5)));
                });
        Set<BalanceKey> keys = new TreeSet<>(derived.balances.keySet());
        keys.addAll(cached.keySet());
        for (BalanceKey key : keys) {
            Sums d = derived.balances.getOrDefault(key, Sums.ZERO);
            Sums c = cached.getOrDefault(key, Sums.ZERO);
            if (!d.equals(c)) {
                problems.add(key.describe() + " 的余额缓存（" + c + "）与分录合计（" + d + "）不符");
            }
        }
        checkNegatives(books, derived.balances, problems);
    }

    private void checkNegatives(List<Book> books, Map<BalanceKey, Sums> derived, List<String> problems) {
        Map<String, BookType> types = new HashMap<>();
        books.forEach(b -> types.put(b.orgCode(), b.type()));
        Map<BalanceKey, Sums> perAccount = new TreeMap<>();
        new TreeMap<>(derived).forEach((key, sums) -> {
            perAccount.merge(key.accountTotal(), sums, Sums::plus);
            AccountDef account = chart.account(types.get(key.orgCode()), key.accountCode()).orElse(null);
            if (account == null) {
                problems.add(key.describe() + " 有分录，但该科目不在科目表中");
            } else if (account.negativeRule() == NegativeRule.COUNTERPARTY
                    && account.normalBalance(sums.debitFen(), sums.creditFen()) < 0) {
                problems.add(key.describe() + " 出现不允许的负余额");
            }
        });
        perAccount.forEach((key, sums) -> {
            AccountDef account = chart.account(types.get(key.orgCode()), key.accountCode()).orElse(null);
            if (account != null && account.negativeRule() == NegativeRule.ACCOUNT
                    && account.normalBalance(sums.debitFen(), sums.creditFen()) < 0) {
                problems.add(key.describe() + " 出现不允许的负余额");
            }
        });
    }

    /**
     * Every transfer has, in each book its rule names for the stages it reached, exactly one entry under its id
     * whose debits equal the transfer amount times the rule's debit lines for that book; a transfer still in
     * transit has no payee entry yet. With one book: the transfers and entries that book takes part in.
     */
    private void checkTransfers(String orgCode, DerivedTotals derived, List<String> problems) {
        Map<String, Map<String, DerivedTotals.TransferSide>> byTransfer = new HashMap<>(derived.transfers);
        for (Transfer t : transfers.all()) {
            if (orgCode != null && !t.parties().containsValue(orgCode)) {
                continue;
            }
            Map<String, DerivedTotals.TransferSide> expected = expected(t);
            if (orgCode != null) {
                expected.keySet().retainAll(Set.of(orgCode));
            }
            Map<String, DerivedTotals.TransferSide> found = byTransfer.getOrDefault(t.transferId(), Map.of());
            Set<String> orgs = new TreeSet<>(expected.keySet());
            orgs.addAll(found.keySet());
            for (String org : orgs) {
                DerivedTotals.TransferSide e = expected.get(org);
                DerivedTotals.TransferSide f = found.get(org);
                if (e == null || !e.equals(f)) {
                    problems.add("划款 " + t.transferId() + "（" + t.status().label() + "）在账套 " + org + " 中不相符：应有 "
                            + (e == null ? "无凭证" : e.entries() + " 张凭证、借方 " + Money.ofFen(e.debitFen()).toYuanText())
                            + "，实有 " + (f == null ? "无凭证" : f.entries() + " 张凭证、借方 "
                            + Money.ofFen(f.debitFen()).toYuanText()));
                }
            }
            byTransfer.remove(t.transferId());
        }
        new TreeSet<>(byTransfer.keySet()).forEach(id -> problems.add("凭证引用了不存在的划款 " + id));
    }

    /** Book → {entries, debits} the transfer's rule calls for at the stage it reached. */
    private Map<String, DerivedTotals.TransferSide> expected(Transfer t) {
        boolean received = t.status() == TransferStatus.RECEIVED;
        Map<String, DerivedTotals.TransferSide> expected = new HashMap<>();
        for (RuleLine line : rules.rule(t.ruleType()).orElse(List.of())) {
            if (line.debit() && (!line.receipt() || received)) {
                String org = t.parties().get(line.bookRole());
                // One entry per book, however many of the rule's debit lines it has.
                expected.merge(org, new DerivedTotals.TransferSide(1, t.amount().fen()),
                        (a, b) -> new DerivedTotals.TransferSide(1, a.debitFen() + b.debitFen()));
            }
        }
        return expected;
    }

    /** Period snapshots equal the cumulative totals derived from the lines up to each closed period. */
    private void checkSnapshots(String orgCode, DerivedTotals derived, List<String> problems) {
        Map<String, Map<String, Map<String, Sums>>> snapshots = new TreeMap<>();
        jdbc.sql("select p.org_code, p.period, p.account_code, p.debit_fen, p.credit_fen "
                        + "from ledger_period_balance p where 1 = 1" + scope(orgCode, "p"))
                .param("org", orgCode == null ? "" : orgCode)
                .query(rs -> {
                    snapshots.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new HashMap<>())
                            .put(rs.getString(3), new Sums(rs.getLong(4), rs.getLong(5)));
                });
        Map<String, List<String>> closed = store.closedPeriods(orgCode);
        Set<String> orgs = new TreeSet<>(snapshots.keySet());
        orgs.addAll(closed.keySet());
        for (String org : orgs) {
            Map<String, Map<String, Sums>> byPeriod = snapshots.getOrDefault(org, Map.of());
            Set<String> periods = new TreeSet<>(byPeriod.keySet());
            periods.addAll(closed.getOrDefault(org, List.of()));
            for (String period : periods) {
                compareSnapshot(org, period, byPeriod.getOrDefault(period, Map.of()), derived.cumulative(org, period),
                        closed.getOrDefault(org, List.of()).contains(period), problems);
            }
        }
    }

    private static void compareSnapshot(String org, String period, Map<String, Sums> snapshot,
                                         Map<String, Sums> derived, boolean closed, List<String> problems) {
        if (!closed) {
            problems.add("账套 " + org + " 会计期间 " + period + " 有结账快照，但没有结账记录");
        }
        Set<String> accounts = new TreeSet<>(snapshot.keySet());
        accounts.addAll(derived.keySet());
        for (String account : accounts) {
            Sums s = snapshot.getOrDefault(account, Sums.ZERO);
            Sums d = derived.getOrDefault(account, Sums.ZERO);
            if (!s.equals(d)) {
                problems.add("账套 " + org + " 会计期间 " + period + " 科目 " + account + " 的结账快照（" + s
                        + "）与分录累计（" + d + "）不符");
            }
        }
    }
}

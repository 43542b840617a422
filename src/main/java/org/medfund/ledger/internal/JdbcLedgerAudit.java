package org.medfund.ledger.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.medfund.common.Money;
import org.medfund.ledger.Book;
import org.medfund.ledger.BookType;
import org.medfund.ledger.ChainBreak;
import org.medfund.ledger.LedgerAudit;
import org.medfund.ledger.Transfer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Re-derives every invariant of DESIGN.md §5 from the stored rows; reports problems instead of fixing anything.
 * Everything cached (ledger_balance, the period snapshots) is recomputed from the lines, which the sealed chain
 * vouches for; messages name the book, entry, account or period and what is wrong, never a value to copy back.
 * Runs in one repeatable-read snapshot, so a posting committed meanwhile is either wholly seen or not at all.
 */
@Service
class JdbcLedgerAudit implements LedgerAudit {

    /** Key of a cached or derived balance: one book, account and counterparty ('' when none). */
    private record BalanceKey(String orgCode, String accountCode, String counterpartyCode) implements
            Comparable<BalanceKey> {

        @Override
        public int compareTo(BalanceKey o) {
            return toString().compareTo(o.toString());
        }

        String describe() {
            return "账套 " + orgCode + " 科目 " + accountCode
                    + (counterpartyCode.isEmpty() ? "" : " 往来单位 " + counterpartyCode);
        }
    }

    /** Debit and credit totals in fen. */
    private record Sums(long debitFen, long creditFen) {
        static final Sums ZERO = new Sums(0, 0);

        Sums plus(Sums o) {
            return new Sums(Math.addExact(debitFen, o.debitFen), Math.addExact(creditFen, o.creditFen));
        }

        @Override
        public String toString() {
            return "借 " + Money.ofFen(debitFen).toYuanText() + " / 贷 " + Money.ofFen(creditFen).toYuanText();
        }
    }

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
        Map<String, String> headSeals = store.headSeals();
        List<ChainBreak> breaks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        long entries = 0;
        long anchors = 0;
        for (Book book : books) {
            ChainVerifier.BookCheck check = chains.verify(book, headSeals.get(book.orgCode()));
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
            checkEntriesBalance(orgCode, problems);
            checkBalances(orgCode, books, problems);
            checkTransfers(orgCode, problems);
            checkSnapshots(orgCode, problems);
        }
        return new Report(books.size(), entries, anchors, breaks, problems, seals.keyId());
    }

    @Override
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public List<ChainBreak> verifyChains(String orgCode) {
        Map<String, String> headSeals = store.headSeals();
        List<ChainBreak> breaks = new ArrayList<>();
        for (Book book : books(orgCode)) {
            ChainBreak first = chains.verify(book, headSeals.get(book.orgCode())).firstBreak();
            if (first != null) {
                breaks.add(first);
            }
        }
        return breaks;
    }

    private List<Book> books(String orgCode) {
        return orgCode == null ? store.books() : store.book(orgCode).map(List::of).orElse(List.of());
    }

    /** " and x.org_code = :org" when one book is checked. */
    private static String scope(String orgCode, String alias) {
        return orgCode == null ? "" : " and " + alias + ".org_code = :org";
    }

    private void checkEntriesBalance(String orgCode, List<String> problems) {
        jdbc.sql("select l.org_code, l.sequence_no, sum(l.debit_fen), sum(l.credit_fen) from ledger_line l "
                        + "where 1 = 1" + scope(orgCode, "l")
                        + " group by l.org_code, l.sequence_no having sum(l.debit_fen) <> sum(l.credit_fen)")
                .param("org", orgCode == null ? "" : orgCode)
                .query(rs -> {
                    problems.add("账套 " + rs.getString(1) + " 第 " + rs.getLong(2) + " 号凭证借贷不平衡："
                            + new Sums(rs.getLong(3), rs.getLong(4)));
                });
        jdbc.sql("select b.org_code, coalesce(sum(l.debit_fen), 0), coalesce(sum(l.credit_fen), 0) "
                        + "from ledger_book b left join ledger_line l on l.org_code = b.org_code where 1 = 1"
                        + scope(orgCode, "b") + " group by b.org_code "
                        + "having coalesce(sum(l.debit_fen), 0) <> coalesce(sum(l.credit_fen), 0)")
                .param("org", orgCode == null ? "" : orgCode)
                .query(rs -> {
                    problems.add("账套 " + rs.getString(1) + " 试算不平衡：" + new Sums(rs.getLong(2), rs.getLong(3)));
                });
    }

    /** Cached balances equal the balances derived from lines, and no forbidden negative exists. */
    private void checkBalances(String orgCode, List<Book> books, List<String> problems) {
        Map<BalanceKey, Sums> derived = new HashMap<>();
        jdbc.sql("select l.org_code, l.account_code, coalesce(l.counterparty_code, ''), sum(l.debit_fen), "
                        + "sum(l.credit_fen) from ledger_line l where 1 = 1" + scope(orgCode, "l")
                        + " group by l.org_code, l.account_code, coalesce(l.counterparty_code, '')")
                .param("org", orgCode == null ? "" : orgCode)
                .query(rs -> {
                    derived.put(new BalanceKey(rs.getString(1), rs.getString(2), rs.getString(3)),
                            new Sums(rs.getLong(4), rs.getLong(5)));
                });
        Map<BalanceKey, Sums> cached = new HashMap<>();
        jdbc.sql("select b.org_code, b.account_code, b.counterparty_code, b.debit_fen, b.credit_fen "
                        + "from ledger_balance b where 1 = 1" + scope(orgCode, "b"))
                .param("org", orgCode == null ? "" : orgCode)
                .query(rs -> {
                    cached.put(new BalanceKey(rs.getString(1), rs.getString(2), rs.getString(3)),
                            new Sums(rs.getLong(4), rs.getLong(5)));
                });
        Set<BalanceKey> keys = new TreeSet<>(derived.keySet());
        keys.addAll(cached.keySet());
        for (BalanceKey key : keys) {
            Sums d = derived.getOrDefault(key, Sums.ZERO);
            Sums c = cached.getOrDefault(key, Sums.ZERO);
            if (!d.equals(c)) {
                problems.add(key.describe() + " 的余额缓存（" + c + "）与分录合计（" + d + "）不符");
            }
        }
        checkNegatives(books, derived, problems);
    }

    private void checkNegatives(List<Book> books, Map<BalanceKey, Sums> derived, List<String> problems) {
        Map<String, BookType> types = new HashMap<>();
        books.forEach(b -> types.put(b.orgCode(), b.type()));
        Map<BalanceKey, Sums> perAccount = new TreeMap<>();
        derived.forEach((key, sums) -> {
            perAccount.merge(new BalanceKey(key.orgCode(), key.accountCode(), ""), sums, Sums::plus);
            AccountDef account = chart.account(types.get(key.orgCode()), key.accountCode()).orElse(null);
            if (account == null) {
                problems.add(key.describe() + " 有分录，但该科目不在科目表中");
            } else if (account.negativeRule().equals(AccountDef.NEGATIVE_COUNTERPARTY)
                    && account.normalBalance(sums.debitFen(), sums.creditFen()) < 0) {
                problems.add(key.describe() + " 出现不允许的负余额");
            }
        });
        perAccount.forEach((key, sums) -> {
            AccountDef account = chart.account(types.get(key.orgCode()), key.accountCode()).orElse(null);
            if (account != null && account.negativeRule().equals(AccountDef.NEGATIVE_ACCOUNT)
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
    private void checkTransfers(String orgCode, List<String> problems) {
        Map<String, Map<String, long[]>> byTransfer = new HashMap<>();
        jdbc.sql("""
                select e.transfer_id, e.org_code, count(distinct e.sequence_no), sum(l.debit_fen)
                from ledger_entry e
                join ledger_line l on l.org_code = e.org_code and l.sequence_no = e.sequence_no
                where e.transfer_id is not null""" + scope(orgCode, "e") + """

                group by e.transfer_id, e.org_code""")
                .param("org", orgCode == null ? "" : orgCode)
                .query(rs -> {
                    byTransfer.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(rs.getString(2), new long[] {rs.getLong(3), rs.getLong(4)});
                });
        for (Transfer t : transfers.all()) {
            if (orgCode != null && !t.parties().containsValue(orgCode)) {
                continue;
            }
            Map<String, long[]> expected = expected(t);
            if (orgCode != null) {
                expected.keySet().retainAll(Set.of(orgCode));
            }
            Map<String, long[]> found = byTransfer.getOrDefault(t.transferId(), Map.of());
            Set<String> orgs = new TreeSet<>(expected.keySet());
            orgs.addAll(found.keySet());
            for (String org : orgs) {
                long[] e = expected.get(org);
                long[] f = found.get(org);
                if (e == null || f == null || e[0] != f[0] || e[1] != f[1]) {
                    problems.add("划款 " + t.transferId() + "（" + t.status() + "）在账套 " + org + " 中不相符：应有 "
                            + (e == null ? "无凭证" : e[0] + " 张凭证、借方 " + Money.ofFen(e[1]).toYuanText())
                            + "，实有 " + (f == null ? "无凭证" : f[0] + " 张凭证、借方 "
                            + Money.ofFen(f[1]).toYuanText()));
                }
            }
            byTransfer.remove(t.transferId());
        }
        byTransfer.keySet().forEach(id -> problems.add("凭证引用了不存在的划款 " + id));
    }

    /** Book → {entries, debits} the transfer's rule calls for at the stage it reached. */
    private Map<String, long[]> expected(Transfer t) {
        boolean received = t.status().equals(Transfer.RECEIVED);
        Map<String, long[]> expected = new HashMap<>();
        for (RuleLine line : rules.rule(t.ruleType()).orElse(List.of())) {
            if (line.debit() && (!line.receipt() || received)) {
                String org = t.parties().get(line.bookRole());
                long[] e = expected.computeIfAbsent(org, k -> new long[] {1, 0});
                e[1] += t.amount().fen();
            }
        }
        return expected;
    }

    /**
     * Period snapshots equal the cumulative totals derived from the lines: one grouped pass over the lines by
     * book, accounting period and account, accumulated in period order, instead of a subquery per snapshot row.
     */
    private void checkSnapshots(String orgCode, List<String> problems) {
        Map<String, Map<String, Map<String, Sums>>> snapshots = new TreeMap<>();
        jdbc.sql("select p.org_code, p.period, p.account_code, p.debit_fen, p.credit_fen "
                        + "from ledger_period_balance p where 1 = 1" + scope(orgCode, "p"))
                .param("org", orgCode == null ? "" : orgCode)
                .query(rs -> {
                    snapshots.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new HashMap<>())
                            .put(rs.getString(3), new Sums(rs.getLong(4), rs.getLong(5)));
                });
        Map<String, Set<String>> closed = new HashMap<>();
        jdbc.sql("select p.org_code, p.period from ledger_period p where 1 = 1" + scope(orgCode, "p"))
                .param("org", orgCode == null ? "" : orgCode)
                .query(rs -> {
                    closed.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
                });
        Map<String, TreeMap<String, Map<String, Sums>>> movements = new HashMap<>();
        jdbc.sql("select l.org_code, e.period, l.account_code, sum(l.debit_fen), sum(l.credit_fen) "
                        + "from ledger_line l join ledger_entry e on e.org_code = l.org_code "
                        + "and e.sequence_no = l.sequence_no where 1 = 1" + scope(orgCode, "l")
                        + " group by l.org_code, e.period, l.account_code")
                .param("org", orgCode == null ? "" : orgCode)
                .query(rs -> {
                    movements.computeIfAbsent(rs.getString(1), k -> new TreeMap<>())
                            .computeIfAbsent(rs.getString(2), k -> new HashMap<>())
                            .put(rs.getString(3), new Sums(rs.getLong(4), rs.getLong(5)));
                });
        Set<String> orgs = new TreeSet<>(snapshots.keySet());
        orgs.addAll(closed.keySet());
        for (String org : orgs) {
            Map<String, Map<String, Sums>> byPeriod = snapshots.getOrDefault(org, Map.of());
            Set<String> periods = new TreeSet<>(byPeriod.keySet());
            periods.addAll(closed.getOrDefault(org, Set.of()));
            TreeMap<String, Map<String, Sums>> moved = movements.getOrDefault(org, new TreeMap<>());
            for (String period : periods) {
                Map<String, Sums> cumulative = new HashMap<>();
                moved.headMap(period, true).values().forEach(m -> m.forEach((account, sums) ->
                        cumulative.merge(account, sums, Sums::plus)));
                compareSnapshot(org, period, byPeriod.getOrDefault(period, Map.of()), cumulative,
                        closed.getOrDefault(org, Set.of()).contains(period), problems);
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

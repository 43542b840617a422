package org.medfund.ledger.internal;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medfund.ledger.Book;
import org.medfund.ledger.BookType;
import org.medfund.ledger.ChainBreak;
import org.medfund.ledger.LedgerAudit;
import org.medfund.ledger.Transfer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Re-derives every invariant of DESIGN.md §5 from the stored rows; reports problems instead of fixing anything. */
@Service
class JdbcLedgerAudit implements LedgerAudit {

    /** Entries read per round trip while walking a chain. */
    static final int CHAIN_PAGE_ENTRIES = 2_000;

    private final JdbcClient jdbc;
    private final LedgerStore store;
    private final TransferStore transfers;
    private final Chart chart;
    private final PostingRules rules;

    JdbcLedgerAudit(JdbcClient jdbc, LedgerStore store, TransferStore transfers, LedgerCatalog catalog) {
        this.jdbc = jdbc;
        this.store = store;
        this.transfers = transfers;
        this.chart = catalog.chart();
        this.rules = catalog.rules();
    }

    @Override
    @Transactional(readOnly = true)
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        jdbc.sql("""
                select org_code, sequence_no, sum(debit_fen), sum(credit_fen) from ledger_line
                group by org_code, sequence_no having sum(debit_fen) <> sum(credit_fen)""")
                .query(rs -> {
                    problems.add("unbalanced entry " + rs.getString(1) + "#" + rs.getLong(2) + ": debit "
                            + rs.getLong(3) + " credit " + rs.getLong(4));
                });
        jdbc.sql("""
                select b.org_code, coalesce(sum(l.debit_fen), 0), coalesce(sum(l.credit_fen), 0)
                from ledger_book b left join ledger_line l on l.org_code = b.org_code
                group by b.org_code having coalesce(sum(l.debit_fen), 0) <> coalesce(sum(l.credit_fen), 0)""")
                .query(rs -> {
                    problems.add("unbalanced book " + rs.getString(1) + ": trial balance debit " + rs.getLong(2)
                            + " credit " + rs.getLong(3));
                });
        checkBalances(problems);
        checkTransfers(problems);
        checkSnapshots(problems);
        verifyChains(null).forEach(b -> problems.add("broken chain: " + b));
        return problems;
    }

    /** Cached balances equal the balances derived from lines, and no forbidden negative exists. */
    private void checkBalances(List<String> problems) {
        Map<String, long[]> derived = new HashMap<>();
        jdbc.sql("""
                select org_code, account_code, coalesce(counterparty_code, ''), sum(debit_fen), sum(credit_fen)
                from ledger_line group by org_code, account_code, coalesce(counterparty_code, '')""")
                .query(rs -> {
                    derived.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3),
                            new long[] {rs.getLong(4), rs.getLong(5)});
                });
        Map<String, long[]> cached = new HashMap<>();
        jdbc.sql("select org_code, account_code, counterparty_code, debit_fen, credit_fen from ledger_balance")
                .query(rs -> {
                    cached.put(rs.getString(1) + "|" + rs.getString(2) + "|" + rs.getString(3),
                            new long[] {rs.getLong(4), rs.getLong(5)});
                });
        for (String key : union(derived, cached)) {
            long[] d = derived.getOrDefault(key, new long[2]);
            long[] c = cached.getOrDefault(key, new long[2]);
            if (d[0] != c[0] || d[1] != c[1]) {
                problems.add("cached balance differs from lines at " + key + ": cached " + c[0] + "/" + c[1]
                        + ", derived " + d[0] + "/" + d[1]);
            }
        }
        Map<String, BookType> types = new HashMap<>();
        store.books().forEach(b -> types.put(b.orgCode(), b.type()));
        Map<String, long[]> perAccount = new HashMap<>();
        derived.forEach((key, sums) -> {
            String[] parts = key.split("\\|", -1);
            long[] total = perAccount.computeIfAbsent(parts[0] + "|" + parts[1], k -> new long[2]);
            total[0] += sums[0];
            total[1] += sums[1];
            AccountDef account = chart.account(types.get(parts[0]), parts[1]).orElse(null);
            if (account == null) {
                problems.add("line on an account missing from the chart: " + key);
            } else if (account.negativeRule().equals(AccountDef.NEGATIVE_COUNTERPARTY)
                    && account.normalBalance(sums[0], sums[1]) < 0) {
                problems.add("forbidden negative balance at " + key);
            }
        });
        perAccount.forEach((key, sums) -> {
            String[] parts = key.split("\\|", -1);
            AccountDef account = chart.account(types.get(parts[0]), parts[1]).orElse(null);
            if (account != null && account.negativeRule().equals(AccountDef.NEGATIVE_ACCOUNT)
                    && account.normalBalance(sums[0], sums[1]) < 0) {
                problems.add("forbidden negative balance at " + key);
            }
        });
    }

    private static java.util.Set<String> union(Map<String, long[]> a, Map<String, long[]> b) {
        java.util.Set<String> keys = new java.util.TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    /**
     * Every transfer has, in each book its rule names for the stages it reached, exactly one entry under its id
     * whose debits equal the transfer amount times the rule's debit lines for that book; a transfer still in
     * transit has no payee entry yet.
     */
    private void checkTransfers(List<String> problems) {
        Map<String, Map<String, long[]>> byTransfer = new HashMap<>();
        jdbc.sql("""
                select e.transfer_id, e.org_code, count(distinct e.sequence_no), sum(l.debit_fen)
                from ledger_entry e
                join ledger_line l on l.org_code = e.org_code and l.sequence_no = e.sequence_no
                where e.transfer_id is not null
                group by e.transfer_id, e.org_code""")
                .query(rs -> {
                    byTransfer.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                            .put(rs.getString(2), new long[] {rs.getLong(3), rs.getLong(4)});
                });
        for (Transfer t : transfers.all()) {
            boolean received = t.status().equals(Transfer.RECEIVED);
            Map<String, long[]> expected = new HashMap<>();
            for (RuleLine line : rules.rule(t.ruleType()).orElse(List.of())) {
                if (line.debit() && (!line.receipt() || received)) {
                    String org = t.parties().get(line.bookRole());
                    long[] e = expected.computeIfAbsent(org, k -> new long[] {1, 0});
                    e[1] += t.amount().fen();
                }
            }
            Map<String, long[]> found = byTransfer.getOrDefault(t.transferId(), Map.of());
            for (String org : union(expected, found)) {
                long[] e = expected.get(org);
                long[] f = found.get(org);
                if (e == null || f == null || e[0] != f[0] || e[1] != f[1]) {
                    problems.add("transfer " + t.transferId() + " (" + t.status() + ") not matched in book " + org
                            + ": expected " + (e == null ? "no entry" : e[0] + " entry, debits " + e[1])
                            + ", found " + (f == null ? "no entry" : f[0] + " entries, debits " + f[1]));
                }
            }
            byTransfer.remove(t.transferId());
        }
        byTransfer.keySet().forEach(id -> problems.add("entries name an unknown transfer " + id));
    }

    /** Period snapshots equal the cumulative totals derived from the entries. */
    private void checkSnapshots(List<String> problems) {
        jdbc.sql("""
                select p.org_code, p.period, p.account_code, p.debit_fen, p.credit_fen,
                       (select coalesce(sum(l.debit_fen), 0) from ledger_line l join ledger_entry e
                          on e.org_code = l.org_code and e.sequence_no = l.sequence_no
                        where l.org_code = p.org_code and l.account_code = p.account_code and e.period <= p.period),
                       (select coalesce(sum(l.credit_fen), 0) from ledger_line l join ledger_entry e
                          on e.org_code = l.org_code and e.sequence_no = l.sequence_no
                        where l.org_code = p.org_code and l.account_code = p.account_code and e.period <= p.period)
                from ledger_period_balance p""")
                .query(rs -> {
                    if (rs.getLong(4) != rs.getLong(6) || rs.getLong(5) != rs.getLong(7)) {
                        problems.add("period snapshot " + rs.getString(1) + " " + rs.getString(2) + " "
                                + rs.getString(3) + " differs from entries");
                    }
                });
    }

    @Override
    @Transactional(readOnly = true)
    public List<ChainBreak> verifyChains(String orgCode) {
        List<Book> books = orgCode == null ? store.books() : store.book(orgCode).map(List::of).orElse(List.of());
        List<ChainBreak> breaks = new ArrayList<>();
        for (Book book : books) {
            ChainBreak first = verify(book);
            if (first != null) {
                breaks.add(first);
            }
        }
        return breaks;
    }

    private ChainBreak verify(Book book) {
        String org = book.orgCode();
        long expectedSeq = 1;
        String prev = EntryHash.GENESIS;
        while (true) {
            List<EntryRow> page = store.entries(org, expectedSeq, CHAIN_PAGE_ENTRIES);
            for (EntryRow e : page) {
                if (e.sequenceNo() != expectedSeq) {
                    return new ChainBreak(org, expectedSeq, "sequence " + expectedSeq, "sequence " + e.sequenceNo(),
                            "凭证缺失（序号不连续）");
                }
                if (!e.prevHash().equals(prev)) {
                    return new ChainBreak(org, expectedSeq, prev, e.prevHash(), "上一凭证哈希不符");
                }
                String recomputed = EntryHash.of(e);
                if (!recomputed.equals(e.hash())) {
                    return new ChainBreak(org, expectedSeq, recomputed, e.hash(), "凭证内容与哈希不符（被改动）");
                }
                prev = e.hash();
                expectedSeq++;
            }
            if (page.size() < CHAIN_PAGE_ENTRIES) {
                break;
            }
        }
        if (book.entryCount() != expectedSeq - 1) {
            return new ChainBreak(org, expectedSeq, "entries up to " + book.entryCount(),
                    "entries up to " + (expectedSeq - 1), "凭证缺失（账套凭证数与凭证不符）");
        }
        if (!book.lastHash().equals(prev)) {
            return new ChainBreak(org, expectedSeq - 1, book.lastHash(), prev, "账套链尾哈希与最后凭证不符");
        }
        return null;
    }
}

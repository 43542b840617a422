package org.medfund.ledger.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.ledger.Book;
import org.medfund.ledger.BookType;
import org.medfund.ledger.PostedEntry;
import org.medfund.ledger.LedgerReports;
import org.medfund.ledger.Transfer;
import org.medfund.ledger.TransferStatus;
import org.medfund.registry.Org;
import org.medfund.registry.Registry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Statements computed from the lines with SQL (the second way of checking balance, STYLE.md 5). */
@Service
@Transactional(readOnly = true)
class JdbcLedgerReports implements LedgerReports {

    private final JdbcClient jdbc;
    private final LedgerStore store;
    private final EntryWriter writer;
    private final TransferStore transfers;
    private final Chart chart;
    private final ObjectProvider<Registry> registry;

    JdbcLedgerReports(JdbcClient jdbc, LedgerStore store, EntryWriter writer, TransferStore transfers,
                      LedgerCatalog catalog, ObjectProvider<Registry> registry) {
        this.jdbc = jdbc;
        this.store = store;
        this.writer = writer;
        this.transfers = transfers;
        this.chart = catalog.chart();
        this.registry = registry;
    }

    private Book book(String orgCode) {
        return store.book(orgCode).orElseThrow(() -> Rejection.notFound("ledger.book-missing", "orgCode",
                "该机构尚无账套: " + orgCode));
    }

    private AccountDef account(Book book, String code) {
        return chart.account(book.type(), code).orElseThrow(() -> new Rejection("ledger.account-unknown",
                "accountCode", "未知科目: " + code));
    }

    @Override
    public FundFlows fundFlows(Collection<String> orgCodes, String insuranceType, YearMonth from, YearMonth to) {
        if (orgCodes.isEmpty() || from.isAfter(to)) {
            throw new IllegalStateException("fund flows need books and a period range: " + orgCodes + " " + from);
        }
        Map<YearMonth, PeriodFlow> byPeriod = new java.util.TreeMap<>();
        long[] balance = new long[1];  // one running total, written from the row callback
        jdbc.sql("""
                select e.period, left(l.account_code, 1) as class, sum(l.debit_fen), sum(l.credit_fen), count(*)
                from ledger_line l
                join ledger_entry e on e.org_code = l.org_code and e.sequence_no = l.sequence_no
                where l.org_code in (:orgs) and l.insurance_type = :fund and e.period <= :to
                  and left(l.account_code, 1) in ('3', '4', '5')
                group by e.period, left(l.account_code, 1)""")
                .param("orgs", List.copyOf(orgCodes)).param("fund", insuranceType).param("to", to.toString())
                .query(rs -> {
                    long debit = rs.getLong(3);
                    long credit = rs.getLong(4);
                    // 3xxx and 4xxx are credit-normal, 5xxx debit-normal: the fund balance is credit − debit of all.
                    balance[0] = Math.addExact(balance[0], credit - debit);
                    YearMonth period = YearMonth.parse(rs.getString(1));
                    String accountClass = rs.getString(2);
                    if (!period.isBefore(from) && !accountClass.equals("3")) {
                        PeriodFlow flow = accountClass.equals("4")
                                ? new PeriodFlow(credit - debit, 0, rs.getLong(5))
                                : new PeriodFlow(0, debit - credit, rs.getLong(5));
                        byPeriod.merge(period, flow, PeriodFlow::plus);
                    }
                });
        List<FundPeriod> periods = new ArrayList<>();
        for (YearMonth p = from; !p.isAfter(to); p = p.plusMonths(1)) {
            PeriodFlow flow = byPeriod.getOrDefault(p, PeriodFlow.NONE);
            periods.add(new FundPeriod(p, Money.ofFen(flow.incomeFen()), Money.ofFen(flow.expenditureFen()),
                    flow.lines()));
        }
        return new FundFlows(Money.ofFen(balance[0]), periods);
    }

    /** One period's fund income (4xxx, credit − debit), expenditure (5xxx, debit − credit) and line count. */
    private record PeriodFlow(long incomeFen, long expenditureFen, long lines) {
        static final PeriodFlow NONE = new PeriodFlow(0, 0, 0);

        PeriodFlow plus(PeriodFlow o) {
            return new PeriodFlow(incomeFen + o.incomeFen, expenditureFen + o.expenditureFen, lines + o.lines);
        }
    }

    /** An account's sums before the period (the opening balance) and within it. */
    private record AccountSums(Sums before, Sums during) {
        static final AccountSums ZERO = new AccountSums(Sums.ZERO, Sums.ZERO);

        AccountSums plus(AccountSums o) {
            return new AccountSums(before.plus(o.before), during.plus(o.during));
        }

        boolean isZero() {
            return before.isZero() && during.isZero();
        }

        /** The trial-balance columns: opening and closing balances split by side, the period's movements. */
        Columns columns() {
            long opening = before.netDebitFen();
            long closing = opening + during.netDebitFen();
            return new Columns(Math.max(opening, 0), Math.max(-opening, 0), during.debitFen(), during.creditFen(),
                    Math.max(closing, 0), Math.max(-closing, 0));
        }
    }

    /** One trial-balance row's amounts in fen, column by column. */
    private record Columns(long openingDebitFen, long openingCreditFen, long debitFen, long creditFen,
                           long closingDebitFen, long closingCreditFen) {
        static final Columns ZERO = new Columns(0, 0, 0, 0, 0, 0);

        Columns plus(Columns o) {
            return new Columns(openingDebitFen + o.openingDebitFen, openingCreditFen + o.openingCreditFen,
                    debitFen + o.debitFen, creditFen + o.creditFen, closingDebitFen + o.closingDebitFen,
                    closingCreditFen + o.closingCreditFen);
        }
    }

    @Override
    public TrialBalance trialBalance(String orgCode, YearMonth period) {
        Book book = book(orgCode);
        Map<String, AccountSums> sums = new HashMap<>();
        jdbc.sql("""
                select l.account_code,
                       sum(case when e.period < :period then l.debit_fen else 0 end),
                       sum(case when e.period < :period then l.credit_fen else 0 end),
                       sum(case when e.period = :period then l.debit_fen else 0 end),
                       sum(case when e.period = :period then l.credit_fen else 0 end)
                from ledger_line l
                join ledger_entry e on e.org_code = l.org_code and e.sequence_no = l.sequence_no
                where l.org_code = :org and e.period <= :period
                group by l.account_code""")
                .param("org", orgCode).param("period", period.toString())
                .query(rs -> {
                    sums.put(rs.getString(1), new AccountSums(new Sums(rs.getLong(2), rs.getLong(3)),
                            new Sums(rs.getLong(4), rs.getLong(5))));
                });
        List<TrialBalanceRow> rows = new ArrayList<>();
        Columns total = Columns.ZERO;
        for (AccountDef a : chart.accounts(book.type())) {
            AccountSums s = sums.entrySet().stream()
                    .filter(e -> e.getKey().equals(a.code()) || e.getKey().startsWith(a.code() + "."))
                    .map(Map.Entry::getValue).reduce(AccountSums.ZERO, AccountSums::plus);
            if (s.isZero()) {
                continue;
            }
            Columns row = s.columns();
            if (a.postable()) {
                total = total.plus(row);
            }
            rows.add(row(a.code(), a.name(), a.parentCode() == null ? 0 : 1, a.memo(), row));
        }
        return new TrialBalance(orgCode, book.name(), period, rows, row(null, "合计", 0, false, total),
                anchors(orgCode, period));
    }

    /**
     * The period's anchors as stored; a tampered row is left out here (verify reports it), so a statement never
     * fails to print because an anchor was damaged.
     */
    private List<org.medfund.ledger.Anchor> anchors(String orgCode, YearMonth period) {
        List<org.medfund.ledger.Anchor> anchors = new ArrayList<>();
        for (AnchorRow a : store.anchors(orgCode, period)) {
            try {
                anchors.add(a.toAnchor());
            } catch (IllegalArgumentException | java.time.format.DateTimeParseException damaged) {
                // Unknown reason or period text: not an anchor the writer made.
            }
        }
        return anchors;
    }

    private static TrialBalanceRow row(String code, String name, int level, boolean memo, Columns v) {
        return new TrialBalanceRow(code, name, level, memo, Money.ofFen(v.openingDebitFen()),
                Money.ofFen(v.openingCreditFen()), Money.ofFen(v.debitFen()), Money.ofFen(v.creditFen()),
                Money.ofFen(v.closingDebitFen()), Money.ofFen(v.closingCreditFen()));
    }

    @Override
    public DetailLedger detailLedger(String orgCode, String accountCode, YearMonth from, YearMonth to,
                                     String counterpartyCode) {
        Book book = book(orgCode);
        AccountDef account = account(book, accountCode);
        if (to.isBefore(from)) {
            throw new Rejection("ledger.range-invalid", "to", "截止期间早于起始期间");
        }
        Sums before = store.derivedSums(orgCode, accountCode, counterpartyCode, null, from.atDay(1).minusDays(1));
        long running = account.normalBalance(before.debitFen(), before.creditFen());
        Money opening = Money.ofFen(running);
        List<DetailRow> rows = new ArrayList<>();
        String counterpartyFilter = counterpartyCode == null ? "" : " and l.counterparty_code = :counterparty";
        var query = jdbc.sql("""
                select e.entry_date, e.sequence_no, e.memo, l.account_code, l.debit_fen, l.credit_fen,
                       l.counterparty_code, l.insurance_type, l.dim_period, l.reference
                from ledger_line l
                join ledger_entry e on e.org_code = l.org_code and e.sequence_no = l.sequence_no
                where l.org_code = :org and (l.account_code = :account or l.account_code like :children)
                  and e.entry_date between :from and :to %s
                order by e.entry_date, e.sequence_no, l.line_no
                limit :limit""".formatted(counterpartyFilter))
                .param("org", orgCode).param("account", accountCode).param("children", accountCode + ".%")
                .param("from", Date.valueOf(from.atDay(1))).param("to", Date.valueOf(to.atEndOfMonth()))
                .param("limit", ROWS_MAX + 1);
        if (counterpartyCode != null) {
            query = query.param("counterparty", counterpartyCode);
        }
        List<DetailLine> lines = query
                .query((rs, n) -> new DetailLine(rs.getObject(1, LocalDate.class), rs.getLong(2), rs.getString(3),
                        new LineRow(0, rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getString(7),
                                rs.getString(8), rs.getString(9), rs.getString(10))))
                .list();
        if (lines.size() > ROWS_MAX) {
            throw new Rejection("ledger.too-many-rows", "to", "明细超过 " + ROWS_MAX + " 行，请缩小期间范围");
        }
        for (DetailLine d : lines) {
            LineRow l = d.line();
            running += account.normalBalance(l.debitFen(), l.creditFen());
            rows.add(new DetailRow(d.date(), d.sequenceNo(), d.memo(), l.accountCode(), Money.ofFen(l.debitFen()),
                    Money.ofFen(l.creditFen()), side(account, running), Money.ofFen(Math.abs(running)),
                    l.counterpartyCode(), l.insuranceType(), l.dimPeriod(), l.reference()));
        }
        return new DetailLedger(orgCode, accountCode, account.name(), from, to, opening, rows, Money.ofFen(running));
    }

    /** One line of a detail ledger with its entry's date, number and memo (line number not read: 0). */
    private record DetailLine(LocalDate date, long sequenceNo, String memo, LineRow line) {
    }

    /** 借/贷/平 of a balance held in the account's normal direction. */
    private static String side(AccountDef account, long normalBalance) {
        if (normalBalance == 0) {
            return "平";
        }
        return (normalBalance > 0) == account.debitNormal() ? "借" : "贷";
    }

    @Override
    public java.util.Optional<YearMonth> latestPeriod(String orgCode) {
        return jdbc.sql("select max(period) from ledger_entry where org_code = :org").param("org", orgCode)
                .query(String.class).list().stream().filter(java.util.Objects::nonNull).findFirst()
                .map(YearMonth::parse);
    }

    @Override
    public List<PostedEntry> journal(String orgCode, YearMonth period) {
        Book book = book(orgCode);
        List<Long> sequence = jdbc.sql("select sequence_no from ledger_entry where org_code = :org "
                        + "and period = :period order by sequence_no limit :limit")
                .param("org", orgCode).param("period", period.toString()).param("limit", ROWS_MAX + 1)
                .query(Long.class).list();
        if (sequence.size() > ROWS_MAX) {
            throw new Rejection("ledger.too-many-rows", "period", "凭证超过 " + ROWS_MAX + " 张");
        }
        List<PostedEntry> entries = new ArrayList<>();
        for (Long seq : sequence) {
            entries.add(writer.posted(store.entry(orgCode, seq).orElseThrow(), book.type()));
        }
        return entries;
    }

    @Override
    public List<PostedEntry> entriesOfDocument(String documentType, String documentId) {
        List<Map<String, Object>> refs = jdbc.sql("""
                select org_code, sequence_no from ledger_entry
                where document_type = :type and document_id = :id
                order by org_code, sequence_no limit :limit""")
                .param("type", documentType).param("id", documentId).param("limit", ROWS_MAX + 1)
                .query().listOfRows();
        if (refs.size() > ROWS_MAX) {
            throw new Rejection("ledger.too-many-rows", "documentId", "该业务单据的凭证超过 " + ROWS_MAX + " 张");
        }
        List<PostedEntry> entries = new ArrayList<>(refs.size());
        for (Map<String, Object> ref : refs) {
            String org = (String) ref.get("org_code");
            entries.add(writer.posted(store.entry(org, ((Number) ref.get("sequence_no")).longValue())
                    .orElseThrow(), book(org).type()));
        }
        return entries;
    }

    @Override
    public List<PostedEntry> entriesOfRequest(String requestId) {
        // The request log holds the entries each request posted ("org#seq,org#seq"), under its primary key.
        String refs = jdbc.sql("select entry_refs from ledger_request where request_id = :id")
                .param("id", requestId).query(String.class).optional().orElse("");
        List<PostedEntry> entries = new ArrayList<>();
        for (String ref : refs.isEmpty() ? new String[0] : refs.split(",")) {
            int hash = ref.lastIndexOf('#');
            String org = ref.substring(0, hash);
            entries.add(writer.posted(store.entry(org, Long.parseLong(ref.substring(hash + 1))).orElseThrow(() ->
                    new IllegalStateException("request log points at a missing entry " + ref)), book(org).type()));
        }
        return entries;
    }

    @Override
    public java.util.Optional<PostedEntry> reversalOf(String orgCode, long sequenceNo) {
        return jdbc.sql("select sequence_no from ledger_entry where org_code = :org and reverses_sequence_no = :seq")
                .param("org", orgCode).param("seq", sequenceNo).query(Long.class).optional()
                .flatMap(seq -> store.entry(orgCode, seq)).map(e -> writer.posted(e, book(orgCode).type()));
    }

    @Override
    public List<DimensionBalance> balancesByCounterparty(String orgCode, String accountCode, LocalDate asOf) {
        Book book = book(orgCode);
        AccountDef account = account(book, accountCode);
        Registry orgs = registry.getIfAvailable();
        return jdbc.sql("""
                select l.counterparty_code, sum(l.debit_fen), sum(l.credit_fen)
                from ledger_line l
                join ledger_entry e on e.org_code = l.org_code and e.sequence_no = l.sequence_no
                where l.org_code = :org and (l.account_code = :account or l.account_code like :children)
                  and e.entry_date <= :asOf
                group by l.counterparty_code
                order by l.counterparty_code""")
                .param("org", orgCode).param("account", accountCode).param("children", accountCode + ".%")
                .param("asOf", Date.valueOf(asOf))
                .query((rs, n) -> {
                    String code = rs.getString(1);
                    String name = code == null || orgs == null ? null : orgs.org(code).map(Org::name).orElse(null);
                    return new DimensionBalance(code, name, Money.ofFen(rs.getLong(2)), Money.ofFen(rs.getLong(3)),
                            Money.ofFen(account.normalBalance(rs.getLong(2), rs.getLong(3))));
                })
                .list().stream().filter(b -> !b.balance().isZero()).toList();
    }

    @Override
    public List<Transfer> transfersInTransit() {
        return transfers.withStatus(TransferStatus.IN_TRANSIT, ROWS_MAX);
    }

    @Override
    public List<AccountInfo> chart(BookType type) {
        return chart.accounts(type).stream()
                .map(a -> new AccountInfo(a.code(), a.name(), a.debitNormal(), a.memo(), a.postable())).toList();
    }
}

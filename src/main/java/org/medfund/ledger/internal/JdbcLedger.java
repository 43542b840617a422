package org.medfund.ledger.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.medfund.common.Fingerprint;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.ledger.Book;
import org.medfund.ledger.BookType;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.EntryLine;
import org.medfund.ledger.JournalEntry;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.PostedEntry;
import org.medfund.ledger.Transfer;
import org.medfund.ledger.TransferStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger facade. Every posting path (rule events, journal entries, reversals, receipt confirmations) builds
 * {@link Draft}s and hands them to {@link EntryWriter}, the one place that checks and writes entries.
 */
@Service
class JdbcLedger implements Ledger {

    /** Events per {@link #postAll} call; callers with more split them. */
    static final int EVENTS_PER_CALL_MAX = 100_000;

    private final Chart chart;
    private final PostingRules rules;
    private final LedgerStore store;
    private final EntryWriter writer;
    private final BookOpener opener;
    private final Clock clock;

    JdbcLedger(LedgerCatalog catalog, LedgerStore store, EntryWriter writer, BookOpener opener, Clock clock) {
        this.chart = catalog.chart();
        this.rules = catalog.rules();
        this.store = store;
        this.writer = writer;
        this.opener = opener;
        this.clock = clock;
    }

    @Override
    @Transactional
    public List<PostedEntry> post(BusinessEvent event) {
        return postAll(List.of(event));
    }

    @Override
    @Transactional
    public List<PostedEntry> postAll(List<BusinessEvent> events) {
        if (events.size() > EVENTS_PER_CALL_MAX) {
            throw new Rejection("ledger.batch-too-large", "events", "单次最多记账 " + EVENTS_PER_CALL_MAX + " 笔");
        }
        List<EntryWriter.Request> requests = new ArrayList<>(events.size());
        for (BusinessEvent event : events) {
            List<RuleLine> rule = checkEvent(event);
            boolean transfer = PostingRules.isTransfer(rule);
            Consumer<List<EntryRow>> after = transfer ? written -> writer.insertTransfer(event) : written -> { };
            requests.add(new EntryWriter.Request(event.requestId(), fingerprint(event),
                    () -> drafts(event, rule, false, transfer ? event.requestId() : null), after));
        }
        return writer.write(requests);
    }

    private List<RuleLine> checkEvent(BusinessEvent event) {
        List<RuleLine> rule = rules.rule(event.type()).orElseThrow(() -> new Rejection("ledger.rule-unknown",
                "type", "未知的记账规则: " + event.type()));
        if (event.date() == null) {
            throw new Rejection("ledger.date-missing", "date", "缺少记账日期");
        }
        if (event.amount() == null || !event.amount().isPositive()) {
            throw new Rejection("ledger.amount-not-positive", "amount", "金额必须大于零: " + event.amount());
        }
        for (String role : PostingRules.partyRoles(rule)) {
            String code = event.parties().get(role);
            if (code == null || code.isBlank()) {
                throw new Rejection("ledger.party-missing", "parties." + role,
                        "记账规则 " + event.type() + " 需要参与方 " + role);
            }
        }
        return rule;
    }

    static String fingerprint(BusinessEvent e) {
        return Fingerprint.of("post", e.type(), String.valueOf(e.date()), String.valueOf(e.period()),
                Long.toString(e.amount().fen()), new TreeMap<>(e.parties()).toString(), e.insuranceType(),
                e.documentType(), e.documentId(), e.packId(), e.article(), e.memo());
    }

    /** The entries of one stage of a rule, one per book role, in rule order. */
    static List<Draft> drafts(BusinessEvent e, List<RuleLine> rule, boolean receipt, String transferId) {
        Map<String, List<LineRow>> byRole = new LinkedHashMap<>();
        for (RuleLine line : rule) {
            if (line.receipt() != receipt) {
                continue;
            }
            List<LineRow> lines = byRole.computeIfAbsent(line.bookRole(), r -> new ArrayList<>());
            long fen = e.amount().fen();
            lines.add(new LineRow(lines.size() + 1, line.accountCode(), line.debit() ? fen : 0,
                    line.debit() ? 0 : fen,
                    line.counterpartyRole() == null ? null : e.parties().get(line.counterpartyRole()),
                    e.insuranceType(), e.period() == null ? null : e.period().toString(), e.documentId()));
        }
        List<Draft> drafts = new ArrayList<>();
        EntrySource source = EntrySource.rule(e.type(), e.documentType(), e.documentId(), e.packId(), e.article(),
                transferId, e.requestId());
        byRole.forEach((role, lines) -> drafts.add(new Draft(e.parties().get(role), e.date(), e.memo(), source,
                lines)));
        return drafts;
    }

    @Override
    @Transactional
    public PostedEntry postJournal(JournalEntry entry) {
        if (entry.date() == null) {
            throw new Rejection("ledger.date-missing", "date", "缺少记账日期");
        }
        List<LineRow> lines = new ArrayList<>();
        StringBuilder content = new StringBuilder();
        for (EntryLine l : entry.lines()) {
            if (l.debit() == null || l.credit() == null) {
                throw new Rejection("ledger.amount-not-positive", "lines[" + lines.size() + "]", "借贷金额不可为空");
            }
            lines.add(new LineRow(lines.size() + 1, l.accountCode(), l.debit().fen(), l.credit().fen(),
                    l.counterpartyOrgCode(), l.insuranceType(), l.period(), l.reference()));
            content.append(lines.get(lines.size() - 1)).append('\n');
        }
        Draft draft = new Draft(entry.orgCode(), entry.date(), entry.memo(),
                EntrySource.journal(entry.documentType(), entry.documentId(), entry.requestId()), lines);
        String fingerprint = Fingerprint.of("journal", entry.orgCode(), entry.date().toString(), entry.memo(),
                entry.documentType(), entry.documentId(), content.toString());
        return writer.write(List.of(new EntryWriter.Request(entry.requestId(), fingerprint, () -> List.of(draft),
                written -> { }))).get(0);
    }

    @Override
    @Transactional
    public PostedEntry reverse(String bookOrgCode, long sequenceNo, LocalDate date, String reason,
                               String requestId) {
        if (date == null) {
            throw new Rejection("ledger.date-missing", "date", "缺少冲销日期");
        }
        Supplier<List<Draft>> drafts = () -> {
            EntryRow original = store.entry(bookOrgCode, sequenceNo).orElseThrow(() -> Rejection.notFound(
                    "ledger.entry-unknown", "sequenceNo", "账套 " + bookOrgCode + " 无第 " + sequenceNo + " 号凭证"));
            if (store.isReversed(bookOrgCode, sequenceNo)) {
                throw Rejection.conflict("ledger.already-reversed", "sequenceNo", "该凭证已冲销: " + sequenceNo);
            }
            List<LineRow> lines = new ArrayList<>();
            for (LineRow l : original.lines()) {
                lines.add(new LineRow(l.lineNo(), l.accountCode(), l.creditFen(), l.debitFen(), l.counterpartyCode(),
                        l.insuranceType(), l.dimPeriod(), l.reference()));
            }
            LocalDate postingDate = firstOpenDate(bookOrgCode, date);
            String memo = "冲销第 " + sequenceNo + " 号凭证" + (reason == null ? "" : "：" + reason);
            return List.of(new Draft(bookOrgCode, postingDate, memo,
                    EntrySource.reversal(original.source(), sequenceNo, requestId), lines));
        };
        String fingerprint = Fingerprint.of("reverse", bookOrgCode, Long.toString(sequenceNo), date.toString(),
                reason);
        return writer.write(List.of(new EntryWriter.Request(requestId, fingerprint, drafts, written -> { })))
                .get(0);
    }

    /** The date itself when its period is open, else the first day of the first open period after it. */
    private LocalDate firstOpenDate(String orgCode, LocalDate date) {
        Optional<YearMonth> closed = lastClosedPeriod(orgCode);
        if (closed.isPresent() && !YearMonth.from(date).isAfter(closed.get())) {
            return closed.get().plusMonths(1).atDay(1);
        }
        return date;
    }

    @Override
    @Transactional
    public List<PostedEntry> confirmReceipt(String transferId, LocalDate date, String requestId) {
        if (date == null) {
            throw new Rejection("ledger.date-missing", "date", "缺少到账日期");
        }
        Supplier<List<Draft>> drafts = () -> {
            Transfer transfer = writer.transfer(transferId).orElseThrow(() -> Rejection.notFound(
                    "ledger.transfer-unknown", "transferId", "无此划款: " + transferId));
            if (transfer.status() != TransferStatus.IN_TRANSIT) {
                throw Rejection.conflict("ledger.transfer-received", "transferId", "该划款已确认到账: " + transferId);
            }
            if (date.isBefore(transfer.sentOn())) {
                throw new Rejection("ledger.receipt-before-sending", "date", "到账日期早于划出日期");
            }
            BusinessEvent event = writer.transferEvent(transferId, date, requestId);
            return drafts(event, rules.rule(transfer.ruleType()).orElseThrow(), true, transferId);
        };
        String fingerprint = Fingerprint.of("receipt", transferId, date.toString());
        return writer.write(List.of(new EntryWriter.Request(requestId, fingerprint, drafts,
                written -> writer.markReceived(transferId, date))));
    }

    @Override
    public Money balance(String bookOrgCode, String accountCode, String counterpartyOrgCode, String insuranceType,
                         LocalDate asOf) {
        BookType type = store.book(bookOrgCode).map(Book::type).orElse(null);
        AccountDef account = (type == null
                ? chart.account(BookType.AGENCY, accountCode).or(() -> chart.account(BookType.FINANCE, accountCode))
                : chart.account(type, accountCode))
                .orElseThrow(() -> new Rejection("ledger.account-unknown", "accountCode", "未知科目: " + accountCode));
        if (type == null) {
            return Money.ZERO;
        }
        Sums sums = store.derivedSums(bookOrgCode, accountCode, counterpartyOrgCode, insuranceType, asOf);
        return Money.ofFen(account.normalBalance(sums.debitFen(), sums.creditFen()));
    }

    @Override
    @Transactional
    public void openBook(String orgCode) {
        opener.open(orgCode);
    }

    @Override
    @Transactional
    public void openBook(String orgCode, BookType type, String name) {
        opener.open(orgCode, type, name);
    }

    @Override
    public Optional<Book> book(String orgCode) {
        return store.book(orgCode);
    }

    @Override
    public List<Book> books() {
        return store.books();
    }

    @Override
    public Optional<PostedEntry> entry(String orgCode, long sequenceNo) {
        return store.entry(orgCode, sequenceNo).map(e -> writer.posted(e));
    }

    @Override
    public Optional<Transfer> transfer(String transferId) {
        return writer.transfer(transferId);
    }

    @Override
    @Transactional
    public void closePeriod(String orgCode, YearMonth period) {
        writer.closePeriod(orgCode, period);
    }

    @Override
    public Optional<YearMonth> lastClosedPeriod(String orgCode) {
        return store.lastClosedPeriod(orgCode).map(YearMonth::parse);
    }

    @Override
    public Optional<LocalDate> firstEntryDate(String orgCode) {
        return store.firstEntryDate(orgCode);
    }

    @Override
    @Transactional
    public void closeAccount(String orgCode, String accountCode) {
        Book book = store.book(orgCode).orElseThrow(() -> Rejection.notFound("ledger.book-missing", "orgCode",
                "该机构尚无账套: " + orgCode));
        chart.account(book.type(), accountCode).orElseThrow(() -> new Rejection("ledger.account-unknown",
                "accountCode", "未知科目: " + accountCode));
        store.closeAccount(orgCode, accountCode, LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS));
    }
}

package org.medfund.ledger.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.medfund.common.AuditLog;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.ledger.Anchor;
import org.medfund.ledger.BookType;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.EntryLine;
import org.medfund.ledger.PostedEntry;
import org.medfund.ledger.Transfer;
import org.springframework.stereotype.Component;

/**
 * The one place entries are checked and written ("a journal entry is balanced or does not exist"). A write locks the
 * books it touches in code order, checks every draft against the chart, the closed periods, the closed accounts
 * and the balances (forbidden negatives, applied event by event in order), and only then writes entries, lines,
 * cached balances, the books' sequence and chain head and the idempotency records, all with JDBC batches. A
 * rejection therefore writes nothing.
 */
@Component
class EntryWriter {

    static final int REQUEST_ID_LENGTH_MAX = 100;
    /** Entries of one write named in the audit log (a bulk posting names its first ones). */
    static final int AUDIT_ENTRIES_MAX = 10;

    /** One idempotent unit of posting; {@code drafts} runs only when the request id is new. */
    record Request(String requestId, String fingerprint, Supplier<List<Draft>> drafts,
                   Consumer<List<EntryRow>> afterWrite) {
    }

    private final Chart chart;
    private final LedgerStore store;
    private final TransferStore transfers;
    private final BookOpener opener;
    private final ChainSeals seals;
    private final AuditLog audit;
    private final Clock clock;

    EntryWriter(LedgerCatalog catalog, LedgerStore store, TransferStore transfers, BookOpener opener,
                ChainSeals seals, AuditLog audit, Clock clock) {
        this.chart = catalog.chart();
        this.store = store;
        this.transfers = transfers;
        this.opener = opener;
        this.seals = seals;
        this.audit = audit;
        this.clock = clock;
    }

    /** Writes the new requests, answers repeats from the first posting; entries in request order. */
    List<PostedEntry> write(List<Request> requests) {
        Map<String, LedgerStore.PostedRequest> earlier = new HashMap<>(store.requests(requestIds(requests)));
        List<Request> fresh = new ArrayList<>();
        List<Draft> drafts = new ArrayList<>();
        List<Integer> draftCounts = new ArrayList<>();
        Map<String, String> freshFingerprints = new HashMap<>();
        for (Request r : requests) {
            LedgerStore.PostedRequest before = earlier.get(r.requestId());
            String fingerprint = before != null ? before.fingerprint() : freshFingerprints.get(r.requestId());
            if (fingerprint != null) {
                if (!fingerprint.equals(r.fingerprint())) {
                    throw Rejection.conflict("request.id-reused", "requestId",
                            "请求编号 " + r.requestId() + " 已用于内容不同的请求");
                }
                continue;
            }
            List<Draft> made = r.drafts().get();
            freshFingerprints.put(r.requestId(), r.fingerprint());
            fresh.add(r);
            drafts.addAll(made);
            draftCounts.add(made.size());
        }
        if (fresh.isEmpty()) {
            audit.replayed();
        } else {
            audit.fresh();
        }
        List<EntryRow> written = writeDrafts(drafts);
        written.stream().limit(AUDIT_ENTRIES_MAX)
                .forEach(e -> audit.note("entry", e.orgCode() + "#" + e.sequenceNo()));
        List<LedgerStore.PostedRequest> requestRows = new ArrayList<>(fresh.size());
        Map<String, List<EntryRow>> byRequest = new HashMap<>();
        int at = 0;
        for (int i = 0; i < fresh.size(); i++) {
            List<EntryRow> own = written.subList(at, at + draftCounts.get(i));
            at += draftCounts.get(i);
            byRequest.put(fresh.get(i).requestId(), own);
            requestRows.add(new LedgerStore.PostedRequest(fresh.get(i).requestId(), fresh.get(i).fingerprint(),
                    refs(own)));
        }
        store.insertRequests(requestRows);
        for (int i = 0; i < fresh.size(); i++) {
            fresh.get(i).afterWrite().accept(byRequest.get(fresh.get(i).requestId()));
        }
        List<PostedEntry> result = new ArrayList<>();
        Map<String, BookType> types = new HashMap<>();
        for (Request r : requests) {
            List<EntryRow> own = byRequest.get(r.requestId());
            if (own != null) {
                own.forEach(e -> result.add(posted(e, types.computeIfAbsent(e.orgCode(),
                        o -> store.book(o).orElseThrow().type()))));
            } else {
                result.addAll(load(earlier.get(r.requestId()).entryRefs()));
            }
        }
        return result;
    }

    private static List<String> requestIds(List<Request> requests) {
        Set<String> ids = new HashSet<>();
        for (Request r : requests) {
            if (r.requestId() == null || r.requestId().isBlank() || r.requestId().length() > REQUEST_ID_LENGTH_MAX) {
                throw new Rejection("request.id-invalid", "requestId",
                        "请求编号必须为 1 至 " + REQUEST_ID_LENGTH_MAX + " 个字符");
            }
            ids.add(r.requestId());
        }
        return List.copyOf(ids);
    }

    private static String refs(List<EntryRow> entries) {
        StringBuilder refs = new StringBuilder();
        for (EntryRow e : entries) {
            refs.append(refs.length() == 0 ? "" : ",").append(e.orgCode()).append('#').append(e.sequenceNo());
        }
        return refs.toString();
    }

    private List<PostedEntry> load(String refs) {
        List<PostedEntry> entries = new ArrayList<>();
        for (String ref : refs.isEmpty() ? new String[0] : refs.split(",")) {
            int hash = ref.lastIndexOf('#');
            String org = ref.substring(0, hash);
            long seq = Long.parseLong(ref.substring(hash + 1));
            entries.add(posted(store.entry(org, seq).orElseThrow(() -> new IllegalStateException(
                    "request log points at a missing entry " + ref))));
        }
        return entries;
    }

    /** Per-book state gathered under the lock for one write. */
    private static final class BookWork {
        final LedgerStore.BookState state;
        final YearMonth lastClosed;
        final Set<String> closedAccounts;
        long nextSequenceNo;
        String lastHash;

        BookWork(LedgerStore.BookState state, YearMonth lastClosed, Set<String> closedAccounts) {
            this.state = state;
            this.lastClosed = lastClosed;
            this.closedAccounts = closedAccounts;
            this.nextSequenceNo = state.nextSequenceNo();
            this.lastHash = state.lastHash();
        }
    }

    private List<EntryRow> writeDrafts(List<Draft> drafts) {
        if (drafts.isEmpty()) {
            return List.of();
        }
        Map<String, BookWork> books = lockBooks(drafts);
        for (Draft d : drafts) {
            check(d, books.get(d.orgCode()));
            // Checked again under the book lock: two reversals of one entry must not both pass the early check.
            Long reverses = d.source().reversesSequenceNo();
            if (reverses != null && store.isReversed(d.orgCode(), reverses)) {
                throw Rejection.conflict("ledger.already-reversed", "sequenceNo", "该凭证已冲销: " + reverses);
            }
        }
        Balances balances = new Balances(chart, store, books.keySet().stream()
                .collect(java.util.stream.Collectors.toMap(o -> o, o -> books.get(o).state.type())));
        balances.load(drafts);
        for (Draft d : drafts) {
            balances.apply(d);
        }
        LocalDateTime postedAt = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        List<EntryRow> rows = new ArrayList<>(drafts.size());
        List<EntryRow> anchored = new ArrayList<>();
        for (Draft d : drafts) {
            BookWork book = books.get(d.orgCode());
            EntryRow unsealed = new EntryRow(d, book.nextSequenceNo, YearMonth.from(d.date()).toString(), postedAt,
                    ChainLink.after(book.lastHash));
            String hash = EntryHash.of(unsealed);
            EntryRow row = unsealed.sealed(hash, seals.entry(unsealed.orgCode(), unsealed.sequenceNo(), hash));
            rows.add(row);
            if (row.sequenceNo() % Anchor.INTERVAL_ENTRIES == 0) {
                anchored.add(row);
            }
            book.nextSequenceNo++;
            book.lastHash = hash;
        }
        store.insertEntries(rows);
        balances.save();
        for (EntryRow row : anchored) {
            anchor(row.orgCode(), Anchor.Reason.INTERVAL, YearMonth.parse(row.period()), row.sequenceNo(),
                    row.hash(), postedAt);
        }
        books.forEach((org, book) -> store.updateBook(org, book.nextSequenceNo, book.lastHash,
                seals.head(org, book.nextSequenceNo, book.lastHash)));
        return rows;
    }

    /** Seals and stores the next anchor of a book; the caller holds the book's lock. */
    private void anchor(String orgCode, Anchor.Reason reason, YearMonth period, long sequenceNo, String entryHash,
                        LocalDateTime anchoredAt) {
        AnchorRow unsealed = new AnchorRow(store.lastAnchorNo(orgCode) + 1, reason.name(), period.toString(),
                sequenceNo, entryHash, anchoredAt, seals.keyId(), null);
        store.insertAnchor(orgCode, unsealed.sealed(seals.anchor(orgCode, unsealed)));
    }

    /** Opens missing books (registry permitting), then locks every book of the write in code order. */
    private Map<String, BookWork> lockBooks(List<Draft> drafts) {
        Set<String> orgs = new TreeSet<>();
        for (Draft d : drafts) {
            orgs.add(d.orgCode());
        }
        Map<String, BookWork> books = new TreeMap<>();
        for (String org : orgs) {
            opener.open(org);
            LedgerStore.BookState state = lockBook(org);
            YearMonth lastClosed = store.lastClosedPeriod(org).map(YearMonth::parse).orElse(null);
            books.put(org, new BookWork(state, lastClosed, new HashSet<>(store.closedAccounts(org))));
        }
        return books;
    }

    /** Locks a book for writing; refused when a rotation has put it under another key than this process's. */
    private LedgerStore.BookState lockBook(String orgCode) {
        LedgerStore.BookState state = store.lockBook(orgCode).orElseThrow(() -> Rejection.notFound(
                "ledger.book-missing", "orgCode", "该机构尚无账套: " + orgCode));
        seals.requireKey(orgCode, state.keyId());
        return state;
    }

    /** The checks of one entry against its book: each failure its own rejection code. */
    private void check(Draft d, BookWork book) {
        if (d.date() == null) {
            throw new Rejection("ledger.date-missing", "date", "缺少记账日期");
        }
        if (book.lastClosed != null && !YearMonth.from(d.date()).isAfter(book.lastClosed)) {
            throw new Rejection("ledger.period-closed", "date", "账套 " + d.orgCode() + " 的会计期间 "
                    + YearMonth.from(d.date()) + " 已结账（已结至 " + book.lastClosed + "）");
        }
        long debits = 0;
        long credits = 0;
        long memoDebits = 0;
        long memoCredits = 0;
        for (int i = 0; i < d.lines().size(); i++) {
            LineRow l = d.lines().get(i);
            String field = "lines[" + i + "]";
            AccountDef account = chart.account(book.state.type(), l.accountCode()).orElseThrow(() ->
                    new Rejection("ledger.account-unknown", field + ".accountCode", book.state.type()
                            + " 账套无此科目: " + l.accountCode()));
            if (!account.postable()) {
                throw new Rejection("ledger.account-not-postable", field + ".accountCode",
                        "科目 " + l.accountCode() + " " + account.name() + " 有明细科目，请记入明细科目");
            }
            if (book.closedAccounts.contains(l.accountCode())) {
                throw new Rejection("ledger.account-closed", field + ".accountCode",
                        "科目 " + l.accountCode() + " " + account.name() + " 在账套 " + d.orgCode() + " 已停用");
            }
            boolean oneSided = (l.debitFen() > 0 && l.creditFen() == 0) || (l.creditFen() > 0 && l.debitFen() == 0);
            if (!oneSided) {
                throw new Rejection("ledger.amount-not-positive", field,
                        "每行须且仅须有一方（借或贷）金额大于零");
            }
            debits = Math.addExact(debits, account.memo() ? 0 : l.debitFen());
            credits = Math.addExact(credits, account.memo() ? 0 : l.creditFen());
            memoDebits = Math.addExact(memoDebits, account.memo() ? l.debitFen() : 0);
            memoCredits = Math.addExact(memoCredits, account.memo() ? l.creditFen() : 0);
        }
        if (d.lines().size() < 2 || debits != credits || memoDebits != memoCredits) {
            throw new Rejection("ledger.unbalanced", "lines", "借贷不平衡：借方 " + Money.ofFen(debits)
                    + "，贷方 " + Money.ofFen(credits) + (memoDebits != memoCredits ? "（备查科目亦不平衡）" : ""));
        }
    }

    PostedEntry posted(EntryRow e) {
        return posted(e, store.book(e.orgCode()).orElseThrow().type());
    }

    PostedEntry posted(EntryRow e, BookType type) {
        List<EntryLine> lines = new ArrayList<>();
        for (LineRow l : e.lines()) {
            String name = chart.account(type, l.accountCode()).map(AccountDef::name).orElse(l.accountCode());
            lines.add(new EntryLine(l.accountCode(), name, Money.ofFen(l.debitFen()), Money.ofFen(l.creditFen()),
                    l.counterpartyCode(), l.insuranceType(), l.dimPeriod(), l.reference()));
        }
        EntrySource s = e.source();
        return new PostedEntry(e.orgCode(), e.sequenceNo(), e.date(), e.period(), e.memo(), lines,
                s.documentType(), s.documentId(), s.ruleType(), s.packId(), s.article(), s.reversesSequenceNo(),
                e.hash());
    }

    void insertTransfer(BusinessEvent event) {
        transfers.insert(event);
    }

    Optional<Transfer> transfer(String transferId) {
        return transfers.find(transferId);
    }

    BusinessEvent transferEvent(String transferId, LocalDate date, String requestId) {
        return transfers.event(transferId, date, requestId);
    }

    void markReceived(String transferId, LocalDate date) {
        transfers.markReceived(transferId, date);
    }

    /**
     * Closes a period (and all before it) and snapshots cumulative balances per account up to its end. Closing a
     * period that is already closed changes nothing, so a repeated close is harmless.
     */
    void closePeriod(String orgCode, YearMonth period) {
        LedgerStore.BookState book = lockBook(orgCode);
        Optional<YearMonth> last = store.lastClosedPeriod(orgCode).map(YearMonth::parse);
        if (last.isPresent() && !period.isAfter(last.get())) {
            audit.replayed();
            return;
        }
        LocalDateTime closedAt = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        store.closePeriod(orgCode, period, closedAt);
        audit.note("closed", orgCode + "@" + period);
        anchor(orgCode, Anchor.Reason.PERIOD_CLOSE, period, book.nextSequenceNo() - 1, book.lastHash(), closedAt);
    }
}

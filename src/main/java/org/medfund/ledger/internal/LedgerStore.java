package org.medfund.ledger.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfund.ledger.Book;
import org.medfund.ledger.BookType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The ledger's SQL: every statement that touches the ledger tables lives here, next to nothing else. */
@Component
class LedgerStore {

    /** Rows per IN list, kept well below what either database accepts. */
    static final int IN_LIST_MAX = 500;

    private static final String ENTRY_COLUMNS = """
            org_code, sequence_no, entry_date, period, memo, rule_type, document_type, document_id, pack_id, article,
            reverses_sequence_no, transfer_id, request_id, posted_at, prev_hash, hash, seal""";

    private static final String LINE_COLUMNS = """
            org_code, sequence_no, line_no, account_code, debit_fen, credit_fen, counterparty_code, insurance_type,
            dim_period, reference""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final CopyWriter copy;

    LedgerStore(JdbcClient jdbc, JdbcTemplate template, CopyWriter copy) {
        this.jdbc = jdbc;
        this.template = template;
        this.copy = copy;
    }

    /**
     * Inserts a book unless one exists (concurrent openers both succeed: the head seal of an empty book is fixed),
     * recording the id of the key its seals are under.
     */
    void insertBookIfAbsent(String orgCode, BookType type, String name, LocalDateTime openedAt, String headSeal,
                            String keyId) {
        jdbc.sql("""
                insert into ledger_book (org_code, book_type, name, opened_at, next_sequence_no, last_hash, head_seal,
                                         key_id)
                values (:org, :type, :name, :openedAt, 1, :genesis, :headSeal, :keyId)
                on conflict do nothing""")
                .param("org", orgCode).param("type", type.name()).param("name", name)
                .param("openedAt", Timestamp.valueOf(openedAt)).param("genesis", EntryHash.GENESIS)
                .param("headSeal", headSeal).param("keyId", keyId).update();
    }

    /**
     * Locks the database's key row (V411) and reads the id of the key the ledger is sealed under, null until the first
     * rotation: opening a book and rotating take this lock first, so they never run at the same time.
     */
    String lockKeyRow() {
        return jdbc.sql("select key_id from ledger_key where singleton = 1 for update")
                .query(String.class).list().get(0);
    }

    void updateKeyRow(String keyId) {
        jdbc.sql("update ledger_key set key_id = :keyId where singleton = 1").param("keyId", keyId).update();
    }

    Optional<Book> book(String orgCode) {
        return jdbc.sql("select org_code, book_type, name, next_sequence_no, last_hash from ledger_book "
                        + "where org_code = :org")
                .param("org", orgCode).query(LedgerStore::book).optional();
    }

    List<Book> books() {
        return jdbc.sql("select org_code, book_type, name, next_sequence_no, last_hash from ledger_book "
                + "order by org_code").query(LedgerStore::book).list();
    }

    private static Book book(ResultSet rs, int n) throws SQLException {
        return new Book(rs.getString(1), BookType.valueOf(rs.getString(2)), rs.getString(3), rs.getLong(4) - 1,
                rs.getString(5));
    }

    /**
     * Book state read under a row lock: the per-book sequence is gapless because only the lock holder moves it.
     *
     * @param keyId the id of the key the book is sealed under; null for a book opened before key rotation existed
     */
    record BookState(String orgCode, BookType type, long nextSequenceNo, String lastHash, String keyId) {
    }

    Optional<BookState> lockBook(String orgCode) {
        return jdbc.sql("select org_code, book_type, next_sequence_no, last_hash, key_id from ledger_book "
                        + "where org_code = :org for update")
                .param("org", orgCode).query(LedgerStore::bookState).optional();
    }

    /** Every book locked, in code order (the order postings lock them in), as a rotation needs them. */
    List<BookState> lockAllBooks() {
        return jdbc.sql("select org_code, book_type, next_sequence_no, last_hash, key_id from ledger_book "
                        + "order by org_code for update")
                .query(LedgerStore::bookState).list();
    }

    private static BookState bookState(ResultSet rs, int n) throws SQLException {
        return new BookState(rs.getString(1), BookType.valueOf(rs.getString(2)), rs.getLong(3), rs.getString(4),
                rs.getString(5));
    }

    /** A page of a book's entries as (sequence number, hash), for re-sealing them. */
    List<Object[]> entryHashes(String orgCode, long afterSequenceNo, int limit) {
        return template.query("select sequence_no, hash from ledger_entry where org_code = ? and sequence_no > ? "
                        + "order by sequence_no limit " + limit,
                (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2)}, orgCode, afterSequenceNo);
    }

    /** New seals of entries: rows of (seal, org, sequence number). */
    void updateEntrySeals(List<Object[]> rows) {
        template.batchUpdate("update ledger_entry set seal = ? where org_code = ? and sequence_no = ?", rows);
    }

    /** New key id and seal of anchors: rows of (key id, seal, org, anchor number). */
    void updateAnchorSeals(List<Object[]> rows) {
        template.batchUpdate("update ledger_anchor set key_id = ?, seal = ? where org_code = ? and anchor_no = ?",
                rows);
    }

    void updateBookSeal(String orgCode, String headSeal, String keyId) {
        jdbc.sql("update ledger_book set head_seal = :headSeal, key_id = :keyId where org_code = :org")
                .param("headSeal", headSeal).param("keyId", keyId).param("org", orgCode).update();
    }

    long lastRotationNo() {
        return jdbc.sql("select coalesce(max(rotation_no), 0) from ledger_key_rotation").query(Long.class).single();
    }

    void insertRotation(long rotationNo, LocalDateTime rotatedAt, String oldKeyId, String newKeyId, int books,
                        long entries, long anchors) {
        jdbc.sql("""
                insert into ledger_key_rotation (rotation_no, rotated_at, old_key_id, new_key_id, books, entries,
                                                 anchors)
                values (:no, :at, :old, :new, :books, :entries, :anchors)""")
                .param("no", rotationNo).param("at", Timestamp.valueOf(rotatedAt)).param("old", oldKeyId)
                .param("new", newKeyId).param("books", books).param("entries", entries).param("anchors", anchors)
                .update();
    }

    void updateBook(String orgCode, long nextSequenceNo, String lastHash, String headSeal) {
        int updated = jdbc.sql("""
                update ledger_book set next_sequence_no = :next, last_hash = :hash, head_seal = :headSeal
                where org_code = :org""")
                .param("next", nextSequenceNo).param("hash", lastHash).param("headSeal", headSeal)
                .param("org", orgCode).update();
        if (updated != 1) {
            throw new IllegalStateException("book vanished while locked: " + orgCode);
        }
    }

    /** The seal of each book's chain head: org → seal (null for a book nobody sealed). */
    Map<String, String> headSeals() {
        Map<String, String> seals = new HashMap<>();
        jdbc.sql("select org_code, head_seal from ledger_book").query(rs -> {
            seals.put(rs.getString(1), rs.getString(2));
        });
        return seals;
    }

    private static final String ANCHOR_COLUMNS = """
            anchor_no, reason, period, sequence_no, entry_hash, anchored_at, key_id, seal""";

    void insertAnchor(String orgCode, AnchorRow a) {
        jdbc.sql("insert into ledger_anchor (org_code, " + ANCHOR_COLUMNS + ") values (:org, :no, :reason, "
                        + ":period, :seq, :hash, :at, :keyId, :seal)")
                .param("org", orgCode).param("no", a.anchorNo()).param("reason", a.reason())
                .param("period", a.period()).param("seq", a.sequenceNo()).param("hash", a.entryHash())
                .param("at", Timestamp.valueOf(a.anchoredAt())).param("keyId", a.keyId()).param("seal", a.seal())
                .update();
    }

    long lastAnchorNo(String orgCode) {
        return jdbc.sql("select coalesce(max(anchor_no), 0) from ledger_anchor where org_code = :org")
                .param("org", orgCode).query(Long.class).single();
    }

    /** Anchors of a book in number order; of one period only when {@code period} is given. */
    List<AnchorRow> anchors(String orgCode, java.time.YearMonth period) {
        return jdbc.sql("select " + ANCHOR_COLUMNS + " from ledger_anchor where org_code = :org"
                        + (period == null ? "" : " and period = :period") + " order by anchor_no")
                .param("org", orgCode).param("period", period == null ? "" : period.toString())
                .query(LedgerStore::anchor).list();
    }

    /** Anchors of one book (or of every book when {@code orgCode} is null), by book, in number order. */
    Map<String, List<AnchorRow>> anchorsByBook(String orgCode) {
        Map<String, List<AnchorRow>> anchors = new HashMap<>();
        jdbc.sql("select " + ANCHOR_COLUMNS + ", org_code from ledger_anchor"
                        + (orgCode == null ? "" : " where org_code = :org") + " order by org_code, anchor_no")
                .param("org", orgCode == null ? "" : orgCode)
                .query(rs -> {
                    anchors.computeIfAbsent(rs.getString(9), k -> new ArrayList<>()).add(anchor(rs, 0));
                });
        return anchors;
    }

    private static AnchorRow anchor(ResultSet rs, int n) throws SQLException {
        return new AnchorRow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
                rs.getTimestamp(6).toLocalDateTime(), rs.getString(7), rs.getString(8));
    }

    /** Closed periods of one book (or of every book when {@code orgCode} is null), by book, oldest first. */
    Map<String, List<String>> closedPeriods(String orgCode) {
        Map<String, List<String>> periods = new HashMap<>();
        jdbc.sql("select org_code, period from ledger_period" + (orgCode == null ? "" : " where org_code = :org")
                        + " order by org_code, period")
                .param("org", orgCode == null ? "" : orgCode)
                .query(rs -> {
                    periods.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        return periods;
    }

    Optional<String> lastClosedPeriod(String orgCode) {
        return jdbc.sql("select max(period) from ledger_period where org_code = :org")
                .param("org", orgCode).query(String.class).optional();
    }

    /** A scan of the book's entries by its key prefix: asked once per command, never per posting. */
    Optional<LocalDate> firstEntryDate(String orgCode) {
        return jdbc.sql("select min(entry_date) from ledger_entry where org_code = :org")
                .param("org", orgCode).query(LocalDate.class).optional();
    }

    List<String> closedAccounts(String orgCode) {
        return jdbc.sql("select account_code from ledger_account_closure where org_code = :org")
                .param("org", orgCode).query(String.class).list();
    }

    /** Cached balances of the given accounts of one book. */
    Map<BalanceKey, Sums> balances(String orgCode, Collection<String> accountCodes) {
        Map<BalanceKey, Sums> result = new HashMap<>();
        if (accountCodes.isEmpty()) {
            return result;
        }
        jdbc.sql("select account_code, counterparty_code, debit_fen, credit_fen from ledger_balance "
                        + "where org_code = :org and account_code in (:accounts)")
                .param("org", orgCode).param("accounts", List.copyOf(accountCodes))
                .query(rs -> {
                    result.put(new BalanceKey(orgCode, rs.getString(1), rs.getString(2)),
                            new Sums(rs.getLong(3), rs.getLong(4)));
                });
        return result;
    }

    /** A posted request: its fingerprint and the entries it wrote (book#number, comma separated). */
    record PostedRequest(String requestId, String fingerprint, String entryRefs) {
    }

    /** Request id → the request as first posted, for the ids already posted. */
    Map<String, PostedRequest> requests(Collection<String> requestIds) {
        Map<String, PostedRequest> result = new HashMap<>();
        List<String> ids = List.copyOf(requestIds);
        for (int from = 0; from < ids.size(); from += IN_LIST_MAX) {
            List<String> chunk = ids.subList(from, Math.min(ids.size(), from + IN_LIST_MAX));
            jdbc.sql("select request_id, fingerprint, entry_refs from ledger_request where request_id in (:ids)")
                    .param("ids", chunk)
                    .query(rs -> {
                        result.put(rs.getString(1), new PostedRequest(rs.getString(1), rs.getString(2),
                                rs.getString(3)));
                    });
        }
        return result;
    }

    void insertRequests(List<PostedRequest> rows) {
        insert("ledger_request", "request_id, fingerprint, entry_refs", rows.stream()
                .map(r -> new Object[] {r.requestId(), r.fingerprint(), r.entryRefs()}).toList());
    }

    /** Entries, then their lines. */
    void insertEntries(List<EntryRow> entries) {
        List<Object[]> heads = new ArrayList<>(entries.size());
        List<Object[]> lines = new ArrayList<>();
        for (EntryRow e : entries) {
            EntrySource s = e.source();
            heads.add(new Object[] {e.orgCode(), e.sequenceNo(), e.date(), e.period(), e.memo(), s.ruleType(),
                s.documentType(), s.documentId(), s.packId(), s.article(), s.reversesSequenceNo(), s.transferId(),
                s.requestId(), e.postedAt(), e.link().prevHash(), e.hash(), e.seal()});
            for (LineRow l : e.lines()) {
                lines.add(new Object[] {e.orgCode(), e.sequenceNo(), l.lineNo(), l.accountCode(), l.debitFen(),
                    l.creditFen(), l.counterpartyCode(), l.insuranceType(), l.dimPeriod(), l.reference()});
            }
        }
        insert("ledger_entry", ENTRY_COLUMNS, heads);
        insert("ledger_line", LINE_COLUMNS, lines);
    }

    /** The posting path's bulk rows: COPY on PostgreSQL, a JDBC batch elsewhere; same rows either way. */
    private void insert(String table, String columns, List<Object[]> rows) {
        if (rows.isEmpty()) {
            return;
        }
        if (copy.enabled()) {
            copy.copy(table, columns, rows);
            return;
        }
        String marks = String.join(", ", Collections.nCopies(rows.get(0).length, "?"));
        template.batchUpdate("insert into " + table + " (" + columns + ") values (" + marks + ")", rows, rows.size(),
                (ps, row) -> {
                    for (int i = 0; i < row.length; i++) {
                        ps.setObject(i + 1, row[i]);
                    }
                });
    }

    /** Adds deltas to cached balances: updates the keys that exist, inserts the rest. */
    void applyBalanceDeltas(Map<BalanceKey, Sums> deltas, java.util.Set<BalanceKey> existingKeys) {
        List<Map.Entry<BalanceKey, Sums>> updates = new ArrayList<>();
        List<Map.Entry<BalanceKey, Sums>> inserts = new ArrayList<>();
        for (Map.Entry<BalanceKey, Sums> delta : deltas.entrySet()) {
            (existingKeys.contains(delta.getKey()) ? updates : inserts).add(delta);
        }
        template.batchUpdate("update ledger_balance set debit_fen = debit_fen + ?, credit_fen = credit_fen + ? "
                        + "where org_code = ? and account_code = ? and counterparty_code = ?",
                updates, updates.size(), (ps, d) -> bindBalance(ps, d));
        template.batchUpdate("insert into ledger_balance (debit_fen, credit_fen, org_code, account_code, "
                        + "counterparty_code) values (?, ?, ?, ?, ?)",
                inserts, inserts.size(), (ps, d) -> bindBalance(ps, d));
    }

    private static void bindBalance(PreparedStatement ps, Map.Entry<BalanceKey, Sums> d)
            throws SQLException {
        BalanceKey key = d.getKey();
        ps.setLong(1, d.getValue().debitFen());
        ps.setLong(2, d.getValue().creditFen());
        ps.setString(3, key.orgCode());
        ps.setString(4, key.accountCode());
        ps.setString(5, key.counterpartyCode());
    }

    /**
     * Entries of a book numbered {@code fromSequenceNo} to {@code fromSequenceNo + limit - 1}, in order (fewer where
     * numbers are missing). A closed range rather than "from … limit": H2 reads and sorts every later row of the book
     * for the latter, which made a chain walk quadratic (docs/performance.md).
     */
    List<EntryRow> entries(String orgCode, long fromSequenceNo, int limit) {
        List<EntryRow> heads = jdbc.sql("select " + ENTRY_COLUMNS + " from ledger_entry "
                        + "where org_code = :org and sequence_no between :from and :to order by sequence_no")
                .param("org", orgCode).param("from", fromSequenceNo).param("to", fromSequenceNo + limit - 1)
                .query(LedgerStore::entryHead).list();
        if (heads.isEmpty()) {
            return heads;
        }
        long to = heads.get(heads.size() - 1).sequenceNo();
        Map<Long, List<LineRow>> lines = new LinkedHashMap<>();
        jdbc.sql("""
                select sequence_no, line_no, account_code, debit_fen, credit_fen, counterparty_code, insurance_type,
                       dim_period, reference
                from ledger_line where org_code = :org and sequence_no between :from and :to
                order by sequence_no, line_no""")
                .param("org", orgCode).param("from", fromSequenceNo).param("to", to)
                .query(rs -> {
                    lines.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(new LineRow(rs.getInt(2),
                            rs.getString(3), rs.getLong(4), rs.getLong(5), rs.getString(6), rs.getString(7),
                            rs.getString(8), rs.getString(9)));
                });
        List<EntryRow> result = new ArrayList<>(heads.size());
        for (EntryRow h : heads) {
            result.add(h.withLines(lines.getOrDefault(h.sequenceNo(), List.of())));
        }
        return result;
    }

    /** The lowest entry number of the book above {@code sequenceNo}, or null when there is none. */
    Long nextSequenceNoAfter(String orgCode, long sequenceNo) {
        return jdbc.sql("select min(sequence_no) from ledger_entry where org_code = :org and sequence_no > :seq")
                .param("org", orgCode).param("seq", sequenceNo).query(Long.class).list().get(0);
    }

    Optional<EntryRow> entry(String orgCode, long sequenceNo) {
        return entries(orgCode, sequenceNo, 1).stream().filter(e -> e.sequenceNo() == sequenceNo).findFirst();
    }

    private static EntryRow entryHead(ResultSet rs, int n) throws SQLException {
        long reverses = rs.getLong(11);
        Long reversesOrNull = rs.wasNull() ? null : reverses;
        EntrySource source = new EntrySource(rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9),
                rs.getString(10), reversesOrNull, rs.getString(12), rs.getString(13));
        Draft draft = new Draft(rs.getString(1), rs.getObject(3, LocalDate.class), rs.getString(5), source,
                List.of());
        return new EntryRow(draft, rs.getLong(2), rs.getString(4), rs.getTimestamp(14).toLocalDateTime(),
                new ChainLink(rs.getString(15), rs.getString(16), rs.getString(17)));
    }

    boolean isReversed(String orgCode, long sequenceNo) {
        return jdbc.sql("select count(*) from ledger_entry where org_code = :org and reverses_sequence_no = :seq")
                .param("org", orgCode).param("seq", sequenceNo).query(Long.class).single() > 0;
    }

    /** Debit and credit sums derived from the lines of an account and its sub-accounts, dated up to asOf. */
    Sums derivedSums(String orgCode, String accountCode, String counterpartyCode, String insuranceType,
                       LocalDate asOf) {
        StringBuilder sql = new StringBuilder("""
                select coalesce(sum(l.debit_fen), 0), coalesce(sum(l.credit_fen), 0)
                from ledger_line l
                join ledger_entry e on e.org_code = l.org_code and e.sequence_no = l.sequence_no
                where l.org_code = :org and (l.account_code = :account or l.account_code like :children)""");
        if (asOf != null) {
            sql.append(" and e.entry_date <= :asOf");
        }
        if (counterpartyCode != null) {
            sql.append(" and l.counterparty_code = :counterparty");
        }
        if (insuranceType != null) {
            sql.append(" and l.insurance_type = :insurance");
        }
        var statement = jdbc.sql(sql.toString()).param("org", orgCode).param("account", accountCode)
                .param("children", accountCode + ".%");
        if (asOf != null) {
            statement = statement.param("asOf", java.sql.Date.valueOf(asOf));
        }
        if (counterpartyCode != null) {
            statement = statement.param("counterparty", counterpartyCode);
        }
        if (insuranceType != null) {
            statement = statement.param("insurance", insuranceType);
        }
        return statement.query((rs, n) -> new Sums(rs.getLong(1), rs.getLong(2))).single();
    }

    void closeAccount(String orgCode, String accountCode, LocalDateTime closedAt) {
        jdbc.sql("""
                insert into ledger_account_closure (org_code, account_code, closed_at)
                values (:org, :account, :closedAt) on conflict do nothing""")
                .param("org", orgCode).param("account", accountCode).param("closedAt", Timestamp.valueOf(closedAt))
                .update();
    }

    /** Marks a period closed and snapshots cumulative debit and credit totals per account up to its end. */
    void closePeriod(String orgCode, java.time.YearMonth period, LocalDateTime closedAt) {
        jdbc.sql("insert into ledger_period (org_code, period, closed_at) values (:org, :period, :closedAt)")
                .param("org", orgCode).param("period", period.toString())
                .param("closedAt", Timestamp.valueOf(closedAt)).update();
        jdbc.sql("""
                insert into ledger_period_balance (org_code, period, account_code, debit_fen, credit_fen)
                select l.org_code, :period, l.account_code, sum(l.debit_fen), sum(l.credit_fen)
                from ledger_line l
                join ledger_entry e on e.org_code = l.org_code and e.sequence_no = l.sequence_no
                where l.org_code = :org and e.period <= :period
                group by l.org_code, l.account_code""")
                .param("org", orgCode).param("period", period.toString()).update();
    }
}

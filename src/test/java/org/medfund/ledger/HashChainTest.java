package org.medfund.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.medfund.ledger.Events.event;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.ledger.internal.Forger;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DESIGN.md §5 hash chain, sealed (issue 11 finding 5): altering any stored column of an entry or its lines,
 * inserting or deleting a row, or doing any of that and then recomputing the whole public SHA-256 chain (what a
 * forger with write access to the database can do, {@link Forger}) makes the verifier stop at exactly that entry,
 * because every entry's hash and the book's head are sealed with the ledger key, which is not in the database.
 * Cached balances and period snapshots are recomputed from the lines, and anchors are checked. Each tampering runs
 * in a transaction that is rolled back, so the shared test database stays sound for the other tests.
 */
@DatabaseTest
class HashChainTest {

    private static final long TAMPERED = 3;

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerAudit audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationContext context;

    String book;

    @BeforeEach
    void fiveEntries() {
        book = Events.unique("AGENCY");
        String hospital = Events.unique("H411502");
        ledger.openBook(book, BookType.AGENCY, "链测试");
        ledger.post(event("opening.balance.expenditure-account", LocalDate.of(2025, 1, 2), "1000.00",
                Map.of("book", book)));
        for (int i = 0; i < 4; i++) {
            ledger.post(event("prepayment.disbursed", LocalDate.of(2025, 1, 10 + i), (i + 1) + "0.00",
                    Map.of("agency", book, "hospital", hospital)));
        }
    }

    private List<ChainBreak> afterTampering(Consumer<JdbcClient> tamper) {
        return transactions.execute(status -> {
            tamper.accept(jdbc);
            List<ChainBreak> breaks = audit.verifyChains(book);
            status.setRollbackOnly();
            return breaks;
        });
    }

    @Test
    @DisplayName("an untouched chain verifies")
    void intact() {
        assertThat(audit.verifyChains(book)).isEmpty();
    }

    @ParameterizedTest(name = "entry column {0}")
    @ValueSource(strings = {"memo", "rule_type", "document_type", "document_id", "pack_id", "article",
        "transfer_id", "request_id", "period", "prev_hash", "hash"})
    @DisplayName("changing a text column of an entry breaks the chain at that entry")
    void entryText(String column) {
        List<ChainBreak> breaks = afterTampering(db -> db.sql("update ledger_entry set " + column
                + " = 'X' where org_code = :book and sequence_no = :seq")
                .param("book", book).param("seq", TAMPERED).update());
        assertThat(breaks).singleElement().satisfies(b -> assertThat(b.sequenceNo()).isEqualTo(TAMPERED));
    }

    @Test
    @DisplayName("changing the date, posting time or reversal reference of an entry breaks the chain there")
    void entryTyped() {
        assertThat(afterTampering(db -> db.sql("update ledger_entry set entry_date = :d where org_code = :book "
                + "and sequence_no = :seq").param("d", Date.valueOf(LocalDate.of(2025, 1, 31)))
                .param("book", book).param("seq", TAMPERED).update()))
                .singleElement().extracting(ChainBreak::sequenceNo).isEqualTo(TAMPERED);
        assertThat(afterTampering(db -> db.sql("update ledger_entry set posted_at = :t where org_code = :book "
                + "and sequence_no = :seq").param("t", Timestamp.valueOf(LocalDateTime.of(2020, 1, 1, 0, 0)))
                .param("book", book).param("seq", TAMPERED).update()))
                .singleElement().extracting(ChainBreak::sequenceNo).isEqualTo(TAMPERED);
        assertThat(afterTampering(db -> db.sql("update ledger_entry set reverses_sequence_no = 1 "
                + "where org_code = :book and sequence_no = :seq").param("book", book).param("seq", TAMPERED)
                .update()))
                .singleElement().extracting(ChainBreak::sequenceNo).isEqualTo(TAMPERED);
    }

    @ParameterizedTest(name = "line column {0}")
    @ValueSource(strings = {"account_code = '5901'", "debit_fen = debit_fen + 1", "credit_fen = 1",
        "counterparty_code = 'H00000000000'", "insurance_type = '390'", "dim_period = '2024-12'",
        "reference = 'X'", "line_no = 9"})
    @DisplayName("changing a column of a line breaks the chain at its entry")
    void lineColumn(String assignment) {
        List<ChainBreak> breaks = afterTampering(db -> db.sql("update ledger_line set " + assignment
                + " where org_code = :book and sequence_no = :seq and line_no = 1")
                .param("book", book).param("seq", TAMPERED).update());
        assertThat(breaks).singleElement().satisfies(b -> assertThat(b.sequenceNo()).isEqualTo(TAMPERED));
    }

    @Test
    @DisplayName("deleting a line, a middle entry or the last entry breaks the chain at exactly that entry")
    void deletions() {
        assertThat(afterTampering(db -> db.sql("delete from ledger_line where org_code = :book and sequence_no = :seq "
                + "and line_no = 2").param("book", book).param("seq", TAMPERED).update()))
                .singleElement().extracting(ChainBreak::sequenceNo).isEqualTo(TAMPERED);
        assertThat(afterTampering(db -> {
            db.sql("delete from ledger_line where org_code = :book and sequence_no = :seq")
                    .param("book", book).param("seq", TAMPERED).update();
            db.sql("delete from ledger_entry where org_code = :book and sequence_no = :seq")
                    .param("book", book).param("seq", TAMPERED).update();
        })).singleElement().extracting(ChainBreak::sequenceNo).isEqualTo(TAMPERED);
        assertThat(afterTampering(db -> {
            db.sql("delete from ledger_line where org_code = :book and sequence_no = 5").param("book", book).update();
            db.sql("delete from ledger_entry where org_code = :book and sequence_no = 5").param("book", book).update();
        })).singleElement().extracting(ChainBreak::sequenceNo).isEqualTo(5L);
        assertThat(audit.verifyChains(book)).isEmpty();
    }

    /** Tampers, then recomputes the whole chain and the book head as a forger would; rolled back afterwards. */
    private LedgerAudit.Report afterForgery(Consumer<JdbcClient> tamper) {
        return transactions.execute(status -> {
            tamper.accept(jdbc);
            Forger.rehash(context, book);
            LedgerAudit.Report report = audit.verify(book);
            status.setRollbackOnly();
            return report;
        });
    }

    private static void assertBreak(LedgerAudit.Report report, long sequenceNo, ChainBreak.Kind kind) {
        assertThat(report.breaks()).singleElement().satisfies(b -> {
            assertThat(b.sequenceNo()).isEqualTo(sequenceNo);
            assertThat(b.kind()).isEqualTo(kind);
        });
    }

    private JdbcClient.StatementSpec sql(JdbcClient db, String statement) {
        return db.sql(statement).param("book", book).param("seq", TAMPERED);
    }

    @Test
    @DisplayName("the forger's re-hash reproduces an untouched chain exactly (so the tests below test the seals)")
    void faithfulForger() {
        assertThat(afterForgery(db -> { }).sound()).isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"amount", "account", "date", "counterparty", "memo", "added line", "removed line"})
    @DisplayName("issue 11 finding 5: a change with the whole chain re-hashed fails the seal at exactly that entry")
    void rehashedChange(String change) {
        LedgerAudit.Report report = afterForgery(db -> {
            switch (change) {
                case "amount" -> {
                    sql(db, "update ledger_line set debit_fen = debit_fen + 10000000 where org_code = :book "
                            + "and sequence_no = :seq and line_no = 1").update();
                    sql(db, "update ledger_line set credit_fen = credit_fen + 10000000 where org_code = :book "
                            + "and sequence_no = :seq and line_no = 2").update();
                }
                case "account" -> sql(db, "update ledger_line set account_code = '1003' where org_code = :book "
                        + "and sequence_no = :seq and line_no = 2").update();
                case "date" -> sql(db, "update ledger_entry set entry_date = :d where org_code = :book "
                        + "and sequence_no = :seq").param("d", Date.valueOf(LocalDate.of(2025, 1, 31))).update();
                case "counterparty" -> sql(db, "update ledger_line set counterparty_code = 'H00000000000' "
                        + "where org_code = :book and sequence_no = :seq").update();
                case "memo" -> sql(db, "update ledger_entry set memo = '改' where org_code = :book "
                        + "and sequence_no = :seq").update();
                case "added line" -> sql(db, "insert into ledger_line (org_code, sequence_no, line_no, account_code, "
                        + "debit_fen, credit_fen) values (:book, :seq, 3, '1004', 0, 0)").update();
                default -> sql(db, "delete from ledger_line where org_code = :book and sequence_no = :seq "
                        + "and line_no = 2").update();
            }
        });
        assertBreak(report, TAMPERED, ChainBreak.Kind.SEAL);
    }

    @Test
    @DisplayName("issue 11 finding 5: a forged amount also shows as cached balances that no longer equal the lines")
    void forgedAmountAndCachedBalance() {
        LedgerAudit.Report report = afterForgery(db -> {
            sql(db, "update ledger_line set debit_fen = 90000000 where org_code = :book and sequence_no = :seq "
                    + "and line_no = 1").update();
            sql(db, "update ledger_line set credit_fen = 90000000 where org_code = :book and sequence_no = :seq "
                    + "and line_no = 2").update();
        });
        assertBreak(report, TAMPERED, ChainBreak.Kind.SEAL);
        assertThat(report.problems()).anySatisfy(p -> assertThat(p).contains("账套 " + book + " 科目 1004")
                .contains("余额缓存").contains("不符"));
    }

    @Test
    @DisplayName("a cached balance changed on its own (lines intact) is reported, the chain stays intact")
    void cachedBalanceAlone() {
        LedgerAudit.Report report = transactions.execute(status -> {
            jdbc.sql("update ledger_balance set debit_fen = debit_fen + 1 where org_code = :book "
                    + "and account_code = '1211.01'").param("book", book).update();
            status.setRollbackOnly();
            return audit.verify(book);
        });
        assertThat(report.breaks()).isEmpty();
        assertThat(report.problems()).singleElement().asString().contains("科目 1211.01").contains("余额缓存");
    }

    @Test
    @DisplayName("an entry appended with a correct chain link and book head, but no or a copied seal, breaks there")
    void appendedEntry() {
        String copy = "insert into ledger_entry (org_code, sequence_no, entry_date, period, memo, rule_type, "
                + "request_id, posted_at, prev_hash, hash, seal) select org_code, 6, entry_date, period, '伪造', "
                + "rule_type, 'forged', posted_at, prev_hash, hash, %s from ledger_entry where org_code = :book "
                + "and sequence_no = 5";
        String lines = "insert into ledger_line (org_code, sequence_no, line_no, account_code, debit_fen, credit_fen, "
                + "counterparty_code) select org_code, 6, line_no, account_code, debit_fen, credit_fen, "
                + "counterparty_code from ledger_line where org_code = :book and sequence_no = 5";
        assertBreak(afterForgery(db -> {
            db.sql(copy.formatted("null")).param("book", book).update();
            db.sql(lines).param("book", book).update();
        }), 6, ChainBreak.Kind.UNSEALED);
        assertBreak(afterForgery(db -> {
            db.sql(copy.formatted("seal")).param("book", book).update();
            db.sql(lines).param("book", book).update();
        }), 6, ChainBreak.Kind.SEAL);
    }

    @Test
    @DisplayName("an entry stored far beyond the chain's end (book row untouched) is a gap after the last entry")
    void strayEntry() {
        assertBreak(afterTampering(db -> {
            move(db, 5, 1_000_000);
        }), 5, ChainBreak.Kind.GAP);
        assertBreak(afterTampering(db -> db.sql("insert into ledger_entry (" + ENTRY_COLUMNS + ") select org_code, "
                + "1000000, entry_date, period, memo, rule_type, document_type, document_id, pack_id, article, "
                + "reverses_sequence_no, transfer_id, request_id, posted_at, prev_hash, hash, seal from ledger_entry "
                + "where org_code = :book and sequence_no = 5").param("book", book).update()),
                6, ChainBreak.Kind.GAP);
    }

    @Test
    @DisplayName("an entry inserted in the middle (later ones renumbered, chain re-hashed) breaks at that entry")
    void insertedEntry() {
        assertBreak(afterForgery(db -> {
            for (long seq = 5; seq >= TAMPERED; seq--) {
                move(db, seq, seq + 1);
            }
            db.sql("insert into ledger_entry (" + ENTRY_COLUMNS + ") select org_code, :seq, entry_date, period, "
                    + "'插入', rule_type, document_type, document_id, pack_id, article, reverses_sequence_no, "
                    + "transfer_id, 'forged', posted_at, prev_hash, hash, seal from ledger_entry "
                    + "where org_code = :book and sequence_no = :seq + 1").param("book", book).param("seq", TAMPERED)
                    .update();
            db.sql("insert into ledger_line (" + LINE_COLUMNS + ") select org_code, :seq, line_no, account_code, "
                    + "debit_fen, credit_fen, counterparty_code, insurance_type, dim_period, reference "
                    + "from ledger_line where org_code = :book and sequence_no = :seq + 1")
                    .param("book", book).param("seq", TAMPERED).update();
        }), TAMPERED, ChainBreak.Kind.SEAL);
    }

    @Test
    @DisplayName("a middle entry deleted (later ones renumbered, chain re-hashed) breaks at its number")
    void deletedAndRenumbered() {
        assertBreak(afterForgery(db -> {
            sql(db, "delete from ledger_line where org_code = :book and sequence_no = :seq").update();
            sql(db, "delete from ledger_entry where org_code = :book and sequence_no = :seq").update();
            for (long seq = TAMPERED + 1; seq <= 5; seq++) {
                move(db, seq, seq - 1);
            }
        }), TAMPERED, ChainBreak.Kind.SEAL);
    }

    @Test
    @DisplayName("the last entry deleted and the book head rewound to the entry before breaks at the deleted entry")
    void deletedTailWithRewoundHead() {
        assertBreak(afterForgery(db -> {
            db.sql("delete from ledger_line where org_code = :book and sequence_no = 5").param("book", book).update();
            db.sql("delete from ledger_entry where org_code = :book and sequence_no = 5").param("book", book)
                    .update();
        }), 5, ChainBreak.Kind.HEAD);
    }

    @Test
    @DisplayName("two entries swapped (chain re-hashed) break at the first of them")
    void swapped() {
        assertBreak(afterForgery(db -> {
            move(db, 4, 6);
            move(db, TAMPERED, 4);
            move(db, 6, TAMPERED);
        }), TAMPERED, ChainBreak.Kind.SEAL);
    }

    private static final String ENTRY_COLUMNS = "org_code, sequence_no, entry_date, period, memo, rule_type, "
            + "document_type, document_id, pack_id, article, reverses_sequence_no, transfer_id, request_id, "
            + "posted_at, prev_hash, hash, seal";
    private static final String LINE_COLUMNS = "org_code, sequence_no, line_no, account_code, debit_fen, "
            + "credit_fen, counterparty_code, insurance_type, dim_period, reference";

    /** Renumbers an entry with its lines (the target number must be free). */
    private void move(JdbcClient db, long from, long to) {
        db.sql("insert into ledger_entry (" + ENTRY_COLUMNS + ") select org_code, :to, entry_date, period, memo, "
                + "rule_type, document_type, document_id, pack_id, article, reverses_sequence_no, transfer_id, "
                + "request_id, posted_at, prev_hash, hash, seal from ledger_entry where org_code = :book "
                + "and sequence_no = :from").param("book", book).param("from", from).param("to", to).update();
        db.sql("update ledger_line set sequence_no = :to where org_code = :book and sequence_no = :from")
                .param("book", book).param("from", from).param("to", to).update();
        db.sql("delete from ledger_entry where org_code = :book and sequence_no = :from")
                .param("book", book).param("from", from).update();
    }

    @Test
    @DisplayName("a period close anchors the chain head; a changed, deleted or re-sealed anchor is reported")
    void closeAnchor() {
        ledger.closePeriod(book, java.time.YearMonth.of(2025, 1));
        assertThat(audit.verify(book).sound()).isTrue();
        assertThat(audit.verify(book).anchors()).isEqualTo(1);
        assertBreak(afterTampering(db -> db.sql("update ledger_anchor set entry_hash = :h where org_code = :book")
                .param("h", "0".repeat(64)).param("book", book).update()), 5, ChainBreak.Kind.ANCHOR);
        assertBreak(afterTampering(db -> db.sql("update ledger_anchor set sequence_no = 4 where org_code = :book")
                .param("book", book).update()), 4, ChainBreak.Kind.ANCHOR);
        assertBreak(afterTampering(db -> db.sql("delete from ledger_anchor where org_code = :book")
                .param("book", book).update()), 5, ChainBreak.Kind.ANCHOR);
        LedgerAudit.Report snapshot = transactions.execute(status -> {
            jdbc.sql("update ledger_period_balance set debit_fen = debit_fen + 1 where org_code = :book "
                    + "and account_code = '1004'").param("book", book).update();
            status.setRollbackOnly();
            return audit.verify(book);
        });
        assertThat(snapshot.problems()).singleElement().asString().contains("2025-01").contains("科目 1004")
                .contains("结账快照");
    }

    private static void assertBreak(List<ChainBreak> breaks, long sequenceNo, ChainBreak.Kind kind) {
        assertThat(breaks).singleElement().satisfies(b -> {
            assertThat(b.sequenceNo()).isEqualTo(sequenceNo);
            assertThat(b.kind()).isEqualTo(kind);
        });
    }

    @Test
    @DisplayName("every " + Anchor.INTERVAL_ENTRIES + "th entry is anchored; a deleted interval anchor is reported")
    void intervalAnchor() {
        String big = Events.unique("AGENCY");
        ledger.openBook(big, BookType.AGENCY, "锚点测试");
        List<BusinessEvent> events = new java.util.ArrayList<>();
        for (int i = 0; i < Anchor.INTERVAL_ENTRIES + 1; i++) {
            events.add(event("opening.balance.expenditure-account", LocalDate.of(2025, 2, 3), "1.00",
                    Map.of("book", big)));
        }
        ledger.postAll(events);
        LedgerAudit.Report report = audit.verify(big);
        assertThat(report.sound()).isTrue();
        assertThat(report.anchors()).isEqualTo(1);
        List<ChainBreak> breaks = transactions.execute(status -> {
            jdbc.sql("delete from ledger_anchor where org_code = :book").param("book", big).update();
            status.setRollbackOnly();
            return audit.verifyChains(big);
        });
        assertThat(breaks).singleElement().satisfies(b -> {
            assertThat(b.sequenceNo()).isEqualTo(Anchor.INTERVAL_ENTRIES);
            assertThat(b.kind()).isEqualTo(ChainBreak.Kind.ANCHOR);
        });
    }

    @Test
    @DisplayName("a break names the entry and what is wrong, never the hash the verifier computed")
    void noHintForForgers() {
        List<ChainBreak> breaks = afterTampering(db -> sql(db, "update ledger_line set debit_fen = debit_fen + 1 "
                + "where org_code = :book and sequence_no = :seq and line_no = 1").update());
        String recomputed = transactions.execute(status -> {
            sql(jdbc, "update ledger_line set debit_fen = debit_fen + 1 where org_code = :book "
                    + "and sequence_no = :seq and line_no = 1").update();
            status.setRollbackOnly();
            return Forger.recomputedHash(context, book, TAMPERED);
        });
        assertThat(breaks).singleElement().asString().contains("第 3 号凭证").contains("被改动")
                .doesNotContain(recomputed).doesNotContainPattern("[0-9a-f]{64}");
    }
}

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
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DESIGN.md §5 hash chain: altering any stored column of an entry or its lines, or deleting a row, makes the
 * verifier stop at exactly that entry. Each tampering runs in a transaction that is rolled back, so the shared test
 * database stays sound for the other tests.
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
}

package org.medfund.ledger.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Money;
import org.medfund.ledger.Anchor;
import org.medfund.ledger.BookType;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.ChainBreak;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Migration V86 seals a ledger written before seals existed, so an upgraded installation verifies: entries, book
 * heads, interval anchors and one close anchor per closed period. Simulated by clearing what V85 added, in a
 * transaction that is rolled back.
 */
@DatabaseTest
class SealExistingEntriesTest {

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerAudit audit;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    DataSource dataSource;

    @Autowired
    SealExistingEntries migration;

    @Test
    @DisplayName("V86: an unsealed book (as before V85) fails verify; after the migration it verifies")
    void sealsLegacyBook() {
        String book = "T" + UUID.randomUUID().toString().substring(0, 8) + "-LEGACY";
        ledger.openBook(book, BookType.AGENCY, "升级前账套");
        List<BusinessEvent> events = new ArrayList<>();
        for (int i = 0; i < Anchor.INTERVAL_ENTRIES + 2; i++) {
            events.add(new BusinessEvent("interest.received", book + "-" + i, LocalDate.of(2025, 1, 20), null,
                    Money.ofFen(100 + i), Map.of("agency", book), null, null, null, null, null, "利息"));
        }
        ledger.postAll(events);
        ledger.closePeriod(book, YearMonth.of(2025, 1));
        List<Object> results = transactions.execute(status -> {
            jdbc.sql("update ledger_entry set seal = null where org_code = :book").param("book", book).update();
            jdbc.sql("update ledger_book set head_seal = null where org_code = :book").param("book", book).update();
            jdbc.sql("delete from ledger_anchor where org_code = :book").param("book", book).update();
            List<ChainBreak> before = audit.verifyChains(book);
            migration.migrate(context());
            LedgerAudit.Report after = audit.verify(book);
            status.setRollbackOnly();
            return List.of(before, after);
        });
        assertThat((List<?>) results.get(0)).singleElement().extracting("kind").isEqualTo(ChainBreak.Kind.UNSEALED);
        LedgerAudit.Report after = (LedgerAudit.Report) results.get(1);
        assertThat(after.sound()).as(after.breaks() + " " + after.problems()).isTrue();
        assertThat(after.anchors()).isEqualTo(2);
    }

    /** Flyway's context over the test transaction's connection. */
    private Context context() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        return new Context() {
            @Override
            public Configuration getConfiguration() {
                return null;
            }

            @Override
            public Connection getConnection() {
                return connection;
            }
        };
    }
}

package org.medfund.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import org.medfund.DatabaseTest;
import org.medfund.common.Rejection;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;

/**
 * DESIGN.md §5 as a property: any random sequence of postings (prepayment disbursement, recovery by offset and by
 * return, settlement payments, interest), reversals and period closes keeps every book balanced, the trial balance at
 * zero difference in every column, and the cached balances equal to the balances derived from the lines. Postings the
 * ledger refuses (forbidden negatives, closed periods, double reversals) are part of the sequence and must leave no
 * trace. jqwik has no Spring integration here, so the property borrows the shared {@link DatabaseTest} context.
 */
@Tag("db")
class LedgerProperties {

    @DatabaseTest
    static class SharedContext {
    }

    private static ApplicationContext context() {
        try {
            return new TestContextManager(SharedContext.class).getTestContext().getApplicationContext();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** One step of a scenario: kind 0–4 post a rule, 5 reverses an earlier entry, 6 closes a month. */
    record Step(int kind, int hospital, long amountFen, int month, int pick) {
    }

    private static final List<String> RULES = List.of("prepayment.disbursed", "prepayment.recovered.offset",
            "prepayment.recovered.return", "settlement.paid", "interest.received");

    @Provide
    Arbitrary<List<Step>> scenarios() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.integers().between(0, 6),
                Arbitraries.integers().between(0, 2), Arbitraries.longs().between(1, 3_000_000),
                Arbitraries.integers().between(1, 6), Arbitraries.integers().between(0, 1_000))
                .as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(15);
    }

    @Property(tries = 50)
    void booksStayBalanced(@ForAll("scenarios") List<Step> steps) {
        ApplicationContext context = context();
        Ledger ledger = context.getBean(Ledger.class);
        LedgerReports reports = context.getBean(LedgerReports.class);
        LedgerAudit audit = context.getBean(LedgerAudit.class);
        String book = Events.unique("AGENCY");
        ledger.openBook(book, BookType.AGENCY, "性质测试");
        ledger.post(Events.event("opening.balance.expenditure-account", LocalDate.of(2025, 1, 1), "50000.00",
                Map.of("book", book)));
        List<Long> posted = new ArrayList<>();
        for (Step s : steps) {
            try {
                apply(ledger, book, s, posted);
            } catch (Rejection expected) {
                // A refused posting writes nothing; the invariants below prove it.
            }
        }
        LedgerReports.TrialBalance trial = reports.trialBalance(book, YearMonth.of(2025, 12));
        assertThat(trial.balanced()).isTrue();
        assertThat(trial.totals().closingDebit().fen() - trial.totals().closingCredit().fen()).isZero();
        for (LedgerReports.TrialBalanceRow row : trial.rows()) {
            assertThat(ledger.balance(book, row.accountCode(), null, null, null).fen())
                    .isEqualTo(Math.abs(row.closingDebit().fen() - row.closingCredit().fen()));
        }
        assertThat(audit.problems()).isEmpty();
    }

    private static void apply(Ledger ledger, String book, Step s, List<Long> posted) {
        LocalDate date = LocalDate.of(2025, s.month(), 1 + s.hospital() * 9);
        if (s.kind() == 5) {
            if (!posted.isEmpty()) {
                long seq = posted.get(s.pick() % posted.size());
                posted.add(ledger.reverse(book, seq, date, "性质测试", Events.requestId()).sequenceNo());
            }
            return;
        }
        if (s.kind() == 6) {
            ledger.closePeriod(book, YearMonth.of(2025, s.month()));
            return;
        }
        String yuan = (s.amountFen() / 100) + "." + String.format("%02d", s.amountFen() % 100);
        BusinessEvent event = Events.event(RULES.get(s.kind()), date, yuan,
                Map.of("agency", book, "hospital", book + "-H" + s.hospital()));
        ledger.post(event).forEach(e -> posted.add(e.sequenceNo()));
    }
}

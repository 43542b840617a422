package org.medfund.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medfund.ledger.Events.event;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Posting through rules: xinyang-2025 art. 15 prepayment entries with realistic (fabricated) amounts, every posting check
 * with its own rejection code and nothing written, idempotency, reversal into the next open period. Each test ends
 * with the ledger's invariant audit.
 */
@DatabaseTest
class LedgerPostingTest {

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerAudit audit;

    String agency;
    String hospital;

    @BeforeEach
    void openBook() {
        agency = Events.unique("AGENCY");
        hospital = Events.unique("H411502");
        ledger.openBook(agency, BookType.AGENCY, "测试医保中心");
        ledger.post(event("opening.balance.expenditure-account", LocalDate.of(2025, 1, 2), "10000000.00",
                Map.of("book", agency)));
    }

    private Map<String, String> parties() {
        return Map.of("agency", agency, "hospital", hospital);
    }

    private Money receivable() {
        return ledger.balance(agency, "1211.01", hospital, null, LocalDate.of(2030, 1, 1));
    }

    @Test
    @DisplayName("xinyang-2025 art. 15: disburse, recover by offset and by return, write off into the memo book")
    void prepaymentCycle() {
        ledger.post(event("prepayment.disbursed", LocalDate.of(2025, 1, 20), "1500000.00", parties()));
        assertThat(receivable()).isEqualTo(Money.ofYuan("1500000.00"));
        ledger.post(event("prepayment.recovered.offset", LocalDate.of(2026, 1, 10), "1000000.00", parties()));
        ledger.post(event("prepayment.recovered.return", LocalDate.of(2026, 1, 20), "400000.00", parties()));
        List<PostedEntry> writeOff = ledger.post(event("prepayment.written-off", LocalDate.of(2026, 3, 31),
                "100000.00", parties()));

        assertThat(receivable()).isEqualTo(Money.ZERO);
        assertThat(writeOff).hasSize(1);
        assertThat(writeOff.get(0).lines()).extracting(EntryLine::accountCode)
                .containsExactly("5901", "1211.01", "9101", "9102");
        assertThat(ledger.balance(agency, "9101", hospital, null, null)).isEqualTo(Money.ofYuan("100000.00"));
        assertThat(ledger.balance(agency, "5001", null, "310", null)).isEqualTo(Money.ofYuan("1000000.00"));
        assertThat(ledger.balance(agency, "1004", null, null, null)).isEqualTo(Money.ofYuan("8900000.00"));
        assertThat(ledger.balance(agency, "1211", null, null, null)).isEqualTo(Money.ZERO);
        assertThat(audit.problems()).isEmpty();
    }

    @Test
    @DisplayName("settlement.paid: Dr 社会保险待遇支出 [hospital, 310, period] / Cr 支出户存款")
    void settlementPaid() {
        PostedEntry entry = ledger.post(event("settlement.paid", LocalDate.of(2025, 2, 28), "2345678.91",
                parties())).get(0);
        assertThat(entry.lines()).hasSize(2);
        EntryLine debit = entry.lines().get(0);
        assertThat(debit.accountName()).isEqualTo("社会保险待遇支出");
        assertThat(debit.debit()).isEqualTo(Money.ofYuan("2345678.91"));
        assertThat(debit.counterpartyOrgCode()).isEqualTo(hospital);
        assertThat(debit.insuranceType()).isEqualTo("310");
        assertThat(debit.period()).isEqualTo("2025-02");
        assertThat(entry.sequenceNo()).isEqualTo(2);
    }

    @Test
    @DisplayName("text with commas, quotes, backslashes and line breaks is stored as posted (COPY on PostgreSQL)")
    void awkwardText() {
        BusinessEvent e = event("prepayment.disbursed", LocalDate.of(2025, 1, 20), "100.00", parties());
        BusinessEvent awkward = new BusinessEvent(e.type(), e.requestId(), e.date(), e.period(), e.amount(),
                e.parties(), "310", "doc,\"type\"", "", null, "art. 15\\N", "预付,\"第一批\"\n\\.\r\n末行");
        List<PostedEntry> posted = ledger.post(awkward);
        List<PostedEntry> stored = ledger.post(awkward);
        assertThat(stored).isEqualTo(posted);
        assertThat(stored.get(0).memo()).isEqualTo("预付,\"第一批\"\n\\.\r\n末行");
        assertThat(stored.get(0).documentId()).isEmpty();
        assertThat(stored.get(0).packId()).isNull();
        assertThat(audit.problems()).isEmpty();
    }

    @Test
    @DisplayName("the same request id posts once; different content under it is a conflict")
    void idempotent() {
        BusinessEvent disbursed = event("prepayment.disbursed", LocalDate.of(2025, 1, 20), "100.00", parties());
        List<PostedEntry> first = ledger.post(disbursed);
        List<PostedEntry> again = ledger.post(disbursed);
        assertThat(again).isEqualTo(first);
        assertThat(ledger.book(agency).orElseThrow().entryCount()).isEqualTo(2);
        BusinessEvent changed = new BusinessEvent(disbursed.type(), disbursed.requestId(), disbursed.date(),
                disbursed.period(), Money.ofYuan("101.00"), disbursed.parties(), "310", null, null, null, null, null);
        assertThatThrownBy(() -> ledger.post(changed)).isInstanceOf(Rejection.class)
                .extracting("code").isEqualTo("request.id-reused");
    }

    private void assertRejected(Runnable posting, String code) {
        long before = ledger.book(agency).orElseThrow().entryCount();
        Money cash = ledger.balance(agency, "1004", null, null, null);
        assertThatThrownBy(posting::run).isInstanceOf(Rejection.class).extracting("code").isEqualTo(code);
        assertThat(ledger.book(agency).orElseThrow().entryCount()).isEqualTo(before);
        assertThat(ledger.balance(agency, "1004", null, null, null)).isEqualTo(cash);
        assertThat(audit.problems()).isEmpty();
    }

    private JournalEntry journal(EntryLine... lines) {
        return new JournalEntry(agency, LocalDate.of(2025, 3, 5), "手工调整", List.of(lines), "adjustment", "A-1",
                Events.requestId());
    }

    private static EntryLine line(String account, String debit, String credit) {
        return new EntryLine(account, null, Money.ofYuan(debit), Money.ofYuan(credit), null, null, null, null);
    }

    @Test
    @DisplayName("an unbalanced entry is refused: ledger.unbalanced, nothing written")
    void unbalanced() {
        assertRejected(() -> ledger.postJournal(journal(line("5901", "100.00", "0"), line("1004", "0", "99.99"))),
                "ledger.unbalanced");
    }

    @Test
    @DisplayName("an account the chart does not have is refused: ledger.account-unknown")
    void unknownAccount() {
        assertRejected(() -> ledger.postJournal(journal(line("5999", "100.00", "0"), line("1004", "0", "100.00"))),
                "ledger.account-unknown");
    }

    @Test
    @DisplayName("a parent account with sub-accounts takes no postings; a closed account neither")
    void notPostableOrClosed() {
        assertRejected(() -> ledger.postJournal(journal(line("1211", "1.00", "0"), line("1004", "0", "1.00"))),
                "ledger.account-not-postable");
        ledger.closeAccount(agency, "4901");
        assertRejected(() -> ledger.postJournal(journal(line("1004", "1.00", "0"), line("4901", "0", "1.00"))),
                "ledger.account-closed");
    }

    @Test
    @DisplayName("a posting into a closed period is refused: ledger.period-closed")
    void closedPeriod() {
        ledger.closePeriod(agency, YearMonth.of(2025, 3));
        assertRejected(() -> ledger.post(event("settlement.paid", LocalDate.of(2025, 3, 31), "1.00", parties())),
                "ledger.period-closed");
        assertRejected(() -> ledger.post(event("settlement.paid", LocalDate.of(2025, 1, 31), "1.00", parties())),
                "ledger.period-closed");
        ledger.post(event("settlement.paid", LocalDate.of(2025, 4, 1), "1.00", parties()));
        assertThat(audit.problems()).isEmpty();
    }

    @Test
    @DisplayName("支出户存款 may not go negative: ledger.negative-balance, at exactly one fen over")
    void negativeForbidden() {
        assertRejected(() -> ledger.post(event("settlement.paid", LocalDate.of(2025, 2, 28), "10000000.01",
                parties())), "ledger.negative-balance");
        ledger.post(event("settlement.paid", LocalDate.of(2025, 2, 28), "10000000.00", parties()));
        assertThat(ledger.balance(agency, "1004", null, null, null)).isEqualTo(Money.ZERO);
    }

    @Test
    @DisplayName("a hospital's prepayment cannot be recovered beyond what it received (per counterparty)")
    void recoveryBeyondDisbursed() {
        ledger.post(event("prepayment.disbursed", LocalDate.of(2025, 1, 20), "500.00", parties()));
        String other = Events.unique("H411503");
        ledger.post(event("prepayment.disbursed", LocalDate.of(2025, 1, 20), "900.00",
                Map.of("agency", agency, "hospital", other)));
        assertRejected(() -> ledger.post(event("prepayment.recovered.return", LocalDate.of(2025, 6, 1), "500.01",
                parties())), "ledger.negative-balance");
    }

    @Test
    @DisplayName("zero and negative amounts are refused: ledger.amount-not-positive")
    void zeroAmount() {
        assertRejected(() -> ledger.post(event("settlement.paid", LocalDate.of(2025, 2, 28), "0", parties())),
                "ledger.amount-not-positive");
        assertRejected(() -> ledger.post(event("settlement.paid", LocalDate.of(2025, 2, 28), "-1.00", parties())),
                "ledger.amount-not-positive");
        assertRejected(() -> ledger.postJournal(journal(line("5901", "0", "0"), line("1004", "0", "0"))),
                "ledger.amount-not-positive");
    }

    @Test
    @DisplayName("unknown rule and missing party are refused with their own codes")
    void ruleAndParties() {
        assertRejected(() -> ledger.post(event("prepayment.lost", LocalDate.of(2025, 2, 28), "1.00", parties())),
                "ledger.rule-unknown");
        assertRejected(() -> ledger.post(event("settlement.paid", LocalDate.of(2025, 2, 28), "1.00",
                Map.of("agency", agency))), "ledger.party-missing");
    }

    @Test
    @DisplayName("a batch with one bad event writes nothing at all")
    void batchAtomic() {
        BusinessEvent good = event("settlement.paid", LocalDate.of(2025, 2, 28), "1.00", parties());
        BusinessEvent bad = event("settlement.paid", LocalDate.of(2025, 2, 28), "20000000.00", parties());
        assertRejected(() -> ledger.postAll(List.of(good, bad)), "ledger.negative-balance");
        assertThat(ledger.postAll(List.of(good, good))).hasSize(2).allMatch(e -> e.sequenceNo() == 2);
    }

    @Test
    @DisplayName("a reversal references the original and lands in the next open period when the original's is closed")
    void reversalIntoNextOpenPeriod() {
        PostedEntry paid = ledger.post(event("settlement.paid", LocalDate.of(2025, 3, 20), "300.00", parties()))
                .get(0);
        ledger.closePeriod(agency, YearMonth.of(2025, 3));
        PostedEntry reversal = ledger.reverse(agency, paid.sequenceNo(), LocalDate.of(2025, 3, 25), "金额有误",
                Events.requestId());
        assertThat(reversal.reversesSequenceNo()).isEqualTo(paid.sequenceNo());
        assertThat(reversal.date()).isEqualTo(LocalDate.of(2025, 4, 1));
        assertThat(reversal.period()).isEqualTo("2025-04");
        assertThat(ledger.balance(agency, "5001", null, null, null)).isEqualTo(Money.ZERO);
        assertThatThrownBy(() -> ledger.reverse(agency, paid.sequenceNo(), LocalDate.of(2025, 4, 2), null,
                Events.requestId())).extracting("code").isEqualTo("ledger.already-reversed");
        assertThat(audit.problems()).isEmpty();
    }
}

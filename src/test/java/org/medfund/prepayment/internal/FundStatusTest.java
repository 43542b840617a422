package org.medfund.prepayment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.prepayment.Fixtures;
import org.medfund.prepayment.FundDataSource;
import org.medfund.prepayment.FundFigures;
import org.medfund.prepayment.FundMonth;
import org.medfund.prepayment.FundRecord;
import org.medfund.prepayment.FundStatuses;
import org.medfund.prepayment.ReviewStatus;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Region;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Seed 002 art. 7's inputs as a staff process: a city clerk records them with evidence, another user confirms, only
 * the newest confirmed record opens or closes the gate; once the pool's own books hold last year, the balance and the
 * twelve months come from the books. Uses prepayment year 2021 (books of 2020), which no other test books in, so
 * closing 2020 in Xinyang's agency books disturbs nobody.
 */
@DatabaseTest
class FundStatusTest {

    private static final String CITY = "411500";
    private static final int YEAR = 2021;

    @Autowired
    FundStatuses fundStatuses;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerAudit audit;
    @Autowired
    Registry registry;

    private final Actor clerk = Fixtures.actor("fs-clerk", "411500-AGENCY", Role.CLERK);
    private final Actor reviewer = Fixtures.actor("fs-reviewer", "411500-AGENCY", Role.REVIEWER);

    private static List<FundMonth> months(int year, String income, String expenditure) {
        List<FundMonth> months = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            months.add(new FundMonth(YearMonth.of(year, m), Money.ofYuan(income), Money.ofYuan(expenditure)));
        }
        return months;
    }

    private FundRecord record(String fund, Money balance, List<FundMonth> lastYear, String key) {
        return fundStatuses.record(CITY, fund, YEAR, new FundFigures(balance, lastYear,
                months(YEAR, "100.00", "90.00")), "2020 年度基金决算报表（信医保〔2021〕2号）", LocalDate.of(2025, 1, 3), clerk,
                "t-fs-" + key);
    }

    @Test
    @DisplayName("xinyang-2025 art. 7: a clerk records, a different reviewer confirms; unconfirmed records decide nothing")
    void makerChecker() {
        var recorded = record("390", Money.ofYuan("600.00"), months(YEAR - 1, "100.00", "100.00"), "mc-1");
        assertThat(recorded.review().status()).isEqualTo(ReviewStatus.RECORDED);
        assertThat(record("390", Money.ofYuan("600.00"), months(YEAR - 1, "100.00", "100.00"), "mc-1").id())
                .as("same request id, same record").isEqualTo(recorded.id());
        assertThatThrownBy(() -> fundStatuses.effective(CITY, "390", YEAR)).isInstanceOfSatisfying(Rejection.class,
                e -> assertThat(e.code()).isEqualTo("prepayment.fund-status-missing"));
        assertThatThrownBy(() -> fundStatuses.confirm(recorded.id(), Fixtures.actor("fs-clerk", "411500-AGENCY",
                Role.CLERK, Role.REVIEWER))).isInstanceOfSatisfying(Rejection.class,
                e -> assertThat(e.code()).isEqualTo("prepayment.maker-checker"));
        assertThatThrownBy(() -> fundStatuses.confirm(recorded.id(), Fixtures.actor("x", "410421-AGENCY",
                Role.REVIEWER))).isInstanceOf(Rejection.class);
        var confirmed = fundStatuses.confirm(recorded.id(), reviewer);
        assertThat(confirmed.review().confirmedBy()).isEqualTo("fs-reviewer");
        var effective = fundStatuses.effective(CITY, "390", YEAR);
        assertThat(effective.source()).isEqualTo(FundDataSource.RECORDED);
        assertThat(effective.status().accumulatedBalance()).isEqualTo(Money.ofYuan("600.00"));
        // 600.00 ÷ (1,200.00 ÷ 12) = 6.00 months: exactly the resident minimum.
        assertThat(FundGate.evaluate(effective.status(), new java.math.BigDecimal("6"), true, "a7").open()).isTrue();
        // A newer record waiting for its reviewer does not replace the confirmed one.
        record("390", Money.ofYuan("599.99"), months(YEAR - 1, "100.00", "100.00"), "mc-2");
        assertThat(fundStatuses.effective(CITY, "390", YEAR).record().id()).isEqualTo(recorded.id());
        // Bad input names the field and writes nothing.
        assertThatThrownBy(() -> record("390", Money.ofYuan("600.00"), months(YEAR - 1, "100.00", "100.00")
                .subList(0, 11), "mc-3")).isInstanceOfSatisfying(Rejection.class,
                e -> assertThat(e.field()).isEqualTo("lastYear"));
        assertThatThrownBy(() -> fundStatuses.record(CITY, "390", YEAR, new FundFigures(Money.ofYuan("1.00"),
                months(YEAR - 1, "1.00", "1.00"), months(YEAR, "1.00", "1.00")), " ", LocalDate.of(2025, 1, 3), clerk,
                "t-fs-mc-4")).isInstanceOfSatisfying(Rejection.class,
                e -> assertThat(e.field()).isEqualTo("evidence"));
    }

    @Test
    @DisplayName("xinyang-2025 art. 7 from the books: closed through December with every month booked → balance and months")
    void fromTheBooks() {
        assertThatThrownBy(() -> record("310", null, List.of(), "books-early")).isInstanceOfSatisfying(
                Rejection.class, e -> assertThat(e.code()).isEqualTo("prepayment.fund-balance-missing"));
        List<String> books = poolAgencies();
        for (String book : books) {
            ledger.openBook(book);
        }
        String city = "411500-AGENCY";
        String county = "411521-AGENCY";
        post("opening.balance.expenditure-account", "t-fs-open", LocalDate.of(2020, 1, 1), "10000000.00",
                Map.of("book", city));
        for (int m = 1; m <= 12; m++) {
            LocalDate day = LocalDate.of(2020, m, 15);
            post("interest.received", "t-fs-interest-" + m, day, "120.00", Map.of("agency", city));
            post("settlement.paid", "t-fs-paid-" + m, day, "100.00", Map.of("agency", city, "hospital",
                    "H41150200001"));
        }
        // A transfer inside the pool (city → county) is spending in one book and income in the other: it cancels.
        post("funding.agency-to-lower-agency", "t-fs-transfer", LocalDate.of(2020, 6, 20), "500.00",
                Map.of("upper", city, "lower", county));
        ledger.confirmReceipt("t-fs-transfer", LocalDate.of(2020, 6, 22), "t-fs-transfer:receipt");
        assertThat(fundStatuses.booksHold(CITY, "310", YEAR)).as("periods still open").isFalse();
        for (String book : books.subList(0, books.size() - 1)) {
            ledger.closePeriod(book, YearMonth.of(2020, 12));
        }
        assertThat(fundStatuses.booksHold(CITY, "310", YEAR)).as("one agency book still open").isFalse();
        ledger.closePeriod(books.get(books.size() - 1), YearMonth.of(2020, 12));
        assertThat(fundStatuses.booksHold(CITY, "310", YEAR)).isTrue();
        assertThat(fundStatuses.booksHold(CITY, "390", YEAR)).as("nothing booked for 390").isFalse();

        // The books hold 2020: the clerk records only the forecast; the figures the gate uses are the books'.
        var recorded = record("310", null, List.of(), "books");
        fundStatuses.confirm(recorded.id(), reviewer);
        var effective = fundStatuses.effective(CITY, "310", YEAR);
        assertThat(effective.source()).isEqualTo(FundDataSource.BOOKS);
        assertThat(effective.status().accumulatedBalance()).isEqualTo(Money.ofYuan("10000240.00"));
        assertThat(effective.status().lastYear()).hasSize(12);
        assertThat(effective.status().lastYear().get(0)).isEqualTo(new FundMonth(YearMonth.of(2020, 1),
                Money.ofYuan("120.00"), Money.ofYuan("100.00")));
        assertThat(effective.status().lastYear().get(5)).isEqualTo(new FundMonth(YearMonth.of(2020, 6),
                Money.ofYuan("620.00"), Money.ofYuan("600.00")));
        assertThat(effective.status().forecast()).hasSize(12);
        // Even a typed-in record yields to the books once they hold the year.
        var typed = record("310", Money.ofYuan("1.00"), months(YEAR - 1, "1.00", "1.00"), "books-typed");
        fundStatuses.confirm(typed.id(), reviewer);
        assertThat(fundStatuses.effective(CITY, "310", YEAR).status().accumulatedBalance())
                .isEqualTo(Money.ofYuan("10000240.00"));
        audit.assertSound();
    }

    private void post(String type, String requestId, LocalDate date, String yuan, Map<String, String> parties) {
        ledger.post(new BusinessEvent(type, requestId, date, YearMonth.from(date), Money.ofYuan(yuan), parties, "310",
                "test", requestId, null, null, "测试：基金账簿数据"));
    }

    /** Every agency of Xinyang's pool, the city centre first (the same set FundStatuses reads). */
    private List<String> poolAgencies() {
        List<String> books = new ArrayList<>(List.of("411500-AGENCY"));
        for (Region region : registry.descendants(CITY)) {
            registry.agencyOf(region.code()).filter(o -> o.kind() == OrgKind.AGENCY).map(Org::code)
                    .ifPresent(books::add);
        }
        return books;
    }
}

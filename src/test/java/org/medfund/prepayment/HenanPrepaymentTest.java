package org.medfund.prepayment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.claims.PlaceOfSettlement;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.ledger.Ledger;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.settlement.PaymentOffsets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Henan 预拨 (henan-2023 二) end to end on stored settlements and the ledger: scope, 1.5 × monthly average with odd
 * fen, maker-checker, disbursement, the next year's 轧差 with recovery by offset, and the ledger = register invariant.
 */
@DatabaseTest
class HenanPrepaymentTest {

    private static final String COUNTY = "410421"; // 宝丰县, 平顶山
    private static final String AGENCY = "410421-AGENCY";

    @Autowired
    Prepayments prepayments;
    @Autowired
    Agreements agreements;
    @Autowired
    Recoveries recoveries;
    @Autowired
    Ledger ledger;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    private final Actor clerk = Fixtures.actor("hn-clerk", AGENCY, Role.CLERK);
    private final Actor reviewer = Fixtures.actor("hn-reviewer", AGENCY, Role.REVIEWER);

    @org.junit.jupiter.api.BeforeEach
    void openingBalance() {
        Fixtures.fund(ledger, AGENCY, "t-open-" + AGENCY);
    }

    @Test
    @DisplayName("henan-2023 二: grade ≥ 二级 with agreement sized at 1.5 × monthly average; 一级 and no agreement excluded")
    void sizingAndNetting() {
        String grade2 = Fixtures.hospital(jdbc, COUNTY, 2, false, "（测试）二级医院");
        String grade1 = Fixtures.hospital(jdbc, COUNTY, 1, false, "（测试）一级卫生院");
        String noAgreement = Fixtures.hospital(jdbc, COUNTY, 3, false, "（测试）无协议医院");
        Fixtures.agreement(agreements, grade2, clerk);
        Fixtures.agreement(agreements, grade1, clerk);
        // 310: 12 local months of 100,001 fen + one in-province month of 1 fen (counted) + cross-province (not).
        Fixtures.settlements(context, grade2, COUNTY, "310", PlaceOfSettlement.LOCAL,
                Fixtures.months(2023, 1, 12, 100_001));
        Fixtures.settlements(context, grade2, COUNTY, "310", PlaceOfSettlement.IN_PROVINCE,
                Fixtures.months(2023, 12, 12, 1));
        Fixtures.settlements(context, grade2, COUNTY, "310", PlaceOfSettlement.CROSS_PROVINCE,
                Fixtures.months(2023, 1, 1, 999_999));
        // 390: only 7 months of data (June–December), averaged over those 7.
        Fixtures.settlements(context, grade2, COUNTY, "390", PlaceOfSettlement.LOCAL,
                Fixtures.months(2023, 6, 12, 7_000_001));

        var outcomes = prepayments.sizeRegion(COUNTY, 2024, LocalDate.of(2024, 1, 8), clerk);
        assertThat(outcomes).filteredOn(o -> o.hospitalCode().equals(grade1)).allSatisfy(o ->
                assertThat(o.refusals()).anyMatch(r -> r.contains("1级")));
        assertThat(outcomes).filteredOn(o -> o.hospitalCode().equals(noAgreement)).allSatisfy(o ->
                assertThat(o.refusals()).anyMatch(r -> r.contains("服务协议")));

        var employee = prepayments.prepayment("PP-2024-" + grade2 + "-310", clerk);
        // (12 × 100,001 + 1) × 1.5 / 12 = 150,001.625 → 150,002 fen, rounded once
        assertThat(employee.sized()).isEqualTo(Money.ofFen(150_002));
        assertThat(employee.packId()).isEqualTo("henan-2023");
        assertThat(employee.derivation().citation()).contains("henan-2023", "henan-2023 二(二)");
        assertThat(employee.derivation().inputs()).anyMatch(i -> i.name().equals("2023-12 统筹基金支付")
                && i.value().equals("1,000.02"));
        assertThat(employee.dueOn()).isEqualTo(LocalDate.of(2024, 1, 15));
        var resident = prepayments.prepayment("PP-2024-" + grade2 + "-390", clerk);
        // 7 × 7,000,001 × 1.5 / 7 = 10,500,001.5 → 10,500,002 fen
        assertThat(resident.sized()).isEqualTo(Money.ofFen(10_500_002));

        assertThatThrownBy(() -> prepayments.approve(employee.id(), LocalDate.of(2024, 1, 9),
                Fixtures.actor("hn-clerk", AGENCY, Role.CLERK, Role.REVIEWER)))
                .isInstanceOf(Rejection.class).extracting(e -> ((Rejection) e).code())
                .isEqualTo("prepayment.maker-checker");
        prepayments.approve(employee.id(), LocalDate.of(2024, 1, 9), reviewer);
        prepayments.disburse(employee.id(), LocalDate.of(2024, 1, 10), true, clerk, "t-hn-d1-" + grade2);
        prepayments.disburse(employee.id(), LocalDate.of(2024, 1, 10), true, clerk, "t-hn-d1-" + grade2);
        assertThat(prepayments.outstanding(grade2, "310")).isEqualTo(Money.ofFen(150_002));
        assertThat(ledger.balance(AGENCY, Prepayments.RECEIVABLE_ACCOUNT, grade2, "310", LocalDate.of(2024, 12, 31)))
                .isEqualTo(Money.ofFen(150_002));
        assertThat(prepayments.paymentFile(AGENCY, LocalDate.of(2024, 1, 10), clerk))
                .anyMatch(line -> line.payeeAccountNo().equals("TEST-" + grade2)
                        && line.amount().equals(Money.ofFen(150_002)));

        // 2025: 2024 pay fell to 80,000.00 a month → 1.5 × = 120,000.00; holds 150,002 → recover 30,002 by offset.
        Fixtures.settlements(context, grade2, COUNTY, "310", PlaceOfSettlement.LOCAL,
                Fixtures.months(2024, 1, 12, 80_000));
        prepayments.sizeRegion(COUNTY, 2025, LocalDate.of(2025, 1, 6), clerk);
        var next = prepayments.prepayment("PP-2025-" + grade2 + "-310", clerk);
        assertThat(next.sized()).isEqualTo(Money.ofFen(120_000));
        assertThat(next.outstandingBefore()).isEqualTo(Money.ofFen(150_002));
        assertThat(next.toPay()).isEqualTo(Money.ZERO);
        assertThat(next.toRecover()).isEqualTo(Money.ofFen(30_002));
        prepayments.approve(next.id(), LocalDate.of(2025, 1, 7), reviewer);
        prepayments.disburse(next.id(), LocalDate.of(2025, 1, 8), true, clerk, "t-hn-d2-" + grade2);

        Money first = recoveries.offset(new PaymentOffsets.OffsetRequest(AGENCY, grade2, "310",
                YearMonth.of(2025, 1), Money.ofFen(20_000), LocalDate.of(2025, 2, 20), "t-hn-pay1-" + grade2));
        assertThat(first).isEqualTo(Money.ofFen(20_000));
        Money again = recoveries.offset(new PaymentOffsets.OffsetRequest(AGENCY, grade2, "310",
                YearMonth.of(2025, 1), Money.ofFen(20_000), LocalDate.of(2025, 2, 20), "t-hn-pay1-" + grade2));
        assertThat(again).isEqualTo(Money.ofFen(20_000));
        Money second = recoveries.offset(new PaymentOffsets.OffsetRequest(AGENCY, grade2, "310",
                YearMonth.of(2025, 2), Money.ofFen(50_000), LocalDate.of(2025, 3, 20), "t-hn-pay2-" + grade2));
        assertThat(second).isEqualTo(Money.ofFen(10_002));
        assertThat(prepayments.outstanding(grade2, "310")).isEqualTo(Money.ofFen(120_000));
        assertThat(prepayments.invariantBreaks(LocalDate.of(2026, 12, 31))).isEmpty();
    }

    @Test
    @DisplayName("henan-2023 二(二) 遇节假日顺延: Jan 15 2023 is a Sunday → due Monday Jan 16")
    void deadlineShifted() {
        Regime regime = prepayments.regime(COUNTY, LocalDate.of(2024, 1, 2));
        assertThat(prepayments.due(regime, 2023).date()).isEqualTo(LocalDate.of(2023, 1, 16));
        assertThat(prepayments.due(regime, 2022).date()).isEqualTo(LocalDate.of(2022, 1, 17));
        assertThat(prepayments.due(regime, 2025).date()).isEqualTo(LocalDate.of(2025, 1, 15));
    }

    @Test
    @DisplayName("the API refuses an unknown prepayment and a hospital outside the actor's scope")
    void scope() {
        assertThatThrownBy(() -> prepayments.prepayment("PP-1999-none-310", clerk)).isInstanceOf(Rejection.class);
        assertThatThrownBy(() -> prepayments.sizeRegion("411521", 2024, LocalDate.of(2024, 1, 8), clerk))
                .isInstanceOf(Rejection.class).extracting(e -> ((Rejection) e).status()).isEqualTo(403);
    }
}

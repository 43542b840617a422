package org.medfund.prepayment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.claims.PlaceOfSettlement;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.ledger.LedgerReports;
import org.medfund.ledger.PostedEntry;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.settlement.PaymentOffsets;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Henan 预拨 (henan-2023 二(二)) at the edges: before "2024 年 1 月开始实施", a year whose reversals outweigh its visits,
 * hospitals leaving the scope (grade lowered, agreement ended) and what the recoveries cite. Runs in 鲁山县 (410423),
 * where no other test prepays; the ledger audit and the register invariant close every scenario.
 */
@DatabaseTest
class HenanScopeTest {

    private static final String COUNTY = "410423";
    private static final String AGENCY = "410423-AGENCY";

    @Autowired
    Prepayments prepayments;
    @Autowired
    Agreements agreements;
    @Autowired
    Recoveries recoveries;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerReports reports;
    @Autowired
    LedgerAudit audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    private final Actor clerk = Fixtures.actor("ls-clerk", AGENCY, Role.CLERK);
    private final Actor reviewer = Fixtures.actor("ls-reviewer", AGENCY, Role.REVIEWER);

    @BeforeEach
    void openingBalance() {
        Fixtures.fund(ledger, AGENCY, "t-open-" + AGENCY);
    }

    @AfterEach
    void sound() {
        assertThat(prepayments.invariantBreaks(LocalDate.of(2026, 12, 31))).isEmpty();
        audit.assertSound();
    }

    /** A grade-2 hospital with an agreement and 2023 settlements, prepaid for 2024 (1.5 × 1,000.00 = 1,500.00). */
    private String prepaid2024(String name) {
        String hospital = Fixtures.hospital(jdbc, COUNTY, 2, false, name);
        Fixtures.agreement(agreements, hospital, clerk);
        Fixtures.settlements(context, hospital, COUNTY, "310", PlaceOfSettlement.LOCAL,
                Fixtures.months(2023, 1, 12, 100_000));
        prepayments.sizeRegion(COUNTY, 2024, LocalDate.of(2024, 1, 8), clerk);
        String id = "PP-2024-" + hospital + "-310";
        prepayments.approve(id, LocalDate.of(2024, 1, 9), reviewer);
        prepayments.disburse(id, LocalDate.of(2024, 1, 10), true, clerk, "t-ls-d-" + id);
        assertThat(prepayments.outstanding(hospital, "310")).isEqualTo(Money.ofFen(150_000));
        return hospital;
    }

    @Test
    @DisplayName("henan-2023 二(二) 统筹基金预拨工作于 2024 年 1 月开始实施: sizing for 2023 is refused with the article")
    void notBefore2024() {
        assertThatThrownBy(() -> prepayments.sizeRegion(COUNTY, 2023, LocalDate.of(2023, 11, 1), clerk))
                .isInstanceOfSatisfying(Rejection.class, e -> {
                    assertThat(e.code()).isEqualTo("prepayment.not-started");
                    assertThat(e.field()).isEqualTo("year");
                    assertThat(e.getMessage()).contains("2024-01", "henan-2023 v1, henan-2023 二(二)");
                });
        assertThat(prepayments.register(new RegisterFilter(2023, null, null, null, null), clerk)).isEmpty();
    }

    @Test
    @DisplayName("henan-2023 二(二) 轧差: the netting recovery's offset cites henan-2023 二(二), not xinyang-2025 art. 15")
    void nettingCitesHenan() {
        String hospital = prepaid2024("（测试）鲁山轧差");
        Fixtures.settlements(context, hospital, COUNTY, "310", PlaceOfSettlement.LOCAL,
                Fixtures.months(2024, 1, 12, 60_000));
        prepayments.sizeRegion(COUNTY, 2025, LocalDate.of(2025, 1, 6), clerk);
        String id = "PP-2025-" + hospital + "-310";
        assertThat(prepayments.prepayment(id, clerk).toRecover()).isEqualTo(Money.ofFen(60_000));
        prepayments.approve(id, LocalDate.of(2025, 1, 7), reviewer);
        prepayments.disburse(id, LocalDate.of(2025, 1, 8), true, clerk, "t-ls-d-" + id);
        assertThat(recoveries.recoveries(hospital, clerk)).singleElement()
                .satisfies(r -> assertThat(r.evidence()).contains("henan-2023 v1, henan-2023 二(二)"));
        recoveries.offset(new PaymentOffsets.OffsetRequest(AGENCY, hospital, "310", YearMonth.of(2025, 1),
                Money.ofFen(100_000), LocalDate.of(2025, 2, 20), "t-ls-off-" + hospital));
        PostedEntry offset = lastEntryOf(hospital);
        assertThat(offset.ruleType()).isEqualTo("prepayment.recovered.offset");
        assertThat(offset.packId()).isEqualTo("henan-2023");
        assertThat(offset.article()).isEqualTo("henan-2023 二(二)");
    }

    private PostedEntry lastEntryOf(String hospital) {
        var detail = reports.detailLedger(AGENCY, Prepayments.RECEIVABLE_ACCOUNT, YearMonth.of(2024, 1),
                YearMonth.of(2026, 12), hospital);
        long sequence = detail.rows().get(detail.rows().size() - 1).sequenceNo();
        return ledger.entry(AGENCY, sequence).orElseThrow();
    }

    @Test
    @DisplayName("henan-2023 二(一)(二): a hospital lowered to 一级 is re-sized at zero and its whole balance recovered")
    void gradeLoweredIsNettedToZero() {
        String hospital = prepaid2024("（测试）鲁山降级");
        jdbc.sql("update registry_org set grade = 1 where code = :c").param("c", hospital).update();
        var outcomes = prepayments.sizeRegion(COUNTY, 2025, LocalDate.of(2025, 1, 6), clerk);
        var outcome = outcomes.stream().filter(o -> o.hospitalCode().equals(hospital) && o.insuranceType()
                .equals("310")).findFirst().orElseThrow();
        assertThat(outcome.refusals()).anyMatch(r -> r.contains("1级"));
        var row = prepayments.prepayment(outcome.prepaymentId(), clerk);
        assertThat(row.sized()).isEqualTo(Money.ZERO);
        assertThat(row.toRecover()).isEqualTo(Money.ofFen(150_000));
        assertThat(row.gateReasons()).contains("1级");
        assertThat(row.status()).isEqualTo(PrepaymentStatus.PREPARED);
        // The resident fund it never held gets no row.
        assertThat(outcomes).filteredOn(o -> o.hospitalCode().equals(hospital) && o.insuranceType().equals("390"))
                .singleElement().satisfies(o -> assertThat(o.prepaymentId()).isNull());
        prepayments.approve(row.id(), LocalDate.of(2025, 1, 7), reviewer);
        prepayments.disburse(row.id(), LocalDate.of(2025, 1, 8), false, clerk, "t-ls-d-" + row.id());
        var recovery = recoveries.recoveries(hospital, clerk).get(0);
        recoveries.recordReturn(recovery.id(), Money.ofFen(150_000), LocalDate.of(2025, 1, 20), clerk,
                "t-ls-ret-" + hospital);
        assertThat(prepayments.outstanding(hospital, "310")).isEqualTo(Money.ZERO);
    }

    @Test
    @DisplayName("henan-2023 二(二): an ended agreement, once confirmed by another user, recovers the balance at once")
    void agreementEndedRecoversAtOnce() {
        String hospital = prepaid2024("（测试）鲁山解约");
        var end = agreements.record(new Agreement(hospital, "XY-" + hospital, LocalDate.of(2020, 1, 1),
                LocalDate.of(2024, 6, 30), "按年核定预付金，年终清算", false, null), "解除协议通知书（鲁医保〔2024〕6号）",
                clerk, "t-ls-end-" + hospital);
        assertThat(recoveries.recoveries(hospital, clerk)).isEmpty();
        assertThatThrownBy(() -> agreements.confirm(end.id(), LocalDate.of(2024, 7, 1),
                Fixtures.actor("ls-clerk", AGENCY, Role.CLERK, Role.REVIEWER))).isInstanceOfSatisfying(
                Rejection.class, e -> assertThat(e.code()).isEqualTo("prepayment.maker-checker"));
        agreements.confirm(end.id(), LocalDate.of(2024, 7, 1), reviewer);
        assertThat(agreements.inForce(hospital, LocalDate.of(2024, 7, 1))).isEmpty();
        var recovery = recoveries.recoveries(hospital, clerk).get(0);
        assertThat(recovery.reason()).isEqualTo(RecoveryReason.SCOPE_EXIT);
        assertThat(recovery.amount()).isEqualTo(Money.ofFen(150_000));
        assertThat(recovery.evidence()).contains("henan-2023 二(二)", "鲁医保〔2024〕6号");
        assertThat(recovery.offsetFrom()).isEqualTo(LocalDate.of(2024, 7, 1));
        // Its last settlements absorb part; the rest it returns.
        recoveries.offset(new PaymentOffsets.OffsetRequest(AGENCY, hospital, "310", YearMonth.of(2024, 6),
                Money.ofFen(100_000), LocalDate.of(2024, 7, 20), "t-ls-end-off-" + hospital));
        assertThat(lastEntryOf(hospital).article()).isEqualTo("henan-2023 二(二)");
        recoveries.recordReturn(recovery.id(), Money.ofFen(50_000), LocalDate.of(2024, 7, 25), clerk,
                "t-ls-end-ret-" + hospital);
        assertThat(prepayments.outstanding(hospital, "310")).isEqualTo(Money.ZERO);
        // Art. 10's triggers are Xinyang's rules: a Henan prepayment cannot be recovered under them.
        assertThatThrownBy(() -> recoveries.raise(hospital, "310", RecoveryTrigger.MISUSE, "x",
                LocalDate.of(2024, 8, 1), clerk)).isInstanceOf(Rejection.class);
    }

    @Test
    @DisplayName("henan-2023 二(二): a year whose reversals outweigh its visits is refused with the figures, not a 500")
    void reversalsOutweighVisits() {
        String hospital = Fixtures.hospital(jdbc, COUNTY, 2, false, "（测试）鲁山冲正");
        Fixtures.agreement(agreements, hospital, clerk);
        Fixtures.settlements(context, hospital, COUNTY, "390", PlaceOfSettlement.LOCAL,
                Fixtures.months(2023, 1, 2, -50_000));
        Fixtures.settlements(context, hospital, COUNTY, "390", PlaceOfSettlement.IN_PROVINCE,
                Fixtures.months(2023, 3, 3, 30_000));
        var outcome = prepayments.sizeRegion(COUNTY, 2024, LocalDate.of(2024, 1, 8), clerk).stream()
                .filter(o -> o.hospitalCode().equals(hospital) && o.insuranceType().equals("390")).findFirst()
                .orElseThrow();
        assertThat(outcome.prepaymentId()).isNull();
        assertThat(outcome.refusals()).singleElement().asString()
                .contains("2023 年统筹基金支付合计 -700.00 元", "冲正多于结算", "henan-2023 二(二)");
    }
}

package org.medfund.prepayment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.claims.internal.TestSettlements;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.ledger.TransferStatus;
import org.medfund.prepayment.RegionPlanPayments.PlanPayment;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * henan-2023 二(二) "与上年预付金额进行清算轧差", 三(三), 四(三): the issued region plans' money. 平顶山's resident plan
 * for 2026 (1.5 × 10,000.00 a month = 15,000.00, no plan before) is paid by province finance to 平顶山's agency and is
 * in transit until the agency confirms; its 2027 plan is far smaller (1,000.00 a month here, plus the demo's few 2026
 * visits when the demo ran first), so the netting is negative and 平顶山 returns the difference. 信阳's resident plan
 * is 3,000.00 in both years: the 2027 netting is zero and nothing moves. Plans are paid once; a plan whose
 * year-before plan has not moved waits. Years 2026–2027 of the resident fund (390) are this test's: nothing else
 * settles in-province visits of 信阳 residents or of 平顶山 residents in 2025.
 */
@DatabaseTest
// A database of its own: the plans of other tests' years (RegionPlanTest's 2025) would change what 2026 nets against.
@TestPropertySource(properties = "medfund.test.context=region-plan-payment")
class RegionPlanPaymentTest {

    @Autowired
    RegionPlans plans;
    @Autowired
    RegionPlanPayments payments;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerAudit audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    private final Actor centre = Fixtures.actor("t-rpp-centre", "410000-CENTRE", Role.CLERK);
    private final Actor provinceFinance = Fixtures.actor("t-rpp-pf", "410000-FINANCE", Role.FINANCE);
    private final Actor pdsAgency = Fixtures.actor("t-rpp-pds", "410400-AGENCY", Role.CLERK);
    private final Actor xyAgency = Fixtures.actor("t-rpp-xy", "411500-AGENCY", Role.CLERK);

    private static String id(int year, String region) {
        return "RP-" + year + "-" + region + "-390";
    }

    @Test
    @DisplayName("henan-2023 二(二): a plan's netted money moves once — top-up in transit until received, a reduction recovered, zero moves nothing")
    void plansPayTheirNetting() {
        // Province finance's special account (the same opening as HenanFundingTest's, so either may come first).
        ledger.post(new BusinessEvent("opening.balance.special-account", "t-hf-opening-410000-FINANCE",
                LocalDate.of(2024, 1, 1), null, Money.ofYuan("100000000.00"), Map.of("book", "410000-FINANCE"), null,
                "opening-balance", "410000-FINANCE", null, null, "期初余额（测试）"));
        String luoshan = Fixtures.hospital(jdbc, "411521", 2, false, "（测试）罗山异地预拨");
        String baofeng = Fixtures.hospital(jdbc, "410421", 2, false, "（测试）宝丰异地预拨");
        TestSettlements.storeInProvince(context, luoshan, "411521", "410400", "390", Fixtures.months(2025, 1, 12, 1_000_000));
        TestSettlements.storeInProvince(context, luoshan, "411521", "410400", "390", Fixtures.months(2026, 1, 12, 100_000));
        TestSettlements.storeInProvince(context, baofeng, "410421", "411500", "390", Fixtures.months(2025, 1, 12, 200_000));
        TestSettlements.storeInProvince(context, baofeng, "410421", "411500", "390", Fixtures.months(2026, 1, 12, 200_000));
        plans.generate(2026, LocalDate.of(2026, 1, 5), centre);
        plans.generate(2027, LocalDate.of(2027, 1, 5), centre);

        // The 2027 plan nets against 2026's, which has not moved yet.
        assertThatThrownBy(() -> payments.pay(id(2027, "410400"), LocalDate.of(2027, 1, 8), pdsAgency))
                .isInstanceOfSatisfying(Rejection.class,
                        e -> assertThat(e.code()).isEqualTo("prepayment.previous-plan-unpaid"));
        // Only province finance pays a top-up.
        assertThatThrownBy(() -> payments.pay(id(2026, "410400"), LocalDate.of(2026, 1, 8), centre))
                .isInstanceOfSatisfying(Rejection.class, e -> {
                    assertThat(e.code()).isEqualTo("prepayment.plan-payer-only");
                    assertThat(e.status()).isEqualTo(403);
                });
        PlanPayment paid = payments.pay(id(2026, "410400"), LocalDate.of(2026, 1, 8), provinceFinance);
        assertThat(paid.move()).isEqualTo(PlanMove.TOP_UP);
        assertThat(paid.amount()).isEqualTo(Money.ofYuan("15000.00"));
        assertThat(paid.state()).isEqualTo(PlanPaymentState.SENT);
        assertThat(paid.derivation().citation()).contains("henan-2023 二(二)");
        assertThat(ledger.transfer(paid.transferId()).orElseThrow().status()).isEqualTo(TransferStatus.IN_TRANSIT);
        assertThat(ledger.balance("410400-AGENCY", "2211.03", "410000-FINANCE", "390", LocalDate.of(2026, 1, 31)))
                .isEqualTo(Money.ZERO);
        // Paying again answers the first payment and posts nothing.
        assertThat(payments.pay(id(2026, "410400"), LocalDate.of(2026, 1, 9), provinceFinance)).isEqualTo(paid);
        assertThat(ledger.balance("410000-FINANCE", "1211", "410400-AGENCY", "390", LocalDate.of(2026, 1, 31)))
                .isEqualTo(Money.ofYuan("15000.00"));

        assertThatThrownBy(() -> payments.confirmReceipt(id(2026, "410400"), LocalDate.of(2026, 1, 9),
                provinceFinance)).isInstanceOfSatisfying(Rejection.class,
                e -> assertThat(e.code()).isEqualTo("prepayment.plan-payer-only"));
        PlanPayment received = payments.confirmReceipt(id(2026, "410400"), LocalDate.of(2026, 1, 9), pdsAgency);
        assertThat(received.state()).isEqualTo(PlanPaymentState.RECEIVED);
        assertThat(received.receivedOn()).isEqualTo(LocalDate.of(2026, 1, 9));
        assertThat(ledger.balance("410400-AGENCY", "2211.03", "410000-FINANCE", "390", LocalDate.of(2026, 1, 31)))
                .isEqualTo(Money.ofYuan("15000.00"));
        assertThat(payments.confirmReceipt(id(2026, "410400"), LocalDate.of(2026, 1, 10), pdsAgency))
                .isEqualTo(received);

        // 2027: the plan fell far below 15,000.00 — the difference goes back, sent by 平顶山, never a negative transfer.
        RegionPlan smaller = plans.plans(2027, centre).stream().filter(p -> p.id().equals(id(2027, "410400")))
                .findFirst().orElseThrow();
        assertThat(smaller.previous()).isEqualTo(Money.ofYuan("15000.00"));
        Money back = Money.ofYuan("15000.00").minus(smaller.sized());
        assertThat(back.isPositive()).isTrue();
        assertThatThrownBy(() -> payments.pay(id(2027, "410400"), LocalDate.of(2027, 1, 8), provinceFinance))
                .isInstanceOfSatisfying(Rejection.class,
                        e -> assertThat(e.code()).isEqualTo("prepayment.plan-payer-only"));
        PlanPayment recovered = payments.pay(id(2027, "410400"), LocalDate.of(2027, 1, 8), pdsAgency);
        assertThat(recovered.move()).isEqualTo(PlanMove.RECOVERY);
        assertThat(recovered.amount()).isEqualTo(back);
        assertThat(ledger.transfer(recovered.transferId()).orElseThrow().amount()).isEqualTo(back);
        payments.confirmReceipt(id(2027, "410400"), LocalDate.of(2027, 1, 11), provinceFinance);
        assertThat(ledger.balance("410000-FINANCE", "1211", "410400-AGENCY", "390", LocalDate.of(2027, 1, 31)))
                .isEqualTo(smaller.sized());
        assertThat(ledger.balance("410400-AGENCY", "2211.03", "410000-FINANCE", "390", LocalDate.of(2027, 1, 31)))
                .isEqualTo(smaller.sized());

        // 信阳: 3,000.00 paid in 2026; 2027's plan is the same, the netting is zero and nothing moves.
        assertThat(payments.pay(id(2026, "411500"), LocalDate.of(2026, 1, 8), provinceFinance).amount())
                .isEqualTo(Money.ofYuan("3000.00"));
        PlanPayment none = payments.pay(id(2027, "411500"), LocalDate.of(2027, 1, 8), provinceFinance);
        assertThat(none.move()).isEqualTo(PlanMove.NONE);
        assertThat(none.state()).isEqualTo(PlanPaymentState.NOTHING_DUE);
        assertThat(none.transferId()).isNull();
        assertThatThrownBy(() -> payments.confirmReceipt(id(2027, "411500"), LocalDate.of(2027, 1, 9), xyAgency))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.code()).isEqualTo("prepayment.plan-not-paid"));

        // A city sees its own plans' money only.
        List<PlanPayment> seen = payments.payments(2027, pdsAgency);
        assertThat(seen).isNotEmpty().allSatisfy(p -> assertThat(p.regionCode()).isEqualTo("410400"));
        assertThatThrownBy(() -> payments.pay(id(2027, "411500"), LocalDate.of(2027, 1, 8), pdsAgency))
                .isInstanceOfSatisfying(Rejection.class, e -> assertThat(e.code()).isEqualTo("prepayment.plan-not-found"));
        audit.assertSound();
    }
}

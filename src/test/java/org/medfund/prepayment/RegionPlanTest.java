package org.medfund.prepayment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.claims.internal.TestSettlements;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Seed 000 二(二): the province centre generates each insured pooling region's in-province cross-region prepayment
 * plan per fund — 1.5 × last year's monthly average of the region's insured persons' pooled-fund pay settled in
 * other regions of the province — netted against the year before. Uses insured regions 开封 (410200, county 杞县
 * 410221) and 洛阳 (410300), which the registry does not hold and no other test settles, so other tests' in-province
 * rows (insured in 平顶山 or 信阳) do not touch the figures checked.
 */
@DatabaseTest
class RegionPlanTest {

    @Autowired
    RegionPlans plans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApplicationContext context;

    private final Actor centre = Fixtures.actor("ha-centre-clerk", "410000-CENTRE", Role.CLERK);

    private RegionPlan plan(List<RegionPlan> all, String region, String fund) {
        return all.stream().filter(p -> p.regionCode().equals(region) && p.insuranceType().equals(fund)).findFirst()
                .orElseThrow();
    }

    @Test
    @DisplayName("henan-2023 二(二): region plan = 1.5 × monthly average of in-province cross-region pay, per fund, netted yearly")
    void regionPlans() {
        String pds = Fixtures.hospital(jdbc, "410421", 2, false, "（测试）宝丰异地");
        String xy = Fixtures.hospital(jdbc, "411521", 2, false, "（测试）罗山异地");
        // 2023: 杞县 (开封) insured treated in 宝丰 in Jan–Jul, 1,000.01 a month; 开封 insured in 罗山 in March, 500.00.
        TestSettlements.storeInProvince(context, pds, "410421", "410221", "310", Fixtures.months(2023, 1, 7, 100_001));
        TestSettlements.storeInProvince(context, xy, "411521", "410200", "310", Fixtures.months(2023, 3, 3, 50_000));
        // 洛阳 resident fund: one visit of 0.01 in December → 1.5 × 0.01 = 0.015 → 0.02 (half-up, once).
        TestSettlements.storeInProvince(context, pds, "410421", "410300", "390", Fixtures.months(2023, 12, 12, 1));
        // 2024: 开封 insured treated in 宝丰, 800.00 every month.
        TestSettlements.storeInProvince(context, pds, "410421", "410200", "310", Fixtures.months(2024, 1, 12, 80_000));

        assertThatThrownBy(() -> plans.generate(2024, LocalDate.of(2024, 1, 5),
                Fixtures.actor("pds-clerk", "410400-AGENCY", Role.CLERK)))
                .isInstanceOfSatisfying(Rejection.class,
                        e -> assertThat(e.code()).isEqualTo("prepayment.province-centre-only"));

        List<RegionPlan> first = plans.generate(2024, LocalDate.of(2024, 1, 5), centre);
        RegionPlan kaifeng = plan(first, "410200", "310");
        // 7 months with data, total 7 × 1,000.01 + 500.00 = 7,500.07; 1.5 × 7,500.07 ÷ 7 = 1,607.1578… → 1,607.16
        assertThat(kaifeng.sized()).isEqualTo(Money.ofFen(160_716));
        assertThat(kaifeng.previous()).isEqualTo(Money.ZERO);
        assertThat(kaifeng.derivation().citation()).contains("henan-2023", "henan-2023 二(二)", "省内异地");
        assertThat(kaifeng.derivation().inputs()).anySatisfy(i -> assertThat(i.name()).contains("平顶山市（410400）"))
                .anySatisfy(i -> assertThat(i.name()).contains("信阳市（411500）"));
        assertThat(plan(first, "410300", "390").sized()).isEqualTo(Money.ofFen(2));
        assertThat(plans.generate(2024, LocalDate.of(2024, 1, 6), centre)).isEqualTo(first); // issued once

        List<RegionPlan> second = plans.generate(2025, LocalDate.of(2025, 1, 6), centre);
        RegionPlan kaifeng2025 = plan(second, "410200", "310");
        assertThat(kaifeng2025.sized()).isEqualTo(Money.ofFen(120_000));
        assertThat(kaifeng2025.previous()).isEqualTo(Money.ofFen(160_716));
        assertThat(kaifeng2025.difference()).isEqualTo(Money.ofFen(-40_716)); // 轧差: the excess is recovered
        RegionPlan luoyang2025 = plan(second, "410300", "390");
        assertThat(luoyang2025.sized()).isEqualTo(Money.ZERO);
        assertThat(luoyang2025.difference()).isEqualTo(Money.ofFen(-2));

        // A city agency sees its own region's plans only.
        assertThat(plans.plans(2025, Fixtures.actor("pds-clerk", "410400-AGENCY", Role.CLERK)))
                .allSatisfy(p -> assertThat(p.regionCode()).isEqualTo("410400"));
    }
}

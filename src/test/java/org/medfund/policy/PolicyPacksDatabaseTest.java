package org.medfund.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Rejection;
import org.springframework.beans.factory.annotation.Autowired;

/** The Spring bean resolves through the registry's real region tree (the shipped reference data). */
@DatabaseTest
class PolicyPacksDatabaseTest {

    @Autowired
    PolicyPacks packs;

    @Test
    @DisplayName("DESIGN.md §7: Xinyang counties switch prepayment rules on xinyang-2025's date, keep Henan's others")
    void xinyangThroughRegistry() {
        LocalDate switchDate = packs.pack("xinyang-2025").orElseThrow().effectiveFrom();
        for (String county : new String[] {"411502", "411525", "411528"}) {
            assertThat(packs.resolve(county, switchDate.minusDays(1), "prepayment.factor").packId())
                    .isEqualTo("henan-2023");
            assertThat(packs.resolve(county, switchDate, "prepayment.factor").packId()).isEqualTo("xinyang-2025");
            assertThat(packs.resolve(county, switchDate, "crossregion.province-pay-by").packId())
                    .isEqualTo("henan-2023");
        }
        assertThat(packs.resolve("410422", switchDate, "prepayment.factor").packId()).isEqualTo("henan-2023");
    }

    @Test
    @DisplayName("the other seeds resolve for their own regions and sub-regions only")
    void otherRegions() {
        LocalDate day = LocalDate.of(2022, 3, 1);
        assertThat(packs.resolve("130402", day, "pooling.reserve-ratio").packId()).isEqualTo("handan-2020");
        assertThat(packs.find("460100", day, "pooling.reserve-ratio")).isEmpty();
        assertThat(packs.resolve("460100", day, "settlement.pay-within-working-days").packId())
                .isEqualTo("hainan-2020");
        assertThatThrownBy(() -> packs.resolve("000000", day, "pooling.reserve-ratio"))
                .isInstanceOf(Rejection.class).extracting("code").isEqualTo("policy.unknown-region");
    }
}

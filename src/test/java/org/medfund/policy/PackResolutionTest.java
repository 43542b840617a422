package org.medfund.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.calendar.DeadlineRule;
import org.medfund.common.Rejection;

/**
 * Resolution of the shipped packs by region hierarchy and date, against an in-test region tree with the real codes
 * (the registry's own tree is exercised by {@code PolicyPacksDatabaseTest}).
 */
class PackResolutionTest {

    /** child → parent for the regions these tests use. */
    private static final Map<String, String> PARENT = Map.ofEntries(
            Map.entry("410000", ""), Map.entry("411500", "410000"), Map.entry("411521", "411500"),
            Map.entry("410400", "410000"), Map.entry("410422", "410400"), Map.entry("520000", ""),
            Map.entry("520100", "520000"), Map.entry("460000", ""), Map.entry("460100", "460000"),
            Map.entry("130000", ""), Map.entry("130400", "130000"), Map.entry("130402", "130400"));

    static final Function<String, List<String>> LINEAGE = code -> {
        List<String> codes = new ArrayList<>();
        String current = code;
        while (current != null && PARENT.containsKey(current)) {
            codes.add(current);
            current = PARENT.get(current).isEmpty() ? null : PARENT.get(current);
        }
        return codes;
    };

    private final PolicyPacks packs = PolicyPacks.shipped(LINEAGE);

    private static LocalDate d(String text) {
        return LocalDate.parse(text);
    }

    @Test
    @DisplayName("all five seed packs load with their document numbers and regions")
    void shippedPacks() {
        assertThat(packs.packs()).extracting(PolicyPack::id)
                .containsExactly("henan-2023", "guizhou-2017", "xinyang-2025", "hainan-2020", "handan-2020");
        PolicyPack henan = packs.pack("henan-2023").orElseThrow();
        assertThat(henan.documentNo()).isEqualTo("豫财社〔2023〕178号");
        assertThat(henan.issuers()).isEqualTo("河南省财政厅 河南省医疗保障局");
        assertThat(henan.regionCode()).isEqualTo("410000");
        assertThat(henan.effectiveConfigured()).isFalse();
        PolicyPack xinyang = packs.pack("xinyang-2025").orElseThrow();
        assertThat(xinyang.regionCode()).isEqualTo("411500");
        assertThat(xinyang.effectiveConfigured()).isTrue();
        assertThat(xinyang.issuedOn()).isNull();
        assertThat(packs.pack("handan-2020").orElseThrow().effectiveUntil()).isEqualTo(d("2022-12-31"));
        assertThat(packs.pack("nope")).isEmpty();
    }

    @Test
    @DisplayName("henan-2023 二(二): Henan hospitals get 1.5 × by 15 January, holiday-shifted, grade ≥ 2")
    void henanPrepayment() {
        Resolved factor = packs.resolve("410422", d("2024-01-02"), "prepayment.factor");
        assertThat(factor.parameter().decimal()).isEqualByComparingTo("1.5");
        assertThat(factor.citation()).isEqualTo("henan-2023 v1, henan-2023 二(二)");
        assertThat(packs.resolve("410422", d("2024-01-02"), "prepayment.deadline").parameter().deadline())
                .isEqualTo(new DeadlineRule.DayOfMonth(15, true, 0));
        assertThat(packs.resolve("410400", d("2024-01-02"), "prepayment.min-grade").parameter().integer())
                .isEqualTo(2);
        assertThat(packs.resolve("410400", d("2024-03-01"), "reconciliation.apply-by").parameter().value())
                .isEqualTo("day-of-month:5:shift+1m");
    }

    @Test
    @DisplayName("Xinyang and its counties follow henan-2023 prepayment rules until xinyang-2025, then Xinyang's")
    void xinyangSwitchesPrepaymentOnly() {
        LocalDate before = packs.pack("xinyang-2025").orElseThrow().effectiveFrom().minusDays(1);
        LocalDate after = packs.pack("xinyang-2025").orElseThrow().effectiveFrom();
        for (String region : List.of("411500", "411521")) {
            Resolved old = packs.resolve(region, before, "prepayment.factor");
            assertThat(old.packId()).isEqualTo("henan-2023");
            assertThat(old.parameter().decimal()).isEqualByComparingTo("1.5");
            Resolved now = packs.resolve(region, after, "prepayment.factor");
            assertThat(now.packId()).isEqualTo("xinyang-2025");
            assertThat(now.parameter().decimal()).isEqualByComparingTo(BigDecimal.ONE);
            assertThat(now.citation()).isEqualTo("xinyang-2025 v1, xinyang-2025 art. 4");
            // Cross-region and reconciliation rules keep coming from the province's pack.
            assertThat(packs.resolve(region, after, "crossregion.confirm-by").packId()).isEqualTo("henan-2023");
            assertThat(packs.resolve(region, after, "reconciliation.apply-by").packId()).isEqualTo("henan-2023");
            // Henan-only prepayment rules are not inherited once Xinyang governs prepayment.
            assertThat(packs.find(region, before, "prepayment.deadline")).isPresent();
            assertThat(packs.find(region, after, "prepayment.deadline")).isEmpty();
            assertThat(packs.find(region, before, "prepayment.months-payable-min.310")).isEmpty();
            assertThat(packs.resolve(region, after, "prepayment.months-payable-min.310").parameter().integer())
                    .isEqualTo(12);
            assertThat(packs.resolve(region, after, "prepayment.months-payable-min.390").parameter().integer())
                    .isEqualTo(6);
        }
        // Pingdingshan, also in Henan, never switches.
        assertThat(packs.resolve("410422", after, "prepayment.factor").packId()).isEqualTo("henan-2023");
    }

    @Test
    @DisplayName("seeds 001, 003, 004: parameters with their articles")
    void otherSeeds() {
        assertThat(packs.resolve("520100", d("2024-05-01"), "crossregion.usage-yellow").parameter().decimal())
                .isEqualByComparingTo("0.70");
        assertThat(packs.resolve("520100", d("2024-05-01"), "crossregion.first-prepayment-months").citation())
                .isEqualTo("guizhou-2017 v1, guizhou-2017 三(三)");
        assertThat(packs.resolve("460100", d("2024-05-01"), "settlement.pay-within-working-days").parameter()
                .integer()).isEqualTo(45);
        assertThat(packs.resolve("460100", d("2024-05-01"), "reconciliation.apply-by").parameter().value())
                .isEqualTo("day-of-month:20+1m");
        Resolved reserve = packs.resolve("130402", d("2021-06-30"), "pooling.reserve-ratio");
        assertThat(reserve.parameter().decimal()).isEqualByComparingTo("0.10");
        assertThat(reserve.citation()).isEqualTo("handan-2020 v1, handan-2020 art. 12(一)");
    }

    @Test
    @DisplayName("a pack outside its effective window answers nothing: Handan's pilot ran 2021-01-01..2022-12-31")
    void effectiveWindow() {
        assertThat(packs.find("130400", d("2020-12-31"), "pooling.reserve-ratio")).isEmpty();
        assertThat(packs.find("130400", d("2021-01-01"), "pooling.reserve-ratio")).isPresent();
        assertThat(packs.find("130400", d("2022-12-31"), "pooling.reserve-ratio")).isPresent();
        assertThat(packs.find("130400", d("2023-01-01"), "pooling.reserve-ratio")).isEmpty();
        assertThat(packs.find("410000", d("2023-10-23"), "prepayment.factor")).isEmpty();
        assertThatThrownBy(() -> packs.resolve("130400", d("2023-01-01"), "pooling.reserve-ratio"))
                .isInstanceOf(Rejection.class).extracting("code").isEqualTo("policy.no-rule");
    }

    @Test
    @DisplayName("unknown region and blank rule are refused naming the field")
    void badInput() {
        assertThatThrownBy(() -> packs.resolve("999999", d("2024-01-01"), "prepayment.factor"))
                .isInstanceOf(Rejection.class).extracting("code", "field")
                .containsExactly("policy.unknown-region", "region");
        assertThatThrownBy(() -> packs.resolve("410000", d("2024-01-01"), " "))
                .isInstanceOf(Rejection.class).extracting("field").isEqualTo("rule");
        assertThat(packs.find("410000", d("2024-01-01"), "prepayment.no-such-rule")).isEmpty();
    }

    @Test
    @DisplayName("a parameter change is a new version: v2 from its date, v1 before, citations name the version")
    void versions() {
        List<PolicyPack> all = new ArrayList<>(PackFile.loadShipped());
        all.addAll(PackFile.load("classpath*:policy-test/*.pack"));
        PolicyPacks versioned = new PackResolution(all, LINEAGE);
        assertThat(versioned.versions("henan-2023")).extracting(PolicyPack::version).containsExactly(1, 2);
        assertThat(versioned.pack("henan-2023").orElseThrow().version()).isEqualTo(2);
        Resolved old = versioned.resolve("410422", d("2025-06-30"), "prepayment.factor");
        assertThat(old.parameter().decimal()).isEqualByComparingTo("1.5");
        assertThat(old.citation()).isEqualTo("henan-2023 v1, henan-2023 二(二)");
        Resolved now = versioned.resolve("410422", d("2025-07-01"), "prepayment.factor");
        assertThat(now.parameter().decimal()).isEqualByComparingTo("1.2");
        assertThat(now.citation()).startsWith("henan-2023 v2, ");
        // v2 replaces v1 entirely from its date: a rule v2 dropped is gone, not inherited from v1.
        assertThat(versioned.find("410422", d("2025-06-30"), "prepayment.deadline")).isPresent();
        assertThat(versioned.find("410422", d("2025-07-01"), "prepayment.deadline")).isEmpty();
        assertThat(versioned.packInForce("henan-2023", d("2025-06-30")).orElseThrow().version()).isEqualTo(1);
    }

    @Test
    @DisplayName("broken data is refused when loaded: version gaps, non-increasing dates, bad deadline text")
    void brokenData() {
        PolicyPack v1 = packs.pack("henan-2023").orElseThrow();
        PolicyPack v3 = new PolicyPack(v1.id(), 3, v1.title(), v1.documentNo(), v1.issuers(), v1.seed(),
                v1.regionCode(), v1.issuedOn(), d("2026-01-01"), null, true, v1.parameters(), v1.governs());
        assertThatThrownBy(() -> new PackResolution(List.of(v1, v3), LINEAGE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("versions must be 1..2");
        PolicyPack early = new PolicyPack(v1.id(), 2, v1.title(), v1.documentNo(), v1.issuers(), v1.seed(),
                v1.regionCode(), v1.issuedOn(), v1.effectiveFrom(), null, true, v1.parameters(), v1.governs());
        assertThatThrownBy(() -> new PackResolution(List.of(v1, early), LINEAGE))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("must take effect after");
        String header = """
                id: x-1
                version: 1
                title: t
                documentNo: n
                issuers: i
                seed: 009
                region: 410000
                issuedOn:
                effectiveFrom: 2024-01-01
                effectiveUntil:
                effectiveConfigured: true
                governs:
                """;
        assertThat(PackFile.parse("x", header + "a.b = 1 | art | n").parameters()).containsKey("a.b");
        assertThatThrownBy(() -> PackFile.parse("x", header + "a.apply-by = day-of-month:40 | art | n"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not a deadline rule");
        assertThatThrownBy(() -> PackFile.parse("x", header + "a.b = 1 | | n"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> PackFile.parse("x", header.replace("seed: 009\n", "")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing header seed");
    }

    @Test
    @DisplayName("henan-2023 二(二) 下同: 三(三) month end and 三(四) end of March shift; 一(三), before it, does not")
    void henanMonthEndsShifted() {
        PolicyPack henan = PackFile.loadShipped().stream().filter(p -> p.id().equals("henan-2023")).findFirst()
                .orElseThrow();
        assertThat(henan.parameters().get("crossregion.hospital-pay-by").deadline())
                .isEqualTo(DeadlineRule.parse("month-end:shift"));
        assertThat(henan.parameters().get("crossregion.annual-clear-by").deadline())
                .isEqualTo(DeadlineRule.parse("quarter-month-end:3:shift"));
        assertThat(henan.parameters().get("crossregion.employee-remittance-notice-by").deadline())
                .isEqualTo(DeadlineRule.parse("quarter-month-end:2"));
        var calendar = org.medfund.calendar.BusinessCalendar.official(java.time.Clock.systemUTC());
        // Sunday 31 March 2024: the annual clearing is due on Monday 1 April.
        assertThat(calendar.deadline(henan.parameters().get("crossregion.annual-clear-by").deadline(),
                java.time.YearMonth.of(2024, 2))).isEqualTo(LocalDate.of(2024, 4, 1));
    }

    @Test
    @DisplayName("every deadline rule in the shipped packs resolves to a date in the covered calendar")
    void everyDeadlineComputes() {
        var calendar = org.medfund.calendar.BusinessCalendar.official(java.time.Clock.systemUTC());
        for (PolicyPack pack : PackFile.loadShipped()) {
            for (Parameter parameter : pack.parameters().values()) {
                if (parameter.name().endsWith("-by") || parameter.name().endsWith("deadline")) {
                    assertThat(calendar.deadline(parameter.deadline(), java.time.YearMonth.of(2024, 2)))
                            .as(pack.label() + " " + parameter.name()).isNotNull();
                }
            }
        }
    }

    @Test
    @DisplayName("docs/policy-rules.md lists every shipped rule name")
    void rulesDocumented() throws java.io.IOException {
        String doc = java.nio.file.Files.readString(java.nio.file.Path.of("docs/policy-rules.md"));
        for (PolicyPack pack : PackFile.loadShipped()) {
            for (String name : pack.parameters().keySet()) {
                assertThat(doc).as(pack.label() + " " + name).contains("| `" + name + "` | " + pack.id() + " |");
            }
        }
    }
}

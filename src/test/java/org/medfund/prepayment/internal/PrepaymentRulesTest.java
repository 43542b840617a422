package org.medfund.prepayment.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.policy.PolicyPacks;
import org.medfund.prepayment.ApplicationForm;
import org.medfund.prepayment.AverageBasis;
import org.medfund.prepayment.ClearingMethod;
import org.medfund.prepayment.ClearingRule;
import org.medfund.prepayment.EligibilityCondition;
import org.medfund.prepayment.Finding;
import org.medfund.prepayment.RecoveryTrigger;
import org.medfund.prepayment.Regime;
import org.medfund.prepayment.SettledYear;

/** The pure prepayment rules of henan-2023 二 and xinyang-2025, checked with odd fen and exact thresholds. */
class PrepaymentRulesTest {

    private static final String HENAN = "henan-2023 v1, henan-2023 二(二)";

    @Test
    @DisplayName("henan-2023 二(二): 1.5 × monthly average, odd fen rounded once half-up")
    void henanSizingOddFen() {
        SortedMap<YearMonth, Money> monthly = new TreeMap<>();
        for (int m = 1; m <= 12; m++) {
            monthly.put(YearMonth.of(2023, m), Money.ofFen(100_001));
        }
        monthly.put(YearMonth.of(2023, 12), Money.ofFen(100_002));
        // total 1,200,013 fen × 1.5 / 12 = 150,001.625 → 150,002 fen (rounding once; per-month rounding would differ)
        var derivation = Sizing.monthlyAverageTimes(monthly, Year.of(2023), new BigDecimal("1.5"),
                AverageBasis.MONTHS_WITH_DATA, HENAN);
        assertThat(derivation.result()).isEqualTo(Money.ofFen(150_002));
        assertThat(derivation.citation()).isEqualTo(HENAN);
        assertThat(derivation.inputs()).extracting(i -> i.name()).contains("2023-01 统筹基金支付", "计算月数", "倍数");
        assertThat(derivation.explain()).contains("1.5 × 2023 年统筹基金月均结算额", "1,500.02");
    }

    @Test
    @DisplayName("henan-2023 二(二): .5 fen rounds up; 1 fen × 1.5 = 1.5 → 2 fen")
    void halfUp() {
        var derivation = Sizing.monthlyAverageTimes(new TreeMap<>(java.util.Map.of(YearMonth.of(2023, 3),
                Money.ofFen(1))), Year.of(2023), new BigDecimal("1.5"), AverageBasis.MONTHS_WITH_DATA, HENAN);
        assertThat(derivation.result()).isEqualTo(Money.ofFen(2));
    }

    @Test
    @DisplayName("decision: a hospital with 7 months of data averages over those 7 (or 12 under CALENDAR_YEAR)")
    void sevenMonths() {
        SortedMap<YearMonth, Money> monthly = new TreeMap<>();
        for (int m = 6; m <= 12; m++) {
            monthly.put(YearMonth.of(2023, m), Money.ofYuan("70000.01"));
        }
        var withData = Sizing.monthlyAverageTimes(monthly, Year.of(2023), new BigDecimal("1.5"),
                AverageBasis.MONTHS_WITH_DATA, HENAN);
        // 7 × 7,000,001 × 1.5 / 7 = 10,500,001.5 → 10,500,002 fen
        assertThat(withData.result()).isEqualTo(Money.ofFen(10_500_002));
        var calendar = Sizing.monthlyAverageTimes(monthly, Year.of(2023), new BigDecimal("1.5"),
                AverageBasis.CALENDAR_YEAR, HENAN);
        // 49,000,007 × 1.5 / 12 = 6,125,000.875 → 6,125,001 fen
        assertThat(calendar.result()).isEqualTo(Money.ofFen(6_125_001));
    }

    @Test
    @DisplayName("xinyang-2025 art. 4: factor 1 = last year's monthly average; no data → zero")
    void xinyangSizing() {
        SortedMap<YearMonth, Money> monthly = new TreeMap<>();
        monthly.put(YearMonth.of(2025, 1), Money.ofFen(10));
        monthly.put(YearMonth.of(2025, 2), Money.ofFen(11));
        monthly.put(YearMonth.of(2025, 3), Money.ofFen(11));
        var derivation = Sizing.monthlyAverageTimes(monthly, Year.of(2025), BigDecimal.ONE,
                AverageBasis.MONTHS_WITH_DATA, "xinyang-2025 v1, xinyang-2025 art. 4");
        assertThat(derivation.result()).isEqualTo(Money.ofFen(11)); // 32 / 3 = 10.67 → 11
        assertThat(derivation.formula()).startsWith("2025 年");
        assertThat(Sizing.monthlyAverageTimes(new TreeMap<>(), Year.of(2025), BigDecimal.ONE,
                AverageBasis.MONTHS_WITH_DATA, "x").result()).isEqualTo(Money.ZERO);
    }

    @Test
    @DisplayName("xinyang-2025 art. 5: emergency adjustment keeps the art. 4 amount and the city decision")
    void emergencyAdjustment() {
        var base = Sizing.monthlyAverageTimes(new TreeMap<>(java.util.Map.of(YearMonth.of(2025, 1),
                Money.ofFen(100))), Year.of(2025), BigDecimal.ONE, AverageBasis.MONTHS_WITH_DATA, "a4");
        var adjusted = Sizing.adjusted(base, Money.ofFen(150), "信医保〔2026〕1号", "突发公共卫生事件", "a5");
        assertThat(adjusted.result()).isEqualTo(Money.ofFen(150));
        assertThat(adjusted.explain()).contains("信医保〔2026〕1号", "第四条核定额度 = 1.00");
    }

    @Test
    @DisplayName("henan-2023 二(二) 轧差: pay the difference or recover the excess")
    void netting() {
        var more = Netting.of(Money.ofFen(1_000), Money.ofFen(700), HENAN);
        assertThat(more.toPay()).isEqualTo(Money.ofFen(300));
        assertThat(more.toRecover()).isEqualTo(Money.ZERO);
        var less = Netting.of(Money.ofFen(700), Money.ofFen(1_000), HENAN);
        assertThat(less.toPay()).isEqualTo(Money.ZERO);
        assertThat(less.toRecover()).isEqualTo(Money.ofFen(300));
        assertThat(less.derivation().result()).isEqualTo(Money.ofFen(-300));
        var first = Netting.of(Money.ofFen(5), Money.ZERO, HENAN);
        assertThat(first.toPay()).isEqualTo(Money.ofFen(5));
    }

    @Test
    @DisplayName("xinyang-2025 art. 6(五): offset only when the settlement absorbs all; one fen short → full return")
    void allOrNothing() {
        assertThat(Clearing.decide(Money.ofFen(1_000_000), Money.ofFen(1_000_000))).isEqualTo(ClearingMethod.OFFSET);
        assertThat(Clearing.decide(Money.ofFen(1_000_000), Money.ofFen(999_999))).isEqualTo(ClearingMethod.RETURN);
        assertThat(Clearing.decide(Money.ofFen(1), Money.ZERO)).isEqualTo(ClearingMethod.RETURN);
    }

    @Test
    @DisplayName("xinyang-2025 art. 6(五): the offset a settlement takes — all or nothing, or what it allows under PARTIAL")
    void offsetTaken() {
        Money owed = Money.ofFen(1_000_000);
        assertThat(Clearing.offset(ClearingRule.ALL_OR_NOTHING, owed, Money.ofFen(1_000_000))).isEqualTo(owed);
        assertThat(Clearing.offset(ClearingRule.ALL_OR_NOTHING, owed, Money.ofFen(5_000_000))).isEqualTo(owed);
        assertThat(Clearing.offset(ClearingRule.ALL_OR_NOTHING, owed, Money.ofFen(999_999))).isEqualTo(Money.ZERO);
        assertThat(Clearing.offset(ClearingRule.ALL_OR_NOTHING, owed, Money.ofFen(-1))).isEqualTo(Money.ZERO);
        assertThat(Clearing.offset(ClearingRule.PARTIAL, owed, Money.ofFen(999_999))).isEqualTo(Money.ofFen(999_999));
        assertThat(Clearing.offset(ClearingRule.PARTIAL, owed, Money.ofFen(5_000_000))).isEqualTo(owed);
        assertThat(Clearing.offset(ClearingRule.PARTIAL, owed, Money.ofFen(-1))).isEqualTo(Money.ZERO);
    }

    @Test
    @DisplayName("xinyang-2025 art. 10: nine triggers from the pack; (一)–(五) give 10 working days to return, henan none")
    void triggers() {
        PolicyPacks packs = PolicyPacks.shipped(code -> code.equals("411500") ? List.of("411500", "410000")
                : List.of("410000"));
        Regime xinyang = Regime.resolve(packs, "411500", java.time.LocalDate.of(2025, 6, 1));
        assertThat(xinyang.recoveryTriggers()).hasSize(9);
        assertThat(xinyang.returnWorkingDays(RecoveryTrigger.UNPAID_JUDGEMENT_DEBT)).isEqualTo(10);
        assertThat(xinyang.returnWorkingDays(RecoveryTrigger.FRAUDULENT_ELIGIBILITY)).isZero();
        assertThat(RecoveryTrigger.MISUSE.article()).isEqualTo("xinyang-2025 art. 10(七)");
        Regime henan = Regime.resolve(packs, "410000", java.time.LocalDate.of(2025, 6, 1));
        assertThat(henan.recoveryTriggers()).isEmpty();
    }

    @Test
    @DisplayName("henan-2023 二(一): grade 一级 excluded; no service agreement → no prepayment")
    void henanScope() {
        java.util.Optional<String> agreementRule = java.util.Optional.of(HENAN);
        assertThat(Eligibility.henan(2, true, true, 2, HENAN, agreementRule).eligible()).isTrue();
        var grade1 = Eligibility.henan(1, true, true, 2, HENAN, agreementRule);
        assertThat(grade1.eligible()).isFalse();
        assertThat(grade1.refusals()).singleElement().asString().contains("1级", "2级及以上");
        assertThat(Eligibility.henan(3, true, false, 2, HENAN, agreementRule).refusals()).singleElement().asString()
                .contains("服务协议", HENAN);
        assertThat(Eligibility.henan(null, true, true, 2, HENAN, agreementRule).eligible()).isFalse();
        // prepayment.agreement-required: a pack without the rule does not refuse for a missing agreement.
        assertThat(Eligibility.henan(3, true, false, 2, HENAN, java.util.Optional.empty()).eligible()).isTrue();
    }

    private static SettledYear fullYear() {
        return new SettledYear(2024, new java.util.TreeSet<>(List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11,
                12)));
    }

    @Test
    @DisplayName("xinyang-2025 art. 3: each unmet condition refuses with its article; (五) is computed")
    void xinyangConditions() {
        List<Finding> all = new ArrayList<>();
        for (var condition : EligibilityCondition.values()) {
            all.add(new Finding(condition, true, "材料 " + condition.name(), "reviewer-1"));
        }
        assertThat(Eligibility.xinyang(all, true, fullYear()).eligible()).isTrue();
        var uncleared = Eligibility.xinyang(all, false, fullYear());
        assertThat(uncleared.refusals()).singleElement().asString().contains("xinyang-2025 art. 3(五)");
        all.set(1, new Finding(EligibilityCondition.SOUND_FINANCES, false, "有财产被保全", "r"));
        assertThat(Eligibility.xinyang(all, true, fullYear()).refusals()).singleElement().asString()
                .contains("xinyang-2025 art. 3(二)");
        assertThatThrownBy(() -> Eligibility.xinyang(all.subList(0, 4), true, fullYear()))
                .isInstanceOf(Rejection.class).hasMessageContaining("五项尚未审核");
        all.set(0, new Finding(EligibilityCondition.AGREEMENT_AND_PERFORMANCE, true, " ", "r"));
        assertThatThrownBy(() -> Eligibility.xinyang(all, true, fullYear())).isInstanceOf(Rejection.class)
                .extracting(e -> ((Rejection) e).field()).isEqualTo("findings.AGREEMENT_AND_PERFORMANCE");
    }

    @Test
    @DisplayName("xinyang-2025 art. 3(一): 正常结算满一个自然年度 is checked against the settlement months, not declared")
    void fullNaturalYearOfSettlements() {
        List<Finding> all = new ArrayList<>();
        for (var condition : EligibilityCondition.values()) {
            all.add(new Finding(condition, true, "材料 " + condition.name(), "reviewer-1"));
        }
        var threeMonths = new SettledYear(2024, new java.util.TreeSet<>(List.of(1, 2, 3)));
        assertThat(threeMonths.full()).isFalse();
        assertThat(threeMonths.evidence()).isEqualTo("2024 年有结算记录的月份：1、2、3 月（3 个月），未满一个自然年度");
        var refused = Eligibility.xinyang(all, true, threeMonths);
        assertThat(refused.eligible()).isFalse();
        assertThat(refused.refusals()).singleElement().asString().contains("xinyang-2025 art. 3(一)", "未满一个自然年度",
                "1、2、3 月");
        var elevenMonths = new SettledYear(2024, new java.util.TreeSet<>(List.of(1, 2, 3, 4, 5, 6, 7, 8,
                9, 10, 12)));
        assertThat(Eligibility.xinyang(all, true, elevenMonths).eligible()).isFalse();
        assertThat(fullYear().evidence()).contains("1–12 月均有结算记录");
        assertThat(new SettledYear(2024, new java.util.TreeSet<>()).evidence()).contains("无");
    }

    @Test
    @DisplayName("xinyang-2025 annex: six items and four commitments required")
    void form() {
        var ok = new ApplicationForm("a", "b", "c", "d", "e", "无", true, true, true, true);
        ok.validate();
        var noCommitment = new ApplicationForm("a", "b", "c", "d", "e", "无", true, true, false, true);
        assertThatThrownBy(noCommitment::validate).isInstanceOf(Rejection.class)
                .extracting(e -> ((Rejection) e).field()).isEqualTo("cooperateWithReturn");
        var blank = new ApplicationForm("a", "", "c", "d", "e", "无", true, true, true, true);
        assertThatThrownBy(blank::validate).extracting(e -> ((Rejection) e).field())
                .isEqualTo("agreementPerformance");
    }
}

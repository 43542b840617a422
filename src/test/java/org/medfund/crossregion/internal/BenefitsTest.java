package org.medfund.crossregion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.crossregion.BenefitRule.GradeTerms;
import org.medfund.crossregion.CatalogueClass;
import org.medfund.crossregion.FeeCategory;
import org.medfund.crossregion.FeeLine;

/**
 * guizhou-2017 四(二): the treatment region's catalogue decides what is covered, the insured region's deductible, ratio
 * and annual cap what the fund pays. The parameters are an insured region's data (here 三级 900.00 at 85 %, 一级
 * 300.00 at 95 %, cap 150,000.00); amounts stay exact until the fund's pay is rounded once, half-up.
 */
class BenefitsTest {

    private static final GradeTerms GRADE_3 = new GradeTerms(3, Money.ofYuan("900.00"), new BigDecimal("0.85"));
    private static final GradeTerms GRADE_1 = new GradeTerms(1, Money.ofYuan("300.00"), new BigDecimal("0.95"));
    private static final Money CAP = Money.ofYuan("150000.00");

    private static FeeLine line(FeeCategory category, CatalogueClass cls, String yuan, String share) {
        return new FeeLine(category, cls, Money.ofYuan(yuan), new BigDecimal(share));
    }

    /** 甲 2,000.00 + 乙 1,000.05 at 10 % 先行自付 + 丙 300.00. */
    private static final List<FeeLine> BILL = List.of(
            line(FeeCategory.BED, CatalogueClass.A, "2000.00", "0"),
            line(FeeCategory.WESTERN_MEDICINE, CatalogueClass.B, "1000.05", "0.1"),
            line(FeeCategory.MATERIALS, CatalogueClass.C, "300.00", "0"));

    private static Benefits.Outcome calc(List<FeeLine> lines, GradeTerms terms, Money used, Money balance) {
        return Benefits.calculate(new Benefits.Inputs(lines, terms.grade(), terms, CAP, used, balance,
                "guizhou-2017 v1, guizhou-2017 四(二)，就医地", "guizhou-2017 v1, guizhou-2017 四(二)，参保地"));
    }

    @Test
    @DisplayName("guizhou-2017 四(二): 乙类 share, deductible and ratio; the fund's pay is rounded once at the end")
    void fullBill() {
        Benefits.Outcome out = calc(BILL, GRADE_3, Money.ZERO, Money.ofYuan("500.00"));
        // in scope = 3,300.05 − 300.00 − 100.005 = 2,900.045; (2,900.045 − 900) × 85 % = 1,700.03825 → 1,700.04.
        // Rounding the 乙类 share first (100.01) would give 1,700.03: the exact value is carried to the end.
        assertThat(out.payments().total()).isEqualTo(Money.ofFen(330_005));
        assertThat(out.payments().fundPay()).isEqualTo(Money.ofFen(170_004));
        assertThat(out.payments().accountPay()).isEqualTo(Money.ofFen(50_000));
        assertThat(out.payments().cashPay()).isEqualTo(Money.ofFen(110_001));
        assertThat(out.lines().get(1).selfPaidFirst()).isEqualTo("100.005");
        assertThat(out.lines().get(1).inScope()).isEqualTo("900.045");
        assertThat(out.lines().get(2).notCovered()).isEqualTo(Money.ofFen(30_000));
        assertThat(out.derivations()).allSatisfy(d -> assertThat(d.citation()).contains("guizhou-2017", "四(二)"));
        Derivation fund = out.derivations().stream().filter(d -> d.formula().startsWith("统筹基金支付")).findFirst()
                .orElseThrow();
        assertThat(fund.result()).isEqualTo(Money.ofFen(170_004));
        assertThat(fund.explain()).contains("1700.03825", "85%");
    }

    @Test
    @DisplayName("guizhou-2017 四(二): ratio and deductible follow the hospital grade")
    void gradeOne() {
        Benefits.Outcome out = calc(BILL, GRADE_1, Money.ZERO, Money.ZERO);
        // (2,900.045 − 300) × 95 % = 2,470.04275 → 2,470.04; no account: cash = 3,300.05 − 2,470.04.
        assertThat(out.payments().fundPay()).isEqualTo(Money.ofFen(247_004));
        assertThat(out.payments().accountPay()).isEqualTo(Money.ZERO);
        assertThat(out.payments().cashPay()).isEqualTo(Money.ofFen(83_001));
    }

    @Test
    @DisplayName("guizhou-2017 四(二): a bill below the deductible is paid by the person")
    void belowDeductible() {
        Benefits.Outcome out = calc(List.of(line(FeeCategory.NURSING, CatalogueClass.A, "899.99", "0")), GRADE_3,
                Money.ZERO, Money.ZERO);
        assertThat(out.payments().fundPay()).isEqualTo(Money.ZERO);
        assertThat(out.payments().cashPay()).isEqualTo(Money.ofFen(89_999));
        Benefits.Outcome oneFenAbove = calc(List.of(line(FeeCategory.NURSING, CatalogueClass.A, "900.02", "0")),
                GRADE_3, Money.ZERO, Money.ZERO);
        assertThat(oneFenAbove.payments().fundPay()).isEqualTo(Money.ofFen(2)); // 0.02 × 85 % = 0.017 → 0.02
    }

    @Test
    @DisplayName("guizhou-2017 四(二): the annual cap is reached in the middle of the bill")
    void capMidBill() {
        Benefits.Outcome out = calc(BILL, GRADE_3, Money.ofYuan("149000.00"), Money.ZERO);
        assertThat(out.payments().fundPay()).isEqualTo(Money.ofYuan("1000.00"));
        assertThat(out.capRemaining()).isEqualTo(Money.ofYuan("1000.00"));
        assertThat(out.payments().cashPay()).isEqualTo(Money.ofFen(230_005));
    }

    @Test
    @DisplayName("guizhou-2017 四(二): one fen short of the cap pays one fen")
    void oneFenShort() {
        Benefits.Outcome out = calc(BILL, GRADE_3, CAP.minus(Money.ofFen(1)), Money.ZERO);
        assertThat(out.payments().fundPay()).isEqualTo(Money.ofFen(1));
        assertThat(out.payments().cashPay()).isEqualTo(Money.ofFen(330_004));
    }

    @Test
    @DisplayName("guizhou-2017 四(二): a zero bill pays nothing from anyone")
    void zeroBill() {
        Benefits.Outcome out = calc(List.of(line(FeeCategory.BED, CatalogueClass.A, "0.00", "0")), GRADE_3,
                Money.ZERO, Money.ofYuan("100.00"));
        assertThat(out.payments().total()).isEqualTo(Money.ZERO);
        assertThat(out.payments().fundPay()).isEqualTo(Money.ZERO);
        assertThat(out.payments().accountPay()).isEqualTo(Money.ZERO);
        assertThat(out.payments().cashPay()).isEqualTo(Money.ZERO);
    }

    @Test
    @DisplayName("guizhou-2017 四(二): 丙类 is outside the catalogue and never paid from the personal account")
    void classCNotFromAccount() {
        Benefits.Outcome out = calc(List.of(line(FeeCategory.MATERIALS, CatalogueClass.C, "1200.00", "0")), GRADE_3,
                Money.ZERO, Money.ofYuan("5000.00"));
        assertThat(out.payments().fundPay()).isEqualTo(Money.ZERO);
        assertThat(out.payments().accountPay()).isEqualTo(Money.ZERO);
        assertThat(out.payments().cashPay()).isEqualTo(Money.ofYuan("1200.00"));
    }
}

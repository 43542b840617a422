package org.medfund.crossregion;

import java.math.BigDecimal;
import java.util.List;
import org.medfund.common.Money;

/**
 * The insured region's inpatient benefit for one fund and year (guizhou-2017 四(二): 起付标准、支付比例和最高支付限额执行参保地
 * 政策): deductible and reimbursement ratio per hospital grade, and the annual cap on the pooled fund's pay.
 *
 * @param insuranceType national code, 310 employee or 390 resident
 * @param grades one entry each for hospital grades 1, 2 and 3
 */
public record BenefitRule(String insuredRegionCode, String insuranceType, int year, List<GradeTerms> grades,
                          Money annualCap) {

    public BenefitRule {
        grades = List.copyOf(grades);
    }

    /** Deductible (起付标准) per admission and the fund's share above it (支付比例, 0–1) at one hospital grade. */
    public record GradeTerms(int grade, Money deductible, BigDecimal ratio) {
    }

    public GradeTerms terms(int grade) {
        return grades.stream().filter(g -> g.grade() == grade).findFirst()
                .orElseThrow(() -> new IllegalStateException("benefit rule without grade " + grade));
    }
}

package org.medfund.prepayment.internal;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfund.common.Rejection;
import org.medfund.prepayment.EligibilityCondition;
import org.medfund.prepayment.Finding;
import org.medfund.prepayment.SettledYear;

/**
 * Who may receive a prepayment. Henan (henan-2023 二(一)): designated hospitals of grade ≥ 二级 with a service agreement
 * recording prepayment terms (二(二) last paragraph). Xinyang (xinyang-2025 art. 3): all five conditions, each recorded
 * with its evidence and the reviewer's decision; (五) is computed from the register and the "正常结算满一个自然年度"
 * part of (一) from the settlement data, not declared.
 */
final class Eligibility {

    private Eligibility() {
    }

    record Outcome(boolean eligible, List<String> refusals) {

        public Outcome {
            refusals = List.copyOf(refusals);
        }
    }

    /**
     * @param findings one per condition (五 included: its evidence is what the reviewer saw; the register decides)
     * @param lastYearCleared computed from the register: no prepayment of an earlier year is still outstanding
     * @param settled computed from the settlement data: (一) also needs a full natural year of settlements
     */
    static Outcome xinyang(List<Finding> findings, boolean lastYearCleared, SettledYear settled) {
        Map<EligibilityCondition, Finding> byCondition = new EnumMap<>(EligibilityCondition.class);
        for (Finding finding : findings) {
            if (finding.evidence() == null || finding.evidence().isBlank()) {
                throw new Rejection("prepayment.evidence-missing", "findings." + finding.condition().name(),
                        "第三条" + finding.condition().item() + "项须记录审核依据");
            }
            if (byCondition.put(finding.condition(), finding) != null) {
                throw new Rejection("prepayment.finding-duplicate", "findings." + finding.condition().name(),
                        "第三条" + finding.condition().item() + "项重复审核");
            }
        }
        List<String> refusals = new ArrayList<>();
        for (EligibilityCondition condition : EligibilityCondition.values()) {
            Finding finding = byCondition.get(condition);
            if (finding == null) {
                throw new Rejection("prepayment.finding-missing", "findings." + condition.name(),
                        "第三条" + condition.item() + "项尚未审核");
            }
            boolean met = condition == EligibilityCondition.LAST_YEAR_RETURNED ? lastYearCleared : finding.met();
            if (!met) {
                refusals.add("不符合" + condition.article() + "：" + condition.text());
            } else if (condition == EligibilityCondition.AGREEMENT_AND_PERFORMANCE && !settled.full()) {
                refusals.add("不符合" + condition.article() + "：正常结算未满一个自然年度（结算数据：" + settled.evidence()
                        + "）");
            }
        }
        return new Outcome(refusals.isEmpty(), refusals);
    }

    /**
     * Henan scope: grade at least {@code gradeMin}, designated, and — where the pack requires it — a service agreement
     * with prepayment terms.
     *
     * @param grade null when the hospital is not graded
     * @param agreementRule the citation of {@code prepayment.agreement-required}; empty when the pack does not require
     *     one
     */
    static Outcome henan(Integer grade, boolean designated, boolean hasAgreement, int gradeMin,
                                String citation, Optional<String> agreementRule) {
        List<String> refusals = new ArrayList<>();
        if (!designated) {
            refusals.add("非定点医疗机构（" + citation + "）");
        }
        if (grade == null || grade < gradeMin) {
            refusals.add("医疗机构等级" + (grade == null ? "未评定" : "为" + grade + "级") + "，预拨范围为"
                    + gradeMin + "级及以上（" + citation + "）");
        }
        if (!hasAgreement && agreementRule.isPresent()) {
            refusals.add("服务协议未明确预拨条款，不得预拨（" + agreementRule.get() + "）");
        }
        return new Outcome(refusals.isEmpty(), refusals);
    }
}

package org.medfund.prepayment;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import org.medfund.common.Rejection;

/**
 * Who may receive a prepayment. Henan (henan-2023 二(一)): designated hospitals of grade ≥ 二级 with a service agreement
 * recording prepayment terms (二(二) last paragraph). Xinyang (xinyang-2025 art. 3): all five conditions, each recorded
 * with its evidence and the reviewer's decision; (五) is computed from the register and the "正常结算满一个自然年度"
 * part of (一) from the settlement data, not declared.
 */
public final class Eligibility {

    private Eligibility() {
    }

    /** The five conditions of xinyang-2025 art. 3. */
    public enum Condition {
        AGREEMENT_AND_PERFORMANCE("一", "履行服务协议，正常结算满一个自然年度以上，上一协议年度无协议处理，绩效考核合格以上"),
        SOUND_FINANCES("二", "财务管理制度健全，经营状况正常，具有偿还能力，无财产保全、未履行债务、被执行情形"),
        COOPERATES_KEY_TASKS("三", "配合落实医保重点工作，连续12个月内无因落实不到位被约谈或通报"),
        COOPERATES_SUPERVISION("四", "配合基金监管检查，连续12个月内无被医保部门处罚，无因欺诈骗保被移送司法机关"),
        LAST_YEAR_RETURNED("五", "上一年度应交回的各类预付金已按要求交回");

        private final String item;
        private final String text;

        Condition(String item, String text) {
            this.item = item;
            this.text = text;
        }

        public String article() {
            return "xinyang-2025 art. 3(" + item + ")";
        }

        public String text() {
            return text;
        }
    }

    /** The reviewer's finding on one condition, with the evidence seen. */
    public record Finding(Condition condition, boolean met, String evidence, String reviewerUserId) {
    }

    public record Outcome(boolean eligible, List<String> refusals) {

        public Outcome {
            refusals = List.copyOf(refusals);
        }
    }

    /**
     * The months of a natural year in which the hospital had settlements with the agency: art. 3(一) "基本医疗保险正常
     * 结算满一个自然年度以上" is met when all twelve months of the year before the prepayment year have some.
     *
     * @param months month numbers 1–12 with at least one stored settlement (any fund the pack prepays)
     */
    public record SettledYear(int year, SortedSet<Integer> months) {

        public SettledYear {
            months = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(months));
        }

        public boolean full() {
            return months.size() == FundStatuses.MONTHS_PER_YEAR;
        }

        /** The evidence shown to the reviewer, e.g. "2024 年有结算记录的月份：1–3 月（3 个月），未满一个自然年度". */
        public String evidence() {
            if (full()) {
                return year + " 年 1–12 月均有结算记录，正常结算满一个自然年度";
            }
            return year + " 年有结算记录的月份：" + (months.isEmpty() ? "无" : months.stream().map(String::valueOf)
                    .collect(java.util.stream.Collectors.joining("、")) + " 月") + "（" + months.size()
                    + " 个月），未满一个自然年度";
        }
    }

    /**
     * @param findings one per condition (五 included: its evidence is what the reviewer saw; the register decides)
     * @param lastYearCleared computed from the register: no prepayment of an earlier year is still outstanding
     * @param settled computed from the settlement data: (一) also needs a full natural year of settlements
     */
    public static Outcome xinyang(List<Finding> findings, boolean lastYearCleared, SettledYear settled) {
        Map<Condition, Finding> byCondition = new EnumMap<>(Condition.class);
        for (Finding finding : findings) {
            if (finding.evidence() == null || finding.evidence().isBlank()) {
                throw new Rejection("prepayment.evidence-missing", "findings." + finding.condition().name(),
                        "第三条" + finding.condition().item + "项须记录审核依据");
            }
            if (byCondition.put(finding.condition(), finding) != null) {
                throw new Rejection("prepayment.finding-duplicate", "findings." + finding.condition().name(),
                        "第三条" + finding.condition().item + "项重复审核");
            }
        }
        List<String> refusals = new ArrayList<>();
        for (Condition condition : Condition.values()) {
            Finding finding = byCondition.get(condition);
            if (finding == null) {
                throw new Rejection("prepayment.finding-missing", "findings." + condition.name(),
                        "第三条" + condition.item + "项尚未审核");
            }
            boolean met = condition == Condition.LAST_YEAR_RETURNED ? lastYearCleared : finding.met();
            if (!met) {
                refusals.add("不符合" + condition.article() + "：" + condition.text());
            } else if (condition == Condition.AGREEMENT_AND_PERFORMANCE && !settled.full()) {
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
    public static Outcome henan(Integer grade, boolean designated, boolean hasAgreement, int gradeMin,
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

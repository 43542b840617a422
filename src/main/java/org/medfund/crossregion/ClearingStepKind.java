package org.medfund.crossregion;

/**
 * The steps of Henan's monthly cross-region clearing (henan-2023 三(二)(三)) and the annual clearing (三(四)), in
 * order. Each names the pack rule that gives its due date, so the timeline is data: a regime without the rule has no
 * such step.
 */
public enum ClearingStepKind {
    CONFIRM_DATA("crossregion.confirm-by", "各统筹区经办机构确认异地就医清算数据", "henan-2023 三(二)"),
    VERIFY_USE("crossregion.verify-by", "各统筹区核对确认预留及上解资金使用情况，下载收付款通知书并报同级财政", "henan-2023 三(二)"),
    USAGE_PLAN("crossregion.usage-plan-by", "省医保中心向省财政厅提交异地就医资金用款计划", "henan-2023 三(三)"),
    FINANCE_PAY("crossregion.finance-pay-by", "省财政厅按计划拨付至省医保中心支出户", "henan-2023 三(三)"),
    PROVINCE_PAY("crossregion.province-pay-by", "省医保中心拨付至各统筹区经办机构支出户并反馈拨付情况", "henan-2023 三(三)"),
    HOSPITAL_PAY("crossregion.hospital-pay-by", "各统筹区经办机构拨付至定点医药机构", "henan-2023 三(三)"),
    ANNUAL_CLEARING("crossregion.annual-clear-by", "完成上年度账务核对和异地就医预留资金清算", "henan-2023 三(四)");

    private final String rule;
    private final String label;
    private final String article;

    ClearingStepKind(String rule, String label, String article) {
        this.rule = rule;
        this.label = label;
        this.article = article;
    }

    /** The pack rule with the step's deadline. */
    public String rule() {
        return rule;
    }

    public String label() {
        return label;
    }

    public String article() {
        return article;
    }

    /** The annual step falls due in March only (三(四) 每年3月底前). */
    public boolean annual() {
        return this == ANNUAL_CLEARING;
    }
}

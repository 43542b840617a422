package org.medfund.prepayment;

/** The xinyang-2025 art. 6 steps of a prepayment in order, persisted by name in {@code prepayment_step.step}. */
public enum WorkflowStep {
    APPLIED("医疗机构提出申请", "xinyang-2025 art. 6(一)"),
    COUNTY_REVIEWED("县区经办机构商同级财政核定", "xinyang-2025 art. 6(二)"),
    CITY_AGGREGATED("市级经办机构审核汇总", "xinyang-2025 art. 6(二)"),
    BUREAU_REVIEWED("市级医保部门审核（复核）", "xinyang-2025 art. 6(三)"),
    FUNDED("市级财政 10 个工作日内拨入市级支出户", "xinyang-2025 art. 6(三)"),
    COUNTY_SHARED("市级拨付县区医保中心支出户", "xinyang-2025 art. 6(四)"),
    PAID("经办机构 3 个工作日内拨付医疗机构", "xinyang-2025 art. 6(四)");

    private final String label;
    private final String article;

    WorkflowStep(String label, String article) {
        this.label = label;
        this.article = article;
    }

    public String label() {
        return label;
    }

    public String article() {
        return article;
    }

    /** The steps that move money between agencies' expenditure accounts (art. 6(三)(四)). */
    public boolean transfersFunds() {
        return this == FUNDED || this == COUNTY_SHARED;
    }
}

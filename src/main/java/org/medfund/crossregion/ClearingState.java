package org.medfund.crossregion;

/**
 * The steps of a clearing (guizhou-2017 附件一 三): a month's clearing is confirmed from the national details,
 * submitted to province finance within the next month's first 5 working days and paid within 10 working days; a
 * quarter's in-province clearing is issued in the quarter's first 5 working days, confirmed and written down by the
 * city within 10, and written down by the province within the quarter's first month.
 */
public enum ClearingState {
    CONFIRMED("已确认清算数据"),
    SUBMITTED("已提交省级财政部门审核"),
    PAID("已完成资金划拨"),
    ISSUED("已发布"),
    CITY_CONFIRMED("市州已确认并冲销预付金"),
    POSTED("省级已冲销市州预付金");

    private final String label;

    ClearingState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.medfund.crossregion;

/**
 * The steps of one line of a month's national clearing (guizhou-2017 附件一 三(一); henan-2023 四(一) on the same
 * national schedule): the centre confirms the imported detail and submits it to province finance; province finance
 * completes the money (付款 to the other province, 收款 from it and on to the treatment city, in transit); the
 * treatment city's agency confirms the money arrived. A line of 0.00 moves nothing and is done at the payment.
 */
public enum NationalClearingState {
    SUBMITTED("已确认并提交省级财政部门"),
    IN_TRANSIT("已划拨就医地（在途）"),
    DONE("已完成资金划拨"),
    RECEIVED("就医地已确认到账");

    private final String label;

    NationalClearingState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.medfund.crossregion;

/** Which way a national clearing row goes for the province (guizhou-2017 附件一 三(一): 付款 / 收款). */
public enum NationalDirection {
    /** The province's insured treated in another province: the province pays (跨省异地就医费用付款). */
    OUTBOUND("本省参保人员赴外省就医"),
    /** Another province's insured treated here: the province receives (跨省异地就医费用收款). */
    INBOUND("外省参保人员在本省就医");

    private final String label;

    NationalDirection(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

package org.medfund.crossregion;

/**
 * A county's share of its city's quota on its way county finance → city finance (guizhou-2017 附件二 一(一)1-2,
 * 二(一)1-2): split by the city agency, remitted by county finance (in transit), received by city finance.
 */
public enum CountyShareState {
    SPLIT("待县级财政划拨"),
    REMITTED("已划拨（在途）"),
    RECEIVED("市州财政已到账");

    private final String label;

    CountyShareState(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}

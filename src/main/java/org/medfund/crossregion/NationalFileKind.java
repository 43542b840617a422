package org.medfund.crossregion;

/**
 * The national platform's documents a province downloads and imports (guizhou-2017 附件一 二(一)1, 三(一)); the
 * layouts are in docs/crossregion-national-files.md.
 */
public enum NationalFileKind {
    /** 全国跨省异地就医费用预付金明细表: per other province what this province pays and receives (stored, shown). */
    PREPAYMENT_SHEET("全国跨省异地就医费用预付金明细表"),
    /** 跨省预付金收款通知书 (the first time): the amounts to pay and receive, settled by province finance. */
    FIRST_NOTICE("跨省预付金收款通知书（首次）"),
    /** 跨省预付金额度调整通知书 (every later year): the changes to pay and receive, settled by province finance. */
    ADJUSTMENT_NOTICE("跨省预付金额度调整通知书"),
    /** 全国异地就医费用清算明细: a month's settlements, kept with totals per city for the monthly clearing. */
    CLEARING_DETAIL("全国异地就医费用清算明细");

    private final String label;

    NationalFileKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** A notice moves money when province finance settles it; the sheet and the clearing detail are records. */
    public boolean notice() {
        return this == FIRST_NOTICE || this == ADJUSTMENT_NOTICE;
    }
}

package org.medfund.settlement;

/**
 * What a payment batch pays, persisted by name in {@code stl_payment_batch.kind}: the monthly settlement of
 * reconciled months (henan-2023 三(一) 按月结算), or the fallback advance of the last cycle's actual settled amount when
 * the agency cannot pay on time (henan-2023 三(一) "按照上一结算周期实际结算金额进行预拨").
 */
public enum BatchKind {
    REGULAR("月度结算"),
    FALLBACK("预拨（按上一周期实际结算金额）");

    private final String label;

    BatchKind(String label) {
        this.label = label;
    }

    /** The Chinese word every surface prints (pages, exports, notices, CLI). */
    public String label() {
        return label;
    }
}

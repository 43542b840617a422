package org.medfund.prepayment.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Year;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.prepayment.AverageBasis;

/**
 * Sizes a prepayment from last year's monthly pooled-fund pay: factor × monthly average, rounded once to the fen,
 * half-up (henan-2023 二(二): factor 1.5; xinyang-2025 art. 4: factor 1). How months without settlements count is the
 * pack's {@link AverageBasis}.
 */
final class Sizing {

    private Sizing() {
    }

    /**
     * @param monthly pooled-fund pay per month of {@code year}; months without settlements absent
     * @param factor e.g. 1.5
     * @return the amount with its derivation; zero when the year has no settlement at all
     */
    static Derivation monthlyAverageTimes(SortedMap<YearMonth, Money> monthly, Year year, BigDecimal factor,
                                                 AverageBasis basis, String citation) {
        if (factor.signum() <= 0) {
            throw new IllegalStateException("prepayment factor must be positive: " + factor);
        }
        List<Derivation.Input> inputs = new ArrayList<>();
        Money total = Money.ZERO;
        for (var month : monthly.entrySet()) {
            if (!Year.of(month.getKey().getYear()).equals(year)) {
                throw new IllegalStateException("month " + month.getKey() + " is outside " + year);
            }
            total = total.plus(month.getValue());
            inputs.add(Derivation.Input.money(month.getKey() + " 统筹基金支付", month.getValue()));
        }
        int months = basis == AverageBasis.CALENDAR_YEAR ? 12 : monthly.size();
        inputs.add(Derivation.Input.money(year + " 年合计", total));
        inputs.add(new Derivation.Input("计算月数", months + (basis == AverageBasis.CALENDAR_YEAR
                ? "（按 12 个月，无结算月份计 0）" : "（有结算数据的月份）")));
        inputs.add(new Derivation.Input("倍数", factor.toPlainString()));
        inputs.add(new Derivation.Input("舍入", "四舍五入到分，仅一次"));
        Money result = months == 0 ? Money.ZERO : Money.ofFen(BigDecimal.valueOf(total.fen()).multiply(factor)
                .divide(BigDecimal.valueOf(months), 0, RoundingMode.HALF_UP).longValueExact());
        String formula = (factor.compareTo(BigDecimal.ONE) == 0 ? "" : factor.toPlainString() + " × ")
                + year + " 年统筹基金月均结算额（合计 ÷ 月数）";
        return new Derivation(formula, inputs, citation, result);
    }

    /**
     * Art. 5 emergency adjustment (xinyang-2025): the city bureau and finance replace the art. 4 amount by a decided one.
     */
    static Derivation adjusted(Derivation base, Money adjustedAmount, String decisionNo, String reason,
                                      String citation) {
        if (adjustedAmount.isNegative()) {
            throw new IllegalStateException("adjusted amount must not be negative");
        }
        List<Derivation.Input> inputs = new ArrayList<>(base.inputs());
        inputs.add(Derivation.Input.money("第四条核定额度", base.result()));
        inputs.add(new Derivation.Input("市级会商决定", decisionNo + "：" + reason));
        return new Derivation("市级医保与财政部门会商调整后的预付金规模", inputs, citation, adjustedAmount);
    }
}

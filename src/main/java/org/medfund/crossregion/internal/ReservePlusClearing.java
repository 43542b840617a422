package org.medfund.crossregion.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.crossregion.CrossRegionFunding.PotCost;
import org.medfund.crossregion.CrossRegionFunding.Sourced;

/**
 * The amounts of henan-2023's "预留+清算" funding as pure functions, each returning its derivation. Rounding is
 * half-up to the fen, once per amount (DESIGN.md §4).
 */
final class ReservePlusClearing {

    /** The only reserve formula the engine knows; the pack states it so a later pack can change it visibly. */
    static final String RESERVE_FORMULA = "last-year-cost*(1+growth)";
    /** The reserve's split across regions and pots (decisions.md): each one's share of last year's cost. */
    static final String SPLIT_BY_COST_SHARE = "last-year-cost-share";
    static final int MONTHS_PER_YEAR = 12;

    private ReservePlusClearing() {
    }

    /**
     * henan-2023 一(二): this year's resident cross-region money = last year's resident cross-region cost × (1 + growth
     * rate), both inputs named with their sources.
     */
    static Derivation reserve(int year, List<PotCost> costs, Sourced sources, String citation) {
        Money cost = total(costs);
        Money amount = cost.times(BigDecimal.ONE.add(sources.growthRate()), RoundingMode.HALF_UP);
        List<Derivation.Input> inputs = new ArrayList<>();
        inputs.add(Derivation.Input.money((year - 1) + " 年城乡居民医保异地就医费用（来源：" + sources.costSource() + "）",
                cost));
        inputs.add(new Derivation.Input("异地就医费用增长率（来源：" + sources.growthSource() + "）",
                sources.growthRate().stripTrailingZeros().toPlainString()));
        return new Derivation("上年度城乡居民医保异地就医费用 × (1 + 异地就医费用增长率)", inputs, citation, amount);
    }

    /**
     * The reserve split over the (region, pot) lines in proportion to each line's cost of last year, to the fen by
     * largest remainder, so the shares add up to the reserve exactly.
     */
    static List<Money> split(Money reserve, List<PotCost> costs) {
        List<Long> weights = costs.stream().map(c -> c.lastYearCost().fen()).toList();
        return reserve.allocate(weights);
    }

    static Money total(List<PotCost> costs) {
        Money sum = Money.ZERO;
        for (PotCost c : costs) {
            sum = sum.plus(c.lastYearCost());
        }
        return sum;
    }

    /** One region's employee line: the projected monthly average, the amount for the months, the prepayment quota. */
    record EmployeeLine(Money monthlyAverage, Money amount, Money quota, Derivation derivation) {
    }

    /**
     * henan-2023 一(三): projected monthly average = last year's employee cross-region cost × (1 + growth) ÷ 12,
     * rounded once; the notice asks for {@code months} of it (3); the employee prepayment quota is {@code quotaMonths}
     * (3) months of last year's cost, i.e. last year's cost × months ÷ 12, rounded once.
     */
    static EmployeeLine employee(Money lastYearCost, Sourced sources, int months, int quotaMonths, String citation) {
        BigDecimal grown = BigDecimal.valueOf(lastYearCost.fen()).multiply(BigDecimal.ONE.add(sources.growthRate()));
        Money monthly = Money.ofFen(grown.divide(BigDecimal.valueOf(MONTHS_PER_YEAR), 0, RoundingMode.HALF_UP)
                .longValueExact());
        Money amount = Money.ofFen(Math.multiplyExact(monthly.fen(), (long) months));
        Money quota = Money.ofFen(BigDecimal.valueOf(lastYearCost.fen()).multiply(BigDecimal.valueOf(quotaMonths))
                .divide(BigDecimal.valueOf(MONTHS_PER_YEAR), 0, RoundingMode.HALF_UP).longValueExact());
        List<Derivation.Input> inputs = List.of(
                Derivation.Input.money("上年度城镇职工医保异地就医费用（来源：" + sources.costSource() + "）", lastYearCost),
                new Derivation.Input("异地就医费用增长率（来源：" + sources.growthSource() + "）",
                        sources.growthRate().stripTrailingZeros().toPlainString()),
                Derivation.Input.money("测算月均费用 = 上年费用 × (1 + 增长率) ÷ 12", monthly),
                new Derivation.Input("上解月数", String.valueOf(months)),
                Derivation.Input.money("职工医保预付金额度 = 上年费用 × " + quotaMonths + " ÷ 12", quota));
        return new EmployeeLine(monthly, amount, quota, new Derivation(
                "上年度城镇职工医保异地就医费用 × (1 + 增长率) ÷ 12 × " + months + " 个月", inputs, citation, amount));
    }

    /**
     * henan-2023 三(四) on a notice line: the amount to remit = the months projected (一(三)) + last year's carry
     * (a shortfall added, a surplus offset, never below zero — the rest is forwarded and named among the inputs).
     * No carry: the projection itself.
     */
    static Derivation withCarry(Derivation projected, CarryBook.Taken carry) {
        if (carry.amount().isZero() && carry.inputs().isEmpty()) {
            return projected;
        }
        List<Derivation.Input> inputs = new ArrayList<>(projected.inputs());
        inputs.add(Derivation.Input.money("本季度预计费用（" + projected.formula() + "）", projected.result()));
        inputs.addAll(carry.inputs());
        return new Derivation("本季度预计费用 + 上年度清算结转（结余抵扣为负，不足补足为正）", inputs,
                projected.citation(), projected.result().plus(carry.amount()));
    }

    /** Calendar days past the due date on the day asked (0 when not late). */
    static long daysLate(LocalDate dueDate, LocalDate doneOrAsOf) {
        return Math.max(0, ChronoUnit.DAYS.between(dueDate, doneOrAsOf));
    }
}

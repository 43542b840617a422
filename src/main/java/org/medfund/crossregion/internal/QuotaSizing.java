package org.medfund.crossregion.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.crossregion.UsageWarning;

/**
 * The quota rules as pure functions returning their derivation (guizhou-2017 三(三), 五(二)); the reading of 三(三) is
 * in docs/decisions.md. Every amount is computed exactly and rounded once, half-up to the fen.
 */
final class QuotaSizing {

    static final int MONTHS_PER_YEAR = 12;
    static final int QUARTERS_PER_YEAR = 4;
    /** Usage rates are shown to four decimals, cut (not rounded) so a rate shown as 0.7000 has reached 70 %. */
    static final int RATE_SCALE = 4;

    private QuotaSizing() {
    }

    /** A sized quota: the prepayment level of the quarter and the amount to remit, with the derivation. */
    record Sized(Money level, Money amount, Derivation derivation) {
    }

    /** 首期预付金额度为可支付四个月资金: the past years' yearly fund pay ÷ 12 × the months. */
    static Sized first(Money pastYearsFundPay, int months, String citation) {
        Money amount = Money.ofFen(BigDecimal.valueOf(pastYearsFundPay.fen()).multiply(BigDecimal.valueOf(months))
                .divide(BigDecimal.valueOf(MONTHS_PER_YEAR), 0, RoundingMode.HALF_UP).longValueExact());
        Derivation derivation = new Derivation("往年年均异地就医医保基金支付金额 ÷ 12 × 首期可支付月数", List.of(
                Derivation.Input.money("往年年均异地就医医保基金支付金额", pastYearsFundPay),
                new Derivation.Input("首期可支付月数", String.valueOf(months))), citation, amount);
        return new Sized(amount, amount, derivation);
    }

    /**
     * The quarterly re-size: the level is {@code lastQuarterShare} × last quarter's clearing + {@code pastYearsShare}
     * × (past years' yearly fund pay ÷ 4); the city remits the level less the balance still held (prepaid − cleared
     * so far), never less than zero: a larger balance carries the quarter by itself.
     */
    static Sized resize(Money lastQuarterCleared, Money carriedBalance, Money pastYearsFundPay,
                        BigDecimal lastQuarterShare, BigDecimal pastYearsShare, String citation) {
        if (lastQuarterShare.add(pastYearsShare).compareTo(BigDecimal.ONE) != 0) {
            throw new IllegalStateException("re-size shares must add up to 1: " + lastQuarterShare + " + "
                    + pastYearsShare);
        }
        BigDecimal exact = lastQuarterShare.multiply(BigDecimal.valueOf(lastQuarterCleared.fen()))
                .add(pastYearsShare.multiply(BigDecimal.valueOf(pastYearsFundPay.fen()))
                        .divide(BigDecimal.valueOf(QUARTERS_PER_YEAR)));
        Money target = Money.ofFen(exact.setScale(0, RoundingMode.HALF_UP).longValueExact());
        Money amount = target.minus(carriedBalance).max(Money.ZERO);
        Derivation derivation = new Derivation("max(0, 上季度清算权重 × 上季度清算金额 + 往年权重 × 往年年均基金支付 ÷ 4"
                + " − (累计预付金 − 累计清算金额))", List.of(
                Derivation.Input.money("上季度清算金额", lastQuarterCleared),
                new Derivation.Input("上季度清算权重", lastQuarterShare.toPlainString()),
                Derivation.Input.money("往年年均异地就医医保基金支付金额", pastYearsFundPay),
                new Derivation.Input("往年权重", pastYearsShare.toPlainString()),
                Derivation.Input.money("本季度预付金额度", target),
                Derivation.Input.money("预付金结余（累计预付金 − 累计清算金额）", carriedBalance)), citation, amount);
        return new Sized(carriedBalance.max(Money.ZERO).plus(amount), amount, derivation);
    }

    /** 预付金使用率 = 清算资金 ÷ 预付金, compared exactly: ≥ yellow is yellow, ≥ red is red (五(二)). */
    static UsageWarning warning(Money prepaid, Money cleared, BigDecimal yellow, BigDecimal red) {
        if (!prepaid.isPositive()) {
            return cleared.isPositive() ? UsageWarning.RED : UsageWarning.NONE;
        }
        BigDecimal clearedFen = BigDecimal.valueOf(cleared.fen());
        if (clearedFen.compareTo(red.multiply(BigDecimal.valueOf(prepaid.fen()))) >= 0) {
            return UsageWarning.RED;
        }
        if (clearedFen.compareTo(yellow.multiply(BigDecimal.valueOf(prepaid.fen()))) >= 0) {
            return UsageWarning.YELLOW;
        }
        return UsageWarning.NONE;
    }

    /** The rate to four decimals, cut; zero prepayment has no rate. */
    static BigDecimal rate(Money prepaid, Money cleared) {
        if (!prepaid.isPositive()) {
            return null;
        }
        return BigDecimal.valueOf(cleared.fen()).divide(BigDecimal.valueOf(prepaid.fen()), RATE_SCALE,
                RoundingMode.DOWN);
    }

    /** 紧急调增: the top-up that brings the usage back down to the yellow share: cleared ÷ yellow − prepaid. */
    static Sized topUp(Money prepaid, Money cleared, BigDecimal yellow, String citation) {
        Money needed = Money.ofFen(BigDecimal.valueOf(cleared.fen()).divide(yellow, 0, RoundingMode.HALF_UP)
                .longValueExact());
        Money amount = needed.minus(prepaid).max(Money.ZERO);
        Derivation derivation = new Derivation("清算资金 ÷ 黄色预警使用率 − 预付金（调增后使用率回到黄色预警线）", List.of(
                Derivation.Input.money("清算资金", cleared), Derivation.Input.money("预付金", prepaid),
                new Derivation.Input("黄色预警使用率", yellow.toPlainString())), citation, amount);
        return new Sized(amount, amount, derivation);
    }
}

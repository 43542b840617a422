package org.medfund.crossregion.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import org.medfund.common.Derivation;
import org.medfund.common.Derivation.Input;
import org.medfund.common.Money;
import org.medfund.crossregion.BenefitRule.GradeTerms;
import org.medfund.crossregion.CatalogueClass;
import org.medfund.crossregion.FeeLine;
import org.medfund.crossregion.Settlement.LineSplit;
import org.medfund.crossregion.Settlement.Payments;

/**
 * The discharge-desk benefit calculation of guizhou-2017 四(二) as a pure function: coverage by the treatment region's
 * catalogue (甲类 in full, 乙类 after its 先行自付 share, 丙类 not at all), then the insured region's deductible, ratio
 * at the hospital's grade and the annual cap against the person's pay so far this year. Amounts stay exact (fractions
 * of a fen from the 乙类 share included) until the fund's pay, which is rounded once, half-up, to the fen; everything
 * else follows from it by subtraction, so the three payments always add up to the bill.
 */
final class Benefits {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Benefits() {
    }

    /**
     * @param catalogueCitation e.g. "guizhou-2017 v1, guizhou-2017 四(二), 就医地 …"
     * @param benefitCitation e.g. "guizhou-2017 v1, guizhou-2017 四(二), 参保地 …"
     * @param usedBefore the pooled fund's pay for the person this year before this bill
     * @param accountBalance the personal-account balance available (zero when the person does not use it)
     */
    record Inputs(List<FeeLine> lines, int grade, GradeTerms terms, Money annualCap, Money usedBefore,
                  Money accountBalance, String catalogueCitation, String benefitCitation) {
    }

    record Outcome(Payments payments, List<LineSplit> lines, List<Derivation> derivations, Money capRemaining) {
    }

    static Outcome calculate(Inputs in) {
        long totalFen = 0;
        long notCoveredFen = 0;
        BigDecimal selfPaidFirst = BigDecimal.ZERO;
        List<LineSplit> splits = new ArrayList<>();
        List<Input> totalInputs = new ArrayList<>();
        List<Input> classCInputs = new ArrayList<>();
        List<Input> classBInputs = new ArrayList<>();
        int lineNo = 0;
        for (FeeLine line : in.lines()) {
            lineNo++;
            long amountFen = line.amount().fen();
            totalFen = Math.addExact(totalFen, amountFen);
            String name = "第 " + lineNo + " 行 " + line.category().code() + " " + line.category().label() + " "
                    + line.catalogueClass().label();
            totalInputs.add(Input.money(name, line.amount()));
            BigDecimal first = BigDecimal.ZERO;
            long notCovered = 0;
            if (line.catalogueClass() == CatalogueClass.B) {
                first = BigDecimal.valueOf(amountFen).multiply(line.selfPayShare());
                selfPaidFirst = selfPaidFirst.add(first);
                classBInputs.add(new Input(name, line.amount().toYuanText() + " × " + percent(line.selfPayShare())
                        + " = " + yuan(first)));
            } else if (line.catalogueClass() == CatalogueClass.C) {
                notCovered = amountFen;
                notCoveredFen = Math.addExact(notCoveredFen, amountFen);
                classCInputs.add(Input.money(name, line.amount()));
            }
            BigDecimal inScope = BigDecimal.valueOf(amountFen - notCovered).subtract(first);
            splits.add(new LineSplit(lineNo, line.category(), line.catalogueClass(), line.amount(),
                    line.selfPayShare().stripTrailingZeros().toPlainString(), Money.ofFen(notCovered), yuan(first),
                    yuan(inScope)));
        }
        Money total = Money.ofFen(totalFen);
        Money notCovered = Money.ofFen(notCoveredFen);
        BigDecimal inScope = BigDecimal.valueOf(totalFen - notCoveredFen).subtract(selfPaidFirst);
        BigDecimal deductible = inScope.min(BigDecimal.valueOf(in.terms().deductible().fen()));
        Money capRemaining = in.annualCap().minus(in.usedBefore()).max(Money.ZERO);
        BigDecimal fundExact = inScope.subtract(deductible).multiply(in.terms().ratio());
        BigDecimal fundCapped = fundExact.min(BigDecimal.valueOf(capRemaining.fen()));
        // The one rounding of the calculation (DESIGN.md §4): half-up to the fen.
        Money fund = Money.ofFen(fundCapped.setScale(0, RoundingMode.HALF_UP).longValueExact());
        Money personal = total.minus(fund);
        // 丙类 is never paid from the personal account: it is outside the basic insurance's scope.
        Money accountable = personal.minus(notCovered).max(Money.ZERO);
        Money account = accountable.min(in.accountBalance());
        Money cash = personal.minus(account);

        List<Derivation> derivations = new ArrayList<>();
        derivations.add(new Derivation("医疗费用总额 = Σ 各大类费用（全国统一大类费用清单）", totalInputs,
                in.catalogueCitation(), total));
        derivations.add(new Derivation("丙类（全自费）费用 = Σ 丙类费用（就医地目录外）", classCInputs,
                in.catalogueCitation(), notCovered));
        derivations.add(new Derivation("乙类先行自付 = Σ 乙类费用 × 就医地先行自付比例（精确值，不单独舍入）",
                with(classBInputs, new Input("精确值", yuan(selfPaidFirst) + " 元")), in.catalogueCitation(),
                rounded(selfPaidFirst)));
        derivations.add(new Derivation("政策范围内费用 = 医疗费用总额 − 丙类费用 − 乙类先行自付",
                List.of(Input.money("医疗费用总额", total), Input.money("丙类费用", notCovered),
                        new Input("乙类先行自付", yuan(selfPaidFirst)), new Input("精确值", yuan(inScope) + " 元")),
                in.catalogueCitation(), rounded(inScope)));
        derivations.add(new Derivation("起付标准 = min(政策范围内费用, 参保地" + in.grade() + "级医院起付线)",
                List.of(new Input("政策范围内费用", yuan(inScope)),
                        Input.money(in.grade() + "级医院起付线", in.terms().deductible())),
                in.benefitCitation(), rounded(deductible)));
        derivations.add(new Derivation(
                "统筹基金支付 = min((政策范围内费用 − 起付标准) × 支付比例, 年度最高支付限额 − 本年已支付)，四舍五入到分",
                List.of(new Input("政策范围内费用 − 起付标准", yuan(inScope.subtract(deductible))),
                        new Input("支付比例（" + in.grade() + "级医院）", percent(in.terms().ratio())),
                        new Input("按比例应付（精确值）", yuan(fundExact)),
                        Input.money("年度最高支付限额", in.annualCap()), Input.money("本年已支付", in.usedBefore()),
                        Input.money("限额剩余", capRemaining)),
                in.benefitCitation(), fund));
        derivations.add(new Derivation("个人账户支付 = min(个人账户可用余额, 个人负担 − 丙类费用)",
                List.of(Input.money("个人负担 = 总额 − 统筹基金支付", personal), Input.money("丙类费用", notCovered),
                        Input.money("个人账户可用余额", in.accountBalance())),
                in.benefitCitation(), account));
        derivations.add(new Derivation("现金支付 = 医疗费用总额 − 统筹基金支付 − 个人账户支付",
                List.of(Input.money("医疗费用总额", total), Input.money("统筹基金支付", fund),
                        Input.money("个人账户支付", account)),
                in.benefitCitation(), cash));
        return new Outcome(new Payments(total, fund, account, cash), splits, derivations, capRemaining);
    }

    private static List<Input> with(List<Input> inputs, Input extra) {
        List<Input> all = new ArrayList<>(inputs);
        all.add(extra);
        return all;
    }

    /** For display only: the amount to the fen (the calculation itself keeps the exact value). */
    private static Money rounded(BigDecimal fen) {
        return Money.ofFen(fen.setScale(0, RoundingMode.HALF_UP).longValueExact());
    }

    /** Exact fen as yuan text with at least two decimals, e.g. 12.345 → "0.12345". */
    static String yuan(BigDecimal fen) {
        BigDecimal yuan = fen.movePointLeft(2).stripTrailingZeros();
        return (yuan.scale() < 2 ? yuan.setScale(2, RoundingMode.UNNECESSARY) : yuan).toPlainString();
    }

    static String percent(BigDecimal share) {
        return share.multiply(HUNDRED).stripTrailingZeros().toPlainString() + "%";
    }
}

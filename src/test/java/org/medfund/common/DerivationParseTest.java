package org.medfund.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Issue 13: an amount that keeps its derivation as one line of text (a payment batch line) is shown as formula, inputs
 * and citation; {@link Derivation#parse} reads back exactly what {@link Derivation#explain} wrote, including a formula
 * that itself holds " = ", thousands separators and the segments a batch appends after the inputs.
 */
class DerivationParseTest {

    @Test
    @DisplayName("parse(explain(d)) gives d back: formula with '=', amounts over a thousand, citation in brackets")
    void roundTrip() {
        Derivation d = new Derivation("应付 = max(0, 统筹基金 + 其他基金 − 已预拨)",
                List.of(Derivation.Input.money("统筹基金支出", Money.ofYuan("1234567.89")),
                        new Derivation.Input("对账月份", "2026-08、2026-09")),
                "henan-2023 v1, henan-2023 三(一)（预拨后清算）", Money.ofYuan("1234567.89"));
        assertThat(Derivation.parse(d.explain())).contains(d);
    }

    @Test
    @DisplayName("segments appended after the inputs read as inputs; text of another form is not a derivation")
    void appendedAndForeign() {
        String text = new Derivation("应付 = 统筹基金", List.of(), "henan-2023 三(一)", Money.ofYuan("-5.00")).explain()
                + "；冲抵（预付金等）= 1.00；实付 = 应付 − 冲抵 = 0.00";
        Derivation d = Derivation.parse(text).orElseThrow();
        assertThat(d.result()).isEqualTo(Money.ofYuan("-5.00"));
        assertThat(d.inputs()).containsExactly(new Derivation.Input("冲抵（预付金等）", "1.00"),
                new Derivation.Input("实付", "应付 − 冲抵 = 0.00"));
        assertThat(Derivation.parse("上一周期实际结算金额")).isEmpty();
        assertThat(Derivation.parse(null)).isEmpty();
    }
}

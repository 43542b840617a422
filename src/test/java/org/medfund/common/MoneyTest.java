package org.medfund.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Money is exact fen arithmetic; rounding happens only where a caller names the mode. */
class MoneyTest {

    @Test
    @DisplayName("yuan text parses with separators and formats with two decimals")
    void parsesAndFormats() {
        assertThat(Money.ofYuan("1,234.56").fen()).isEqualTo(123456);
        assertThat(Money.ofYuan("1234.5").fen()).isEqualTo(123450);
        assertThat(Money.ofFen(123456789).toYuanText()).isEqualTo("1,234,567.89");
        assertThat(Money.ofFen(-1).toYuanText()).isEqualTo("-0.01");
        assertThatThrownBy(() -> Money.ofYuan("1.234")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Money.ofYuan("1.235", RoundingMode.HALF_UP).fen()).isEqualTo(124);
    }

    @Test
    @DisplayName("henan-2023 二(二): 1.5 × an odd monthly average rounds half-up once")
    void timesRoundsOnce() {
        assertThat(Money.ofFen(333).times(new BigDecimal("1.5"), RoundingMode.HALF_UP).fen()).isEqualTo(500);
        assertThat(Money.ofFen(-333).times(new BigDecimal("1.5"), RoundingMode.HALF_UP).fen()).isEqualTo(-500);
    }

    @Test
    @DisplayName("overflow is an error, not a wrap-around")
    void overflow() {
        assertThatThrownBy(() -> Money.ofFen(Long.MAX_VALUE).plus(Money.ofFen(1)))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    @DisplayName("amounts in Chinese capitals as on payment notices")
    void chineseCapital() {
        assertThat(Money.ofYuan("1234.56").toChineseCapital()).isEqualTo("壹仟贰佰叁拾肆元伍角陆分");
        assertThat(Money.ofYuan("100").toChineseCapital()).isEqualTo("壹佰元整");
        assertThat(Money.ofYuan("0").toChineseCapital()).isEqualTo("零元整");
        assertThat(Money.ofYuan("1001.05").toChineseCapital()).isEqualTo("壹仟零壹元零伍分");
        assertThat(Money.ofYuan("100000.10").toChineseCapital()).isEqualTo("壹拾万元壹角整");
        assertThat(Money.ofYuan("10050000").toChineseCapital()).isEqualTo("壹仟零伍万元整");
    }

    @Property
    void splitSumsToWholeAndDiffersByAtMostOneFen(@ForAll @LongRange(min = -1_000_000_000_000L,
            max = 1_000_000_000_000L) long fen, @ForAll @IntRange(min = 1, max = 50) int parts) {
        List<Money> split = Money.ofFen(fen).split(parts);
        assertThat(split.stream().mapToLong(Money::fen).sum()).isEqualTo(fen);
        long min = split.stream().mapToLong(Money::fen).min().orElseThrow();
        long max = split.stream().mapToLong(Money::fen).max().orElseThrow();
        assertThat(max - min).isLessThanOrEqualTo(1);
    }

    @Property
    void yuanTextRoundTrips(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long fen) {
        Money money = Money.ofFen(fen);
        assertThat(Money.ofYuan(money.toYuanText())).isEqualTo(money);
        assertThat(Money.ofYuan(money.toPlainYuan())).isEqualTo(money);
    }
}

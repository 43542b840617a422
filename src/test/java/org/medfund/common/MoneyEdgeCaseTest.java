package org.medfund.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.ForAll;
import net.jqwik.api.Label;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Edge cases of {@link Money}: the capital-numeral amount (大写金额) as 《支付结算办法》 writes it — zeros inside
 * and between 万/亿 groups read as one 零, "整" after 元 or 角 but not after 分 — and allocation by weights.
 */
class MoneyEdgeCaseTest {

    private static String capital(String yuan) {
        return Money.ofYuan(yuan).toChineseCapital();
    }

    @Test
    @DisplayName("大写: zeros inside and between the 万 and 亿 groups")
    void zerosBetweenGroups() {
        assertThat(capital("10,050,000.00")).isEqualTo("壹仟零伍万元整");
        assertThat(capital("1,000,000.01")).isEqualTo("壹佰万元零壹分");
        assertThat(capital("100,000,000.00")).isEqualTo("壹亿元整");
        assertThat(capital("100,000,001")).isEqualTo("壹亿零壹元整");
        assertThat(capital("100,500,000")).isEqualTo("壹亿零伍拾万元整");
        assertThat(capital("110,000,000")).isEqualTo("壹亿壹仟万元整");
        assertThat(capital("100,001,000")).isEqualTo("壹亿零壹仟元整");
        assertThat(capital("10,001")).isEqualTo("壹万零壹元整");
        assertThat(capital("100,010")).isEqualTo("壹拾万零壹拾元整");
        assertThat(capital("1,010")).isEqualTo("壹仟零壹拾元整");
        assertThat(capital("15")).isEqualTo("壹拾伍元整");
        assertThat(capital("200,000")).isEqualTo("贰拾万元整");
    }

    @Test
    @DisplayName("大写: above 万亿 the 亿 is shared — 1,234,500,000,000 is 壹万贰仟叁佰肆拾伍亿")
    void tenThousandYi() {
        assertThat(capital("1,000,000,000,000")).isEqualTo("壹万亿元整");
        assertThat(capital("1,234,500,000,000")).isEqualTo("壹万贰仟叁佰肆拾伍亿元整");
        assertThat(capital("1,000,000,000,001")).isEqualTo("壹万亿零壹元整");
        assertThat(capital("1,000,100,000,000")).isEqualTo("壹万零壹亿元整");
        // The largest amount (92,233,720,368,547,758.07 yuan): every group renders, 亿亿 read as 亿 twice.
        assertThat(Money.ofFen(Long.MAX_VALUE).toChineseCapital())
                .isEqualTo("玖亿贰仟贰佰叁拾叁万柒仟贰佰零叁亿陆仟捌佰伍拾肆万柒仟柒佰伍拾捌元零柒分");
    }

    @Test
    @DisplayName("大写: jiao and fen — 整 after 元 or 角, never after 分")
    void jiaoAndFen() {
        assertThat(capital("0.05")).isEqualTo("伍分");
        assertThat(capital("0.50")).isEqualTo("伍角整");
        assertThat(capital("0.55")).isEqualTo("伍角伍分");
        assertThat(capital("10.50")).isEqualTo("壹拾元伍角整");
        assertThat(capital("10.05")).isEqualTo("壹拾元零伍分");
    }

    @Test
    @DisplayName("大写: negative amounts carry 负")
    void negative() {
        assertThat(capital("-1,234.56")).isEqualTo("负壹仟贰佰叁拾肆元伍角陆分");
        assertThat(capital("-0.05")).isEqualTo("负伍分");
        assertThat(capital("-100,000,000")).isEqualTo("负壹亿元整");
    }

    @Test
    @DisplayName("yuan text is the same whatever the JVM's default locale")
    void formatIgnoresLocale() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Money.ofFen(123456789).toYuanText()).isEqualTo("1,234,567.89");
            Locale.setDefault(Locale.forLanguageTag("fr-FR"));
            assertThat(Money.ofFen(-123456).toYuanText()).isEqualTo("-1,234.56");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    @DisplayName("yuan text written by hand equals Java's own %,.2f formatting, at every digit-group boundary")
    void formatMatchesStringFormat() {
        java.util.List<Long> samples = new java.util.ArrayList<>(java.util.List.of(0L, 1L, 9L, 10L, 99L, 100L, 101L,
                99_999L, 100_000L, 123_456_789L, 100_000_000L, Long.MAX_VALUE));
        for (long p = 10; p > 0 && p < Long.MAX_VALUE / 10; p *= 10) {
            samples.addAll(java.util.List.of(p - 1, p, p + 1));
        }
        for (long fen : samples) {
            for (long signed : new long[] {fen, -fen}) {
                assertThat(Money.ofFen(signed).toYuanText()).as("%d fen", signed)
                        .isEqualTo(String.format(Locale.ROOT, "%,.2f", java.math.BigDecimal.valueOf(signed, 2)));
            }
        }
    }

    @Test
    @DisplayName("the whole long range is usable and negatable; Long.MIN_VALUE fen is an overflow")
    void range() {
        assertThat(Money.ofFen(-Long.MAX_VALUE).negate().fen()).isEqualTo(Long.MAX_VALUE);
        assertThatThrownBy(() -> Money.ofFen(Long.MIN_VALUE)).isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofFen(-Long.MAX_VALUE).minus(Money.ofFen(1)))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofFen(Long.MAX_VALUE).times(new BigDecimal("1.5"), RoundingMode.HALF_UP))
                .isInstanceOf(ArithmeticException.class);
        assertThatThrownBy(() -> Money.ofYuan("99999999999999999999")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("allocation: largest remainder, ties to the earlier part, zero weights get nothing")
    void allocateExamples() {
        assertThat(Money.ofFen(100).allocate(List.of(1L, 1L, 1L))).extracting(Money::fen)
                .containsExactly(34L, 33L, 33L);
        assertThat(Money.ofFen(-100).allocate(List.of(1L, 1L, 1L))).extracting(Money::fen)
                .containsExactly(-34L, -33L, -33L);
        assertThat(Money.ofFen(5).allocate(List.of(0L, 3L, 7L))).extracting(Money::fen).containsExactly(0L, 2L, 3L);
        assertThat(Money.ofFen(Long.MAX_VALUE).allocate(List.of(Long.MAX_VALUE, Long.MAX_VALUE)))
                .extracting(Money::fen).containsExactly(Long.MAX_VALUE / 2 + 1, Long.MAX_VALUE / 2);
        assertThatThrownBy(() -> Money.ofFen(1).allocate(List.of(0L, 0L))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.ofFen(1).allocate(List.of(1L, -1L)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("allocation over many parts stays fast (largest remainder by sorting, not by repeated scans)")
    void allocateManyParts() {
        List<Long> weights = new ArrayList<>();
        for (int i = 0; i < 200_000; i++) {
            weights.add((long) (i % 97) + 1);
        }
        List<Money> parts = Money.ofFen(987_654_321_987L).allocate(weights);
        assertThat(parts.stream().mapToLong(Money::fen).sum()).isEqualTo(987_654_321_987L);
    }

    @Property
    @Label("allocation by weights: parts sum to the whole, each within one fen of its exact share")
    void allocateByWeights(@ForAll @LongRange(min = -1_000_000_000_000L, max = 1_000_000_000_000L) long fen,
                           @ForAll @Size(min = 1, max = 30) List<@LongRange(min = 0, max = 1_000_000_000L) Long>
                                   weights) {
        if (weights.stream().allMatch(w -> w == 0)) {
            return;
        }
        List<Money> parts = Money.ofFen(fen).allocate(weights);
        assertThat(parts).hasSize(weights.size());
        assertThat(parts.stream().mapToLong(Money::fen).sum()).isEqualTo(fen);
        BigInteger total = weights.stream().map(BigInteger::valueOf).reduce(BigInteger.ZERO, BigInteger::add);
        for (int i = 0; i < parts.size(); i++) {
            // |part × total − fen × weight| < total: the part is within one fen of the exact share.
            BigInteger exact = BigInteger.valueOf(fen).multiply(BigInteger.valueOf(weights.get(i)));
            BigInteger error = BigInteger.valueOf(parts.get(i).fen()).multiply(total).subtract(exact).abs();
            assertThat(error).isLessThan(total);
            if (weights.get(i) == 0) {
                assertThat(parts.get(i).isZero()).isTrue();
            }
            assertThat(parts.get(i).fen() == 0 || Long.signum(parts.get(i).fen()) == Long.signum(fen)).isTrue();
        }
    }

    @Property
    @Label("大写 never throws and marks sign and 整 consistently over the long range")
    void capitalTotal(@ForAll @LongRange(min = -Long.MAX_VALUE, max = Long.MAX_VALUE) long fen) {
        String text = Money.ofFen(fen).toChineseCapital();
        assertThat(text.startsWith("负")).isEqualTo(fen < 0);
        assertThat(text.endsWith("整")).isEqualTo(fen % 10 == 0);
        if (fen == 0) {
            assertThat(text).isEqualTo("零元整");
            return;
        }
        assertThat(text).doesNotContain("零零").doesNotContain("亿万").doesNotContain("零元").doesNotContain("零亿")
                .doesNotContain("零万");
    }
}

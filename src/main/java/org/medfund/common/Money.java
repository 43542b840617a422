package org.medfund.common;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * An amount of renminbi held as a whole number of fen (分). Never a binary floating point number.
 *
 * <p>Arithmetic is exact; overflow is an error ({@link ArithmeticException}). The only roundings are
 * {@link #times(BigDecimal, RoundingMode)} and {@link #ofYuan(String, RoundingMode)}, where the caller names the
 * rounding mode: a policy rounds once, at the end of its calculation (DESIGN.md §4).
 */
public final class Money implements Comparable<Money> {

    public static final Money ZERO = new Money(0);

    private static final Pattern YUAN_TEXT = Pattern.compile("-?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?");

    private final long fen;

    private Money(long fen) {
        this.fen = fen;
    }

    /**
     * An amount in fen. {@link Long#MIN_VALUE} is refused as an overflow so every amount can be negated and its
     * absolute value taken without wrapping around.
     */
    public static Money ofFen(long fen) {
        if (fen == Long.MIN_VALUE) {
            throw new ArithmeticException("amount out of range: " + fen + " fen");
        }
        return fen == 0 ? ZERO : new Money(fen);
    }

    /** Parses yuan text such as "1,234.56" or "1234.5"; more than two decimals is rejected. */
    public static Money ofYuan(String text) {
        return ofYuan(text, RoundingMode.UNNECESSARY);
    }

    /** Parses yuan text, rounding extra decimals with the given mode (UNNECESSARY rejects them). */
    public static Money ofYuan(String text, RoundingMode rounding) {
        if (text == null || !YUAN_TEXT.matcher(text.strip()).matches()) {
            throw new IllegalArgumentException("not a yuan amount: " + text);
        }
        BigDecimal yuan = new BigDecimal(text.strip().replace(",", ""));
        try {
            return ofFen(yuan.movePointRight(2).setScale(0, rounding).longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("yuan amount has more than two decimals or is too large: " + text, e);
        }
    }

    public long fen() {
        return fen;
    }

    public boolean isZero() {
        return fen == 0;
    }

    public boolean isNegative() {
        return fen < 0;
    }

    public boolean isPositive() {
        return fen > 0;
    }

    public Money plus(Money other) {
        return ofFen(Math.addExact(fen, other.fen));
    }

    public Money minus(Money other) {
        return ofFen(Math.subtractExact(fen, other.fen));
    }

    public Money negate() {
        return ofFen(Math.negateExact(fen));
    }

    public Money abs() {
        return fen < 0 ? negate() : this;
    }

    public Money max(Money other) {
        return fen >= other.fen ? this : other;
    }

    public Money min(Money other) {
        return fen <= other.fen ? this : other;
    }

    /** Multiplies by an exact decimal factor (e.g. 1.5) and rounds once to the fen with the given mode. */
    public Money times(BigDecimal factor, RoundingMode rounding) {
        return ofFen(BigDecimal.valueOf(fen).multiply(factor).setScale(0, rounding).longValueExact());
    }

    /** Divides by a whole number and rounds once to the fen with the given mode (e.g. a monthly average). */
    public Money dividedBy(long divisor, RoundingMode rounding) {
        if (divisor <= 0) {
            throw new IllegalArgumentException("divisor must be positive: " + divisor);
        }
        return ofFen(BigDecimal.valueOf(fen).divide(BigDecimal.valueOf(divisor), 0, rounding).longValueExact());
    }

    /** Splits into {@code parts} amounts that differ by at most one fen and sum exactly to this amount. */
    public List<Money> split(int parts) {
        if (parts <= 0) {
            throw new IllegalArgumentException("parts must be positive: " + parts);
        }
        List<Long> weights = new ArrayList<>(parts);
        for (int i = 0; i < parts; i++) {
            weights.add(1L);
        }
        return allocate(weights);
    }

    /**
     * Allocates this amount in proportion to non-negative weights so the parts sum exactly to the whole: each part
     * gets the floor of its share and the fen left over go one each to the largest remainders (ties: earlier part).
     */
    public List<Money> allocate(List<Long> weights) {
        if (weights.isEmpty()) {
            throw new IllegalArgumentException("weights must not be empty");
        }
        BigInteger total = BigInteger.ZERO;
        for (long weight : weights) {
            if (weight < 0) {
                throw new IllegalArgumentException("weights must not be negative: " + weight);
            }
            total = total.add(BigInteger.valueOf(weight));
        }
        if (total.signum() == 0) {
            throw new IllegalArgumentException("weights must not all be zero");
        }
        BigInteger whole = BigInteger.valueOf(Math.abs(fen));
        long[] parts = new long[weights.size()];
        BigInteger[] remainders = new BigInteger[weights.size()];
        long given = 0;
        for (int i = 0; i < parts.length; i++) {
            BigInteger[] qr = whole.multiply(BigInteger.valueOf(weights.get(i))).divideAndRemainder(total);
            parts[i] = qr[0].longValueExact();
            remainders[i] = qr[1];
            given += parts[i];
        }
        long left = Math.abs(fen) - given;
        // Fewer fen are left over than there are parts; hand them out by one sort instead of a scan per fen, so
        // allocating over many hospitals stays O(n log n). The stable sort keeps ties in part order.
        List<Integer> order = new ArrayList<>(parts.length);
        for (int i = 0; i < parts.length; i++) {
            order.add(i);
        }
        order.sort((a, b) -> remainders[b].compareTo(remainders[a]));
        for (int i = 0; i < left; i++) {
            parts[order.get(i)]++;
        }
        List<Money> result = new ArrayList<>(parts.length);
        for (long part : parts) {
            result.add(ofFen(fen < 0 ? -part : part));
        }
        return result;
    }

    /** Yuan with two decimals and thousands separators: "1,234.56", "-0.01". */
    public String toYuanText() {
        // By hand rather than String.format (and so free of the default locale): every discharge-desk answer prints
        // a dozen amounts in its derivation. Long.MIN_VALUE fen is refused by ofFen, so the absolute value is exact.
        long abs = Math.abs(fen);
        String yuan = Long.toString(abs / 100);
        StringBuilder text = new StringBuilder(yuan.length() + yuan.length() / 3 + 4);
        if (fen < 0) {
            text.append('-');
        }
        int first = yuan.length() % 3 == 0 ? 3 : yuan.length() % 3;
        text.append(yuan, 0, first);
        for (int i = first; i < yuan.length(); i += 3) {
            text.append(',').append(yuan, i, i + 3);
        }
        long cents = abs % 100;
        return text.append(cents < 10 ? ".0" : ".").append(cents).toString();
    }

    /** Yuan with two decimals, no separators: "1234.56" (for files and the API). */
    public String toPlainYuan() {
        return toYuan().toPlainString();
    }

    public BigDecimal toYuan() {
        return BigDecimal.valueOf(fen, 2);
    }

    /** The amount in Chinese capital numerals as printed on payment notices, e.g. "壹仟贰佰叁拾肆元伍角陆分". */
    public String toChineseCapital() {
        return ChineseCapital.of(fen);
    }

    @Override
    public int compareTo(Money other) {
        return Long.compare(fen, other.fen);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Money money && money.fen == fen;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(fen);
    }

    @Override
    public String toString() {
        return toYuanText();
    }
}

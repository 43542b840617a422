package org.medfund.common;

/** Renders fen as the capital-numeral amount (大写金额) that Chinese payment documents require. */
final class ChineseCapital {

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] SMALL_UNITS = {"", "拾", "佰", "仟"};
    private static final int[] POWERS = {1, 10, 100, 1000};
    private static final long WAN = 10_000L;
    private static final long YI = 100_000_000L;

    private ChineseCapital() {
    }

    static String of(long fen) {
        if (fen == 0) {
            return "零元整";
        }
        String sign = fen < 0 ? "负" : "";
        long abs = Math.abs(fen);
        long yuan = abs / 100;
        int jiao = (int) (abs / 10 % 10);
        int cents = (int) (abs % 10);
        StringBuilder text = new StringBuilder(sign);
        if (yuan > 0) {
            text.append(integerPart(yuan)).append('元');
        }
        if (jiao == 0 && cents == 0) {
            return text.append('整').toString();
        }
        if (jiao > 0) {
            text.append(DIGITS.charAt(jiao)).append('角');
        } else if (yuan > 0) {
            text.append('零');
        }
        if (cents > 0) {
            text.append(DIGITS.charAt(cents)).append('分');
        } else {
            text.append('整');
        }
        return text.toString();
    }

    /**
     * The yuan part. Above 亿 the part before 亿 is itself read with 万 (1,234,500,000,000 is 壹万贰仟叁佰肆拾伍亿,
     * not 壹万亿贰仟…亿), so the number is split at 亿 recursively; a gap of zeros before a lower group reads as one 零.
     */
    private static String integerPart(long value) {
        if (value < YI) {
            return belowYi(value);
        }
        long high = value / YI;
        long low = value % YI;
        String text = integerPart(high) + "亿";
        if (low == 0) {
            return text;
        }
        return text + (low < YI / 10 ? "零" : "") + belowYi(low);
    }

    /** 0 < value < 1 亿: the 万 group and the units group. */
    private static String belowYi(long value) {
        int high = (int) (value / WAN);
        int low = (int) (value % WAN);
        StringBuilder text = new StringBuilder();
        if (high > 0) {
            text.append(chunk(high)).append('万');
        }
        if (low > 0) {
            text.append(high > 0 && low < 1000 ? "零" : "").append(chunk(low));
        }
        return text.toString();
    }

    private static String chunk(int value) {
        StringBuilder text = new StringBuilder();
        boolean zero = false;
        for (int position = 3; position >= 0; position--) {
            int digit = value / POWERS[position] % 10;
            if (digit == 0) {
                zero = text.length() > 0;
            } else {
                if (zero) {
                    text.append('零');
                    zero = false;
                }
                text.append(DIGITS.charAt(digit)).append(SMALL_UNITS[position]);
            }
        }
        return text.toString();
    }
}

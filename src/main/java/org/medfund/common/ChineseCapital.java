package org.medfund.common;

/** Renders fen as the capital-numeral amount (大写金额) that Chinese payment documents require. */
final class ChineseCapital {

    private static final String DIGITS = "零壹贰叁肆伍陆柒捌玖";
    private static final String[] SMALL_UNITS = {"", "拾", "佰", "仟"};
    private static final int[] POWERS = {1, 10, 100, 1000};
    private static final String[] BIG_UNITS = {"", "万", "亿", "万亿"};

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

    /** Groups of four digits, each with its unit; a run of zeros inside the number reads as one 零. */
    private static String integerPart(long value) {
        StringBuilder text = new StringBuilder();
        boolean pendingZero = false;
        int group = 0;
        long rest = value;
        while (rest > 0) {
            int chunk = (int) (rest % 10_000);
            rest /= 10_000;
            if (chunk != 0) {
                String chunkText = chunk(chunk) + BIG_UNITS[group];
                if (pendingZero && text.length() > 0 && text.charAt(0) != '零') {
                    chunkText += "零";
                }
                text.insert(0, chunkText);
                pendingZero = chunk < 1000;
            } else if (text.length() > 0) {
                pendingZero = true;
            }
            group++;
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

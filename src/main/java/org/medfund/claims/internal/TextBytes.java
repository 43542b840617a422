package org.medfund.claims.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.Arrays;

import org.medfund.claims.SettlementFields;
/**
 * A growing byte buffer that settlement text is written into as UTF-8 without building strings first: the content
 * hash and the COPY rows are made for every row of files of millions of rows. Numbers and times are written digit
 * by digit, in the same form {@link SettlementFields#values} gives them.
 */
final class TextBytes {

    private byte[] bytes;
    private int length;

    TextBytes(int capacity) {
        bytes = new byte[capacity];
    }

    byte[] bytes() {
        return bytes;
    }

    int length() {
        return length;
    }

    void clear() {
        length = 0;
    }

    TextBytes text(String value) {
        int n = value.length();
        room(n);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) {
                // Not ASCII (ids are checked to be; this keeps the bytes right for any text anyway).
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                room(utf8.length);
                System.arraycopy(utf8, 0, bytes, length, utf8.length);
                length += utf8.length;
                return this;
            }
            bytes[length + i] = (byte) c;
        }
        length += n;
        return this;
    }

    TextBytes ascii(char c) {
        room(1);
        bytes[length++] = (byte) c;
        return this;
    }

    TextBytes zero() {
        room(1);
        bytes[length++] = 0;
        return this;
    }

    TextBytes number(long value) {
        if (value == Long.MIN_VALUE) {
            return text(Long.toString(value));
        }
        room(20);
        if (value < 0) {
            bytes[length++] = '-';
            value = -value;
        }
        int start = length;
        do {
            bytes[length++] = (byte) ('0' + value % 10);
            value /= 10;
        } while (value > 0);
        for (int i = start, j = length - 1; i < j; i++, j--) {
            byte t = bytes[i];
            bytes[i] = bytes[j];
            bytes[j] = t;
        }
        return this;
    }

    /** Fen as plain yuan with two decimals, e.g. -5 → "-0.05" (as {@link SettlementFields#yuanText}). */
    TextBytes yuan(long fen) {
        if (fen == Long.MIN_VALUE) {
            return text(SettlementFields.yuanText(fen));
        }
        if (fen < 0) {
            ascii('-');
            fen = -fen;
        }
        number(fen / 100).ascii('.');
        return ascii((char) ('0' + fen % 100 / 10)).ascii((char) ('0' + fen % 10));
    }

    /** {@code yyyy-MM-dd HH:mm:ss} (as {@link SettlementFields#timeText}). */
    TextBytes time(LocalDateTime t) {
        if (t.getYear() < 1000 || t.getYear() > 9999) {
            return text(SettlementFields.timeText(t));
        }
        number(t.getYear()).ascii('-');
        two(t.getMonthValue()).ascii('-');
        two(t.getDayOfMonth()).ascii(' ');
        two(t.getHour()).ascii(':');
        two(t.getMinute()).ascii(':');
        return two(t.getSecond());
    }

    /** A big-endian 16-bit integer (PostgreSQL's binary COPY format). */
    TextBytes int16(int value) {
        room(2);
        bytes[length++] = (byte) (value >>> 8);
        bytes[length++] = (byte) value;
        return this;
    }

    TextBytes int32(int value) {
        room(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            bytes[length++] = (byte) (value >>> shift);
        }
        return this;
    }

    TextBytes int64(long value) {
        room(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            bytes[length++] = (byte) (value >>> shift);
        }
        return this;
    }

    /** A binary COPY text field: its byte length, then its UTF-8 bytes; null is length -1. */
    TextBytes lengthPrefixed(String value) {
        if (value == null) {
            return int32(-1);
        }
        int at = length;
        int32(0);
        text(value);
        int n = length - at - 4;
        for (int i = 0, shift = 24; i < 4; i++, shift -= 8) {
            bytes[at + i] = (byte) (n >>> shift);
        }
        return this;
    }

    TextBytes raw(byte[] value) {
        room(value.length);
        System.arraycopy(value, 0, bytes, length, value.length);
        length += value.length;
        return this;
    }

    private TextBytes two(int value) {
        return ascii((char) ('0' + value / 10)).ascii((char) ('0' + value % 10));
    }

    private void room(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}

package org.medfund.claims.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.medfund.claims.FundPay;
import org.medfund.claims.PlaceOfSettlement;
import org.medfund.claims.SettlementFields;
import org.medfund.claims.SettlementRecord;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.common.Fingerprint;
import org.medfund.common.Money;

/**
 * The hand-written text and hash of intake's hot path give exactly what the formatters and {@link Fingerprint} give:
 * stored content hashes must keep matching re-sent records, or a re-send would turn into a conflict.
 */
class ContentHashTest {

    static SettlementRecord record(long medfeeFen, List<FundPay> detail, String reverses, LocalDateTime at) {
        return new SettlementRecord(new SettlementRecord.Visit("S-1_a", "M1", "P1", "H41040200001", "310", "21", at),
                new SettlementRecord.Clearing("21", "1", "410400", PlaceOfSettlement.LOCAL, "410400", "410402"),
                new SettlementRecord.Amounts(Money.ofFen(medfeeFen), Money.ofFen(5), Money.ofFen(-5), Money.ofFen(0),
                        Money.ofFen(100), Money.ofFen(-12_345), Money.ofFen(999_999_999_999L)),
                detail, reverses);
    }

    @Test
    @DisplayName("yuan and time text equal Money.toPlainYuan and the national time formatter")
    void textEqualsFormatters() {
        for (long fen : new long[] {0, 1, 5, 10, 99, 100, 101, 12_345, -1, -5, -99, -100, -12_345,
            999_999_999_999L, -999_999_999_999L, Long.MAX_VALUE, Long.MIN_VALUE + 1}) {
            assertThat(SettlementFields.yuanText(fen)).isEqualTo(Money.ofFen(fen).toPlainYuan());
            TextBytes bytes = new TextBytes(4);
            bytes.yuan(fen);
            assertThat(new String(bytes.bytes(), 0, bytes.length())).isEqualTo(Money.ofFen(fen).toPlainYuan());
        }
        for (LocalDateTime t : List.of(LocalDateTime.of(2001, 1, 1, 0, 0), LocalDateTime.of(2026, 12, 31, 23, 59, 59),
                LocalDateTime.of(2024, 2, 29, 9, 5, 7))) {
            assertThat(SettlementFields.timeText(t)).isEqualTo(SettlementFields.TIME.format(t));
            assertThat(SettlementFields.parseTime(SettlementFields.TIME.format(t))).isEqualTo(t);
        }
    }

    @Test
    @DisplayName("the content hash equals Fingerprint.of over the canonical field texts")
    void hashEqualsFingerprint() {
        ContentHash hash = new ContentHash();
        LocalDateTime at = LocalDateTime.of(2026, 10, 3, 10, 0, 1);
        for (SettlementRecord r : List.of(record(100_000, List.of(), null, at),
                record(-100_000, List.of(new FundPay("310100", Money.ofFen(65_000)),
                        new FundPay("330100", Money.ofFen(-5))), "S0", at),
                record(7, List.of(new FundPay("310100", Money.ofFen(7))), null, at.plusYears(-20)))) {
            String expected = Fingerprint.of(SettlementFields.text(r).values().toArray(String[]::new));
            assertThat(hash.of(r)).isEqualTo(expected);
            assertThat(hash.of(r)).as("the digest is reused between rows").isEqualTo(expected);
        }
    }

    @Test
    @DisplayName("format checks without regular expressions: ids, codes, regions, amounts")
    void formats() {
        assertThat(RowParser.isId("Ab-9_z")).isTrue();
        assertThat(RowParser.isId("a".repeat(30))).isTrue();
        assertThat(RowParser.isId("a".repeat(31))).isFalse();
        assertThat(RowParser.isId("")).isFalse();
        assertThat(RowParser.isId("a b")).isFalse();
        assertThat(RowParser.isId("甲")).isFalse();
        assertThat(RowParser.isDigits("410400", 6, 6)).isTrue();
        assertThat(RowParser.isDigits("41040", 6, 6)).isFalse();
        assertThat(RowParser.isDigits("٤١٠٤٠٠", 6, 6)).as("only ASCII digits").isFalse();
        assertThat(RowParser.amountFen("0")).isZero();
        assertThat(RowParser.amountFen("12.3")).isEqualTo(1_230);
        assertThat(RowParser.amountFen("12.34")).isEqualTo(1_234);
        assertThat(RowParser.amountFen("9999999999.99")).isEqualTo(999_999_999_999L);
        for (String bad : new String[] {"", ".5", "1.", "1.234", "-1.00", "+1", "1e3", "12345678901", "1,000.00",
            "1.2.3", " 1"}) {
            assertThat(RowParser.amountFen(bad)).as(bad).isEqualTo(-1);
        }
    }
}

package org.medfund.claims.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.medfund.claims.PlaceOfSettlement;
import org.medfund.claims.RowError;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.common.Money;

/** Row checks that need nothing but the row: formats, required fields, the amount identities, dates. */
class RowParserTest {

    static final LocalDateTime NOW = LocalDateTime.of(2026, 11, 25, 12, 0);

    static Map<String, String> row() {
        Map<String, String> r = new HashMap<>();
        r.put("setl_id", "S0001");
        r.put("mdtrt_id", "M0001");
        r.put("psn_no", "P0001");
        r.put("fixmedins_code", "H41040200001");
        r.put("insutype", "310");
        r.put("med_type", "21");
        r.put("clr_type", "21");
        r.put("clr_way", "1");
        r.put("clr_optins", "410400");
        r.put("pay_loc", "2");
        r.put("insuplc_admdvs", "410400");
        r.put("mdtrtarea_admvs", "410400");
        r.put("setl_time", "2026-10-08 09:30:00");
        // 1000.00 = 700.00 fund + 280.00 person + 20.00 hospital; 280.00 = 100.00 account + 180.00 cash
        r.put("medfee_sumamt", "1000.00");
        r.put("hifp_pay", "650.00");
        r.put("fund_pay_sumamt", "700.00");
        r.put("psn_part_amt", "280.00");
        r.put("acct_pay", "100.00");
        r.put("psn_cash_pay", "180.00");
        r.put("hosp_part_amt", "20.00");
        r.put("setldetail", "310100:650.00|330100:50.00");
        return r;
    }

    @Test
    @DisplayName("a consistent row parses to exact fen")
    void consistentRow() {
        RowParser.Parsed p = RowParser.parse(1, row(), NOW);
        assertThat(p.errors()).isEmpty();
        assertThat(p.record().medfeeSum()).isEqualTo(Money.ofFen(100_000));
        assertThat(p.record().pooledFundPay()).isEqualTo(Money.ofFen(65_000));
        assertThat(p.record().place()).isEqualTo(PlaceOfSettlement.LOCAL);
        assertThat(p.record().fundDetail()).hasSize(2);
    }

    @Test
    @DisplayName("medfee_sumamt = fund_pay_sumamt + psn_part_amt + hosp_part_amt, off by one fen is an error")
    void totalIdentity() {
        Map<String, String> r = row();
        r.put("medfee_sumamt", "1000.01");
        assertThat(RowParser.parse(1, r, NOW).errors()).extracting(RowError::field, RowError::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("medfee_sumamt", "claims.amounts-inconsistent"));
    }

    @Test
    @DisplayName("psn_part_amt = acct_pay + psn_cash_pay; hifp_pay ≤ fund_pay_sumamt; detail sums")
    void otherIdentities() {
        Map<String, String> r = row();
        r.put("psn_cash_pay", "179.99");
        assertThat(RowParser.parse(1, r, NOW).errors()).extracting(RowError::field).containsExactly("psn_part_amt");
        r = row();
        r.put("hifp_pay", "700.01");
        r.put("setldetail", "");
        assertThat(RowParser.parse(1, r, NOW).errors()).extracting(RowError::field).containsExactly("hifp_pay");
        r = row();
        r.put("hifp_pay", "700.00");
        r.put("setldetail", "");
        assertThat(RowParser.parse(1, r, NOW).errors()).isEmpty();
        r = row();
        r.put("setldetail", "310100:600.00|330100:100.00");
        assertThat(RowParser.parse(1, r, NOW).errors()).extracting(RowError::field).containsExactly("setldetail");
        r = row();
        r.put("setldetail", "310100:650.00|330100:50.01");
        assertThat(RowParser.parse(1, r, NOW).errors()).extracting(RowError::field).containsExactly("setldetail");
    }

    @Test
    @DisplayName("amounts: non-negative, at most two decimals, zero allowed")
    void amounts() {
        Map<String, String> r = row();
        r.put("hosp_part_amt", "-20.00");
        assertThat(RowParser.parse(1, r, NOW).errors()).extracting(RowError::code)
                .contains("claims.negative-amount");
        r = row();
        r.put("acct_pay", "100.001");
        assertThat(RowParser.parse(1, r, NOW).errors()).extracting(RowError::code).containsExactly("claims.bad-amount");
        r = row();
        r.put("medfee_sumamt", "980");
        r.put("hosp_part_amt", "0");
        assertThat(RowParser.parse(1, r, NOW).errors()).isEmpty();
    }

    @Test
    @DisplayName("every bad field of a row is reported, each with its name")
    void everyFieldReported() {
        Map<String, String> r = row();
        r.remove("psn_no");
        r.put("pay_loc", "1");
        r.put("insutype", "abc");
        r.put("insuplc_admdvs", "4104");
        r.put("setl_time", "2026-02-30 10:00:00");
        assertThat(RowParser.parse(7, r, NOW).errors()).extracting(RowError::row, RowError::field)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(7L, "psn_no"),
                        org.assertj.core.groups.Tuple.tuple(7L, "pay_loc"),
                        org.assertj.core.groups.Tuple.tuple(7L, "insutype"),
                        org.assertj.core.groups.Tuple.tuple(7L, "insuplc_admdvs"),
                        org.assertj.core.groups.Tuple.tuple(7L, "setl_time"));
    }

    @Test
    @DisplayName("setl_time: national format or ISO, leap day valid in 2024, future refused")
    void times() {
        Map<String, String> r = row();
        r.put("setl_time", "2024-02-29T23:59:59");
        assertThat(RowParser.parse(1, r, NOW).errors()).isEmpty();
        r.put("setl_time", "2026-11-25 12:00:01");
        assertThat(RowParser.parse(1, r, NOW).errors()).extracting(RowError::code).containsExactly("claims.future-time");
    }

    @Test
    @DisplayName("a reversal row needs only its own keys and refd_setl_id")
    void reversalRow() {
        Map<String, String> r = new HashMap<>();
        r.put("setl_id", "R0001");
        r.put("fixmedins_code", "H41040200001");
        r.put("setl_time", "2026-11-02 08:00:00");
        r.put("refd_setl_id", "S0001");
        RowParser.Parsed p = RowParser.parse(1, r, NOW);
        assertThat(p.errors()).isEmpty();
        assertThat(p.reversal().targetSetlId()).isEqualTo("S0001");
        r.put("refd_setl_id", "R0001");
        assertThat(RowParser.parse(1, r, NOW).errors()).extracting(RowError::code).containsExactly("claims.reversal-self");
    }
}

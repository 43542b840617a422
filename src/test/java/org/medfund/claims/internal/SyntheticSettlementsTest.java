package org.medfund.claims.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.medfund.claims.SyntheticSettlements;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Synthetic rows pass every row check and have the promised mix. */
class SyntheticSettlementsTest {

    @Test
    @DisplayName("10,000 synthetic rows: all valid, inpatient ≈ 15%, employee ≈ 60%, deterministic")
    void validAndMixed() {
        List<Map<String, String>> rows = new ArrayList<>();
        SyntheticSettlements.generate("H41040200001", "G-", "410400", "410402", "411500", YearMonth.of(2026, 9),
                10_000, 7, rows::add);
        long inpatient = rows.stream().filter(r -> r.get("clr_type").equals("21")).count();
        long employee = rows.stream().filter(r -> r.get("insutype").equals("310")).count();
        for (int i = 0; i < rows.size(); i++) {
            assertThat(RowParser.parse(i + 1, rows.get(i), LocalDateTime.of(2026, 11, 1, 0, 0)).errors()).isEmpty();
        }
        assertThat(inpatient).isBetween(1_300L, 1_700L);
        assertThat(employee).isBetween(5_700L, 6_300L);
        List<Map<String, String>> again = new ArrayList<>();
        SyntheticSettlements.generate("H41040200001", "G-", "410400", "410402", "411500", YearMonth.of(2026, 9),
                10_000, 7, again::add);
        assertThat(again).isEqualTo(rows);
    }
}

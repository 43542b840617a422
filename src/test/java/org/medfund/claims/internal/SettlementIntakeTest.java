package org.medfund.claims.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.medfund.claims.IntakeFixtures.BAOFENG_HOSPITAL;
import static org.medfund.claims.IntakeFixtures.PDS_HOSPITAL;
import static org.medfund.claims.IntakeFixtures.hospitalActor;
import static org.medfund.claims.IntakeFixtures.id;
import static org.medfund.claims.IntakeFixtures.row;

import org.medfund.claims.IntakeRejection;
import org.medfund.claims.IntakeResult;
import org.medfund.claims.RowError;
import org.medfund.claims.SettlementIntake;
import org.medfund.claims.SettlementRecords;
import org.medfund.claims.IntakeFixtures;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Money;
import org.medfund.registry.Actor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Intake against the registry's demo hospitals: whole-batch refusal, re-sent and conflicting setl_ids, scope,
 * reversals (冲正), and records for a month already under reconciliation going into the next month.
 */
@DatabaseTest
class SettlementIntakeTest {

    @Autowired
    SettlementIntake intake;
    @Autowired
    SettlementRecords records;
    @Autowired
    JdbcClient jdbc;

    long stored(String setlId) {
        return jdbc.sql("select count(*) from claims_settlement where setl_id = :id").param("id", setlId)
                .query(Long.class).single();
    }

    @Test
    @DisplayName("same setl_id with the same content is a no-op; with different content a conflict, nothing written")
    void duplicateAndConflict() {
        String a = id("D");
        String b = id("D");
        Actor actor = hospitalActor(PDS_HOSPITAL);
        IntakeResult first = intake.submit(actor, List.of(
                row(a, PDS_HOSPITAL, "310", "2026-10-03 10:00:00", "1000.00", "700.00", "700.00", "100.00")), "k1");
        assertThat(first.rowsWritten()).isEqualTo(1);
        IntakeResult again = intake.submit(actor, List.of(
                row(a, PDS_HOSPITAL, "310", "2026-10-03 10:00:00", "1000.00", "700.00", "700.00", "100.00"),
                row(b, PDS_HOSPITAL, "310", "2026-10-04 10:00:00", "10.00", "5.00", "5.00", "0.00")), "k2");
        assertThat(again.rowsUnchanged()).isEqualTo(1);
        assertThat(again.rowsWritten()).isEqualTo(1);
        String c = id("D");
        assertThatThrownBy(() -> intake.submit(actor, List.of(
                row(c, PDS_HOSPITAL, "310", "2026-10-04 10:00:00", "10.00", "5.00", "5.00", "0.00"),
                row(a, PDS_HOSPITAL, "310", "2026-10-03 10:00:00", "1000.00", "700.01", "700.01", "100.00")), "k3"))
                .isInstanceOfSatisfying(IntakeRejection.class, r -> {
                    assertThat(r.status()).isEqualTo(409);
                    assertThat(r.errors()).extracting(RowError::row, RowError::code)
                            .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "claims.setl-id-conflict"));
                });
        assertThat(stored(c)).isZero();
    }

    @Test
    @DisplayName("a hospital may only submit its own records; the county agency those of its county")
    void scope() {
        String s = id("S");
        assertThatThrownBy(() -> intake.submit(hospitalActor(PDS_HOSPITAL), List.of(
                row(s, BAOFENG_HOSPITAL, "390", "2026-10-03 10:00:00", "100.00", "60.00", "60.00", "0.00")), "k"))
                .isInstanceOfSatisfying(IntakeRejection.class, r -> assertThat(r.errors())
                        .extracting(RowError::field, RowError::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple("fixmedins_code", "claims.out-of-scope")));
        assertThat(stored(s)).isZero();
        IntakeResult byAgency = intake.submit(new Actor("clerk", "410421-AGENCY",
                Set.of(org.medfund.registry.Role.CLERK)), List.of(
                row(s, BAOFENG_HOSPITAL, "390", "2026-10-03 10:00:00", "100.00", "60.00", "60.00", "0.00")), "k");
        assertThat(byAgency.rowsWritten()).isEqualTo(1);
    }

    @Test
    @DisplayName("clr_optins must be the settling agency: a city-managed hospital is settled by the city (handan-2020 art. 11)")
    void settlingAgency() {
        Map<String, String> r = row(id("A"), PDS_HOSPITAL, "310", "2026-10-03 10:00:00", "10.00", "5.00", "5.00",
                "0.00");
        r.put("clr_optins", "410402");
        assertThatThrownBy(() -> intake.submit(hospitalActor(PDS_HOSPITAL), List.of(r), "k"))
                .isInstanceOfSatisfying(IntakeRejection.class, e -> assertThat(e.errors())
                        .extracting(RowError::field).containsExactly("clr_optins"));
    }

    @Test
    @DisplayName("reversal: negated copy, target marked; a second reversal of it is refused; amounts must match")
    void reversal() {
        String orig = id("O");
        String rev = id("R");
        Actor actor = hospitalActor(PDS_HOSPITAL);
        intake.submit(actor, List.of(
                row(orig, PDS_HOSPITAL, "310", "2026-09-30 23:00:00", "500.00", "400.00", "380.00", "50.00")), "k");
        Map<String, String> reversal = Map.of("setl_id", rev, "fixmedins_code", PDS_HOSPITAL,
                "setl_time", "2026-10-01 08:00:00", "refd_setl_id", orig, "fund_pay_sumamt", "400.00");
        assertThat(intake.submit(actor, List.of(reversal), "k").rowsWritten()).isEqualTo(1);
        assertThat(jdbc.sql("select fund_pay_sumamt from claims_settlement where setl_id = :id").param("id", rev)
                .query(Long.class).single()).isEqualTo(-40_000L);
        assertThat(intake.submit(actor, List.of(reversal), "k").rowsUnchanged()).isEqualTo(1);
        Map<String, String> second = Map.of("setl_id", id("R"), "fixmedins_code", PDS_HOSPITAL,
                "setl_time", "2026-10-02 08:00:00", "refd_setl_id", orig);
        assertThatThrownBy(() -> intake.submit(actor, List.of(second), "k"))
                .isInstanceOfSatisfying(IntakeRejection.class, e -> assertThat(e.errors())
                        .extracting(RowError::code).containsExactly("claims.already-reversed"));
        String orig2 = id("O");
        Map<String, String> wrongAmount = Map.of("setl_id", id("R"), "fixmedins_code", PDS_HOSPITAL,
                "setl_time", "2026-10-02 08:00:00", "refd_setl_id", orig2, "hifp_pay", "1.00");
        assertThatThrownBy(() -> intake.submit(actor, List.of(
                row(orig2, PDS_HOSPITAL, "310", "2026-09-30 23:00:00", "5.00", "2.00", "2.00", "0.00"),
                wrongAmount), "k"))
                .isInstanceOfSatisfying(IntakeRejection.class, e -> assertThat(e.errors())
                        .extracting(RowError::row, RowError::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(2L, "claims.reversal-mismatch")));
        assertThat(stored(orig2)).isZero();
        Map<String, String> missing = Map.of("setl_id", id("R"), "fixmedins_code", PDS_HOSPITAL,
                "setl_time", "2026-10-02 08:00:00", "refd_setl_id", "NOPE" + orig);
        assertThatThrownBy(() -> intake.submit(actor, List.of(missing), "k"))
                .isInstanceOfSatisfying(IntakeRejection.class, e -> assertThat(e.errors())
                        .extracting(RowError::code).containsExactly("claims.reversal-target-missing"));
    }

    @Test
    @DisplayName("henan-2023 三(一): a record for a month already applied for goes into the next month")
    void lateRecordGoesToNextMonth() {
        String hospital = BAOFENG_HOSPITAL;
        Actor actor = hospitalActor(hospital);
        YearMonth month = YearMonth.of(2026, 3);
        records.closeMonth(hospital, month, Instant.EPOCH);
        String late = id("L");
        IntakeResult r = intake.submit(actor, List.of(
                row(late, hospital, "390", "2026-03-31 23:59:59", "100.00", "70.00", "70.00", "0.00")), "k");
        assertThat(r.rowsRolledForward()).isEqualTo(1);
        assertThat(jdbc.sql("select period from claims_settlement where setl_id = :id").param("id", late)
                .query(Integer.class).single()).isEqualTo(202604);
    }

    @Test
    @DisplayName("a 10,000-row file with 3 bad rows: nothing written, exactly those 3 errors reported")
    void fileWithThreeBadRows() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            rows.add(row(id("F"), PDS_HOSPITAL, i % 3 == 0 ? "390" : "310", "2026-10-0" + (1 + i % 9) + " 10:00:00",
                    "300.00", "200.00", "180.00", "20.00"));
        }
        rows.get(17).put("medfee_sumamt", "300.01");
        rows.get(4_000).put("setl_time", "2026-13-01 00:00:00");
        rows.get(9_999).put("fixmedins_code", "H99999999999");
        Path file = IntakeFixtures.csv(rows);
        assertThatThrownBy(() -> intake.importFile(hospitalActor(PDS_HOSPITAL), file, "bad.csv", id("req")))
                .isInstanceOfSatisfying(IntakeRejection.class, e -> {
                    assertThat(e.errorCount()).isEqualTo(3);
                    assertThat(e.errors()).extracting(RowError::row, RowError::field).containsExactly(
                            org.assertj.core.groups.Tuple.tuple(18L, "medfee_sumamt"),
                            org.assertj.core.groups.Tuple.tuple(4_001L, "setl_time"),
                            org.assertj.core.groups.Tuple.tuple(10_000L, "fixmedins_code"));
                });
        assertThat(stored(rows.get(0).get("setl_id"))).isZero();
        assertThat(stored(rows.get(9_998).get("setl_id"))).isZero();
        rows.get(17).put("medfee_sumamt", "300.00");
        rows.get(4_000).put("setl_time", "2026-10-01 00:00:00");
        rows.get(9_999).put("fixmedins_code", PDS_HOSPITAL);
        String request = id("req");
        Path good = IntakeFixtures.csv(rows);
        IntakeResult ok = intake.importFile(hospitalActor(PDS_HOSPITAL), good, "good.csv", request);
        assertThat(ok.rowsWritten()).isEqualTo(10_000);
        // The same file and request again: the first batch, nothing written (issue 10).
        assertThat(intake.importFile(hospitalActor(PDS_HOSPITAL), good, "good.csv", request))
                .isEqualTo(new IntakeResult(ok.batchId(), 10_000, 0, 10_000, 0, true));
        assertThat(jdbc.sql("select sum(fund_pay_sumamt) from claims_settlement where setl_id in (:ids)")
                .param("ids", rows.stream().map(r -> r.get("setl_id")).limit(1000).toList())
                .query(Long.class).single()).isEqualTo(Money.ofYuan("200.00").fen() * 1000);
    }
    @Test
    @DisplayName("issue 10: the same file re-imported under the same request id says it changed nothing (0 new, all unchanged)")
    void identicalReimportChangesNothing() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            rows.add(row(id("S"), PDS_HOSPITAL, "310", "2026-10-07 10:00:00", "300.00", "200.00", "180.00", "20.00"));
        }
        Actor actor = hospitalActor(PDS_HOSPITAL);
        Path file = IntakeFixtures.csv(rows);
        String requestId = id("same");
        IntakeResult first = intake.importFile(actor, file, "s.csv", requestId);
        assertThat(first.rowsWritten()).isEqualTo(50);
        assertThat(first.repeat()).isFalse();
        long storedBefore = jdbc.sql("select count(*) from claims_settlement").query(Long.class).single();

        IntakeResult again = intake.importFile(actor, file, "s.csv", requestId);
        assertThat(again.repeat()).isTrue();
        assertThat(again.changedNothing()).isTrue();
        assertThat(again.batchId()).isEqualTo(first.batchId());
        assertThat(again.rowsWritten()).isZero();
        assertThat(again.rowsUnchanged()).isEqualTo(50);
        assertThat(jdbc.sql("select count(*) from claims_settlement").query(Long.class).single())
                .isEqualTo(storedBefore);

        // The same rows under a new request id are checked again: still nothing written, every row unchanged.
        IntakeResult resent = intake.importFile(actor, IntakeFixtures.csv(rows), "s.csv", id("other"));
        assertThat(resent.repeat()).isFalse();
        assertThat(resent.changedNothing()).isTrue();
        assertThat(resent.rowsUnchanged()).isEqualTo(50);
    }

    @Test
    @DisplayName("a re-sent file: known rows are no-ops, new rows written, a changed row a conflict (streamed chunks fall back)")
    void resentFileAcrossChunks() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < JdbcSettlementIntake.CHUNK_ROWS + 500; i++) {
            rows.add(row(id("R"), PDS_HOSPITAL, "310", "2026-10-05 10:00:00", "300.00", "200.00", "180.00", "20.00"));
        }
        Actor actor = hospitalActor(PDS_HOSPITAL);
        IntakeResult first = intake.importFile(actor, IntakeFixtures.csv(rows.subList(0, 6_000)), "a.csv", id("req"));
        assertThat(first.rowsWritten()).isEqualTo(6_000);

        // Rows 0..5,999 again (the first chunk holds 4,000 new ones after them), then 4,500 new rows.
        IntakeResult again = intake.importFile(actor, IntakeFixtures.csv(rows), "b.csv", id("req"));
        assertThat(again.rowsTotal()).isEqualTo(rows.size());
        assertThat(again.rowsUnchanged()).isEqualTo(6_000);
        assertThat(again.rowsWritten()).isEqualTo(rows.size() - 6_000);
        assertThat(stored(rows.get(rows.size() - 1).get("setl_id"))).isEqualTo(1);

        List<Map<String, String>> changed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            changed.add(row(id("R"), PDS_HOSPITAL, "310", "2026-10-06 10:00:00", "10.00", "5.00", "5.00", "0.00"));
        }
        Map<String, String> conflicting = new java.util.HashMap<>(rows.get(100));
        conflicting.put("psn_no", "P-other");
        changed.add(conflicting);
        changed.add(new java.util.HashMap<>(changed.get(0)));
        assertThatThrownBy(() -> intake.importFile(actor, IntakeFixtures.csv(changed), "c.csv", id("req")))
                .isInstanceOfSatisfying(IntakeRejection.class, r -> assertThat(r.errors())
                        .extracting(RowError::row, RowError::code)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(4L, "claims.setl-id-conflict")));
        assertThat(stored(changed.get(0).get("setl_id"))).isZero();
    }
    @Test
    @DisplayName("an agency's file mixing two hospitals: lookups mid-chunk pause the COPY; then a reversal of one row")
    void agencyFileWithTwoHospitalsAndAReversal() {
        Actor cityClerk = new Actor("clerk", "410400-AGENCY", Set.of(org.medfund.registry.Role.CLERK));
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            // The second hospital and the second insurance type first appear mid-chunk (row 1,001 and 501).
            String hospital = i < 1_000 ? PDS_HOSPITAL : i % 2 == 0 ? BAOFENG_HOSPITAL : PDS_HOSPITAL;
            rows.add(row(id("M"), hospital, i < 500 ? "310" : "390", "2026-10-07 10:00:00", "50.00", "30.00",
                    "30.00", "5.00"));
        }
        Map<String, String> reversal = new java.util.HashMap<>();
        reversal.put("setl_id", id("M"));
        reversal.put("fixmedins_code", BAOFENG_HOSPITAL);
        reversal.put("setl_time", "2026-10-08 10:00:00");
        reversal.put("refd_setl_id", rows.get(1_000).get("setl_id"));
        IntakeResult streamed = intake.importFile(cityClerk, IntakeFixtures.csv(rows), "mixed.csv", id("req"));
        assertThat(streamed.rowsWritten()).isEqualTo(3_000);
        // The same rows again with the reversal: the stored ones are no-ops, the reversal finds its target.
        rows.add(reversal);
        IntakeResult again = intake.importFile(cityClerk, IntakeFixtures.csv(rows), "mixed2.csv", id("req"));
        assertThat(again.rowsUnchanged()).isEqualTo(3_000);
        assertThat(again.rowsWritten()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from claims_settlement where fixmedins_code = :h and setl_id in (:ids)")
                .param("h", BAOFENG_HOSPITAL).param("ids", rows.stream().map(r -> r.get("setl_id")).toList())
                .query(Long.class).single()).isEqualTo(1_001);
        assertThat(jdbc.sql("select reversed_by from claims_settlement where setl_id = :id")
                .param("id", rows.get(1_000).get("setl_id")).query(String.class).single())
                .isEqualTo(reversal.get("setl_id"));
        assertThat(jdbc.sql("select fund_pay_sumamt from claims_settlement where setl_id = :id")
                .param("id", reversal.get("setl_id")).query(Long.class).single()).isEqualTo(-3_000L);
    }
}

package org.medfund.claims;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.medfund.claims.IntakeFixtures.PDS_HOSPITAL;
import static org.medfund.claims.IntakeFixtures.hospitalActor;
import static org.medfund.claims.IntakeFixtures.id;
import static org.medfund.claims.IntakeFixtures.row;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 11 finding 1: a settlement file with bytes that are not UTF-8 in the middle took the service down on
 * PostgreSQL (the COPY of the rows before it was never ended, the rollback waited for it forever and the connection
 * never came back). Invalid encoding is a row error like any other, the file is refused whole, and the connection
 * is usable again at once.
 */
@DatabaseTest
class BadFileIntakeTest {

    private static final int ROWS = 1_000;
    private static final byte[] BAD_BYTES = {(byte) 0xff, (byte) 0xfe, (byte) 0xc3};

    @Autowired
    SettlementIntake intake;
    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("issue 11 #1: ff fe c3 mid-file is a row error (claims.bad-encoding), nothing kept, no hang")
    void invalidUtf8MidFile() throws Exception {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(row(id("E"), PDS_HOSPITAL, "310", "2026-10-05 09:00:00", "100.00", "60.00", "60.00", "10.00"));
        }
        Path file = withBadBytes(IntakeFixtures.csv(rows), ROWS / 2);
        assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                assertThatThrownBy(() -> intake.importFile(hospitalActor(PDS_HOSPITAL), file, "bad.csv", id("bad")))
                        .isInstanceOfSatisfying(IntakeRejection.class, r -> {
                            assertThat(r.errors()).extracting(RowError::row, RowError::code)
                                    .containsExactly(org.assertj.core.groups.Tuple.tuple((long) ROWS / 2,
                                            "claims.bad-encoding"));
                            assertThat(r.errors().get(0).field()).isEqualTo("psn_no");
                            assertThat(r.errors().get(0).message()).contains("UTF-8");
                        }));
        assertThat(stored(rows.get(0).get("setl_id"))).isZero();
        assertThat(stored(rows.get(ROWS - 1).get("setl_id"))).isZero();
        // The same rows without the bad bytes go in: the pool and the table are fine afterwards.
        assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
            IntakeResult ok = intake.importFile(hospitalActor(PDS_HOSPITAL), IntakeFixtures.csv(rows), "ok.csv",
                    id("ok"));
            assertThat(ok.rowsWritten()).isEqualTo(ROWS);
        });
        Files.deleteIfExists(file);
    }

    @Test
    @DisplayName("issue 11 #1: bad bytes in the header row are refused naming the column, not a server error")
    void invalidUtf8InHeader() throws Exception {
        Path file = Files.createTempFile("bad-header", ".csv");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write("setl_id,psn".getBytes(StandardCharsets.UTF_8));
        bytes.write(BAD_BYTES);
        bytes.write("\nA1,x\n".getBytes(StandardCharsets.UTF_8));
        Files.write(file, bytes.toByteArray());
        assertThatThrownBy(() -> intake.importFile(hospitalActor(PDS_HOSPITAL), file, "h.csv", id("h")))
                .isInstanceOfSatisfying(org.medfund.common.Rejection.class,
                        r -> assertThat(r.code()).isEqualTo("claims.unknown-column"));
        Files.deleteIfExists(file);
    }

    @Test
    @DisplayName("issue 11 #1: any failure while rows stream in cancels the COPY, so the rollback cannot hang")
    void failureMidStreamCancelsCopy() {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            rows.add(row(id("F"), PDS_HOSPITAL, "310", "2026-10-06 09:00:00", "100.00", "60.00", "60.00", "10.00"));
        }
        List<Map<String, String>> failing = new java.util.AbstractList<>() {
            @Override
            public Map<String, String> get(int index) {
                if (index == ROWS / 2) {
                    throw new IllegalStateException("reader broke at row " + index);
                }
                return rows.get(index);
            }

            @Override
            public int size() {
                return rows.size();
            }
        };
        assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                assertThatThrownBy(() -> intake.submit(hospitalActor(PDS_HOSPITAL), failing, id("fail")))
                        .hasMessageContaining("reader broke"));
        assertThat(stored(rows.get(0).get("setl_id"))).isZero();
        assertTimeoutPreemptively(Duration.ofSeconds(60), () ->
                assertThat(intake.submit(hospitalActor(PDS_HOSPITAL), rows, id("ok")).rowsWritten())
                        .isEqualTo(ROWS));
    }

    private long stored(String setlId) {
        return jdbc.sql("select count(*) from claims_settlement where setl_id = :id").param("id", setlId)
                .query(Long.class).single();
    }

    /** The file with {@link #BAD_BYTES} inside the psn_no field of data row {@code row} (1-based). */
    static Path withBadBytes(Path file, int row) throws Exception {
        byte[] text = Files.readAllBytes(file);
        int at = 0;
        for (int line = 0; line < row; line++) {
            at = indexOf(text, (byte) '\n', at) + 1;
        }
        int psnNo = SettlementFields.ALL.indexOf("psn_no");
        for (int comma = 0; comma < psnNo; comma++) {
            at = indexOf(text, (byte) ',', at) + 1;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(text, 0, at + 1);
        out.write(BAD_BYTES);
        out.write(text, at + 1, text.length - at - 1);
        Files.write(file, out.toByteArray());
        return file;
    }

    private static int indexOf(byte[] text, byte b, int from) {
        for (int i = from; i < text.length; i++) {
            if (text[i] == b) {
                return i;
            }
        }
        throw new IllegalStateException("no byte " + b + " after " + from);
    }
}

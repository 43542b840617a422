package org.medfund.ledger.internal;

import org.medfund.common.CodeMigration;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.flywaydb.core.api.migration.Context;
import org.medfund.ledger.Anchor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Migration V86: seals the entries and book heads written before seals existed (V85 added the columns) and gives
 * those books the anchors they would have had: one at every {@link Anchor#INTERVAL_ENTRIES}th entry and one per
 * closed period, at the chain head of the upgrade (when the period was really closed is not known). It trusts the
 * database as it stands at the upgrade, as the unkeyed chain did; {@code ledger verify} before the upgrade tells
 * whether that trust is deserved. A Spring bean, so Flyway runs it with the ledger key (Boot hands JavaMigration
 * beans to Flyway); on a new database there is nothing to seal.
 */
@Component
class SealExistingEntries extends CodeMigration {

    /** Entries read and sealed per round trip. */
    static final int BATCH_ROWS = 1_000;

    private final ChainSeals seals;
    private final Clock clock;

    SealExistingEntries(ChainSeals seals, Clock clock) {
        super("86", "seal existing ledger entries");
        this.seals = seals;
        this.clock = clock;
    }

    @Override
    public void migrate(Context context) {
        JdbcTemplate jdbc = new JdbcTemplate(new SingleConnectionDataSource(context.getConnection(), true));
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        // Books with a head seal were written after V85: nothing to do there.
        List<Object[]> books = jdbc.query("select org_code, next_sequence_no, last_hash from ledger_book "
                + "where head_seal is null order by org_code",
                (rs, n) -> new Object[] {rs.getString(1), rs.getLong(2), rs.getString(3)});
        for (Object[] book : books) {
            seal(jdbc, (String) book[0], (Long) book[1], (String) book[2], now);
        }
    }

    private void seal(JdbcTemplate jdbc, String org, long next, String lastHash, LocalDateTime now) {
        List<AnchorRow> anchors = new ArrayList<>();
        long after = 0;
        while (true) {
            List<Object[]> page = jdbc.query("select sequence_no, hash, period from ledger_entry where org_code = ? "
                    + "and sequence_no > ? order by sequence_no limit " + BATCH_ROWS,
                    (rs, n) -> new Object[] {rs.getLong(1), rs.getString(2), rs.getString(3)}, org, after);
            List<Object[]> updates = new ArrayList<>(page.size());
            for (Object[] row : page) {
                long seq = (Long) row[0];
                String hash = (String) row[1];
                updates.add(new Object[] {seals.entry(org, seq, hash), org, seq});
                if (seq % Anchor.INTERVAL_ENTRIES == 0) {
                    anchors.add(new AnchorRow(anchors.size() + 1, Anchor.Reason.INTERVAL.name(), (String) row[2],
                            seq, hash, now, seals.keyId(), null));
                }
                after = seq;
            }
            if (!updates.isEmpty()) {
                jdbc.batchUpdate("update ledger_entry set seal = ? where org_code = ? and sequence_no = ?", updates);
            }
            if (page.size() < BATCH_ROWS) {
                break;
            }
        }
        for (String period : jdbc.queryForList("select period from ledger_period where org_code = ? order by period",
                String.class, org)) {
            anchors.add(new AnchorRow(anchors.size() + 1, Anchor.Reason.PERIOD_CLOSE.name(), period, next - 1,
                    lastHash, now, seals.keyId(), null));
        }
        for (AnchorRow a : anchors) {
            jdbc.update("insert into ledger_anchor (org_code, anchor_no, reason, period, sequence_no, entry_hash, "
                    + "anchored_at, key_id, seal) values (?, ?, ?, ?, ?, ?, ?, ?, ?)", org, a.anchorNo(), a.reason(),
                    a.period(), a.sequenceNo(), a.entryHash(), Timestamp.valueOf(a.anchoredAt()), a.keyId(),
                    seals.anchor(org, a));
        }
        jdbc.update("update ledger_book set head_seal = ? where org_code = ?", seals.head(org, next, lastHash), org);
    }
}

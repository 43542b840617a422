package org.medfund;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.springframework.context.ApplicationContext;

/**
 * Row counts and a content hash of every table of the test database: what "nothing written" means for a refused
 * request. The hash of a table is the sum (mod 2^64) of a SHA-256-derived value per row, so it does not depend on
 * row order. Flyway's history and the audit log are left out.
 */
public record DatabaseSnapshot(Map<String, Long> counts, Map<String, Long> hashes) {

    /**
     * Not business data: Flyway's history, and the audit log, which records every state-changing request — refused
     * ones too, by design (docs/reliability.md, "Tamper evidence and audit log").
     */
    private static final java.util.Set<String> EXCLUDED = java.util.Set.of("flyway_schema_history", "audit_log");

    public static DatabaseSnapshot take(ApplicationContext context) {
        DataSource dataSource = context.getBean(DataSource.class);
        Map<String, Long> counts = new TreeMap<>();
        Map<String, Long> hashes = new TreeMap<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : tables(connection)) {
                long count = 0;
                long hash = 0;
                try (Statement statement = connection.createStatement();
                     ResultSet rs = statement.executeQuery("select * from " + table)) {
                    int columns = rs.getMetaData().getColumnCount();
                    MessageDigest digest = MessageDigest.getInstance("SHA-256");
                    StringBuilder row = new StringBuilder();
                    while (rs.next()) {
                        row.setLength(0);
                        for (int c = 1; c <= columns; c++) {
                            row.append(rs.getString(c)).append('\u0001');
                        }
                        byte[] d = digest.digest(row.toString().getBytes(StandardCharsets.UTF_8));
                        long value = 0;
                        for (int i = 0; i < 8; i++) {
                            value = value << 8 | (d[i] & 0xff);
                        }
                        hash += value;
                        count++;
                    }
                }
                counts.put(table, count);
                hashes.put(table, hash);
            }
        } catch (SQLException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("database snapshot failed", e);
        }
        return new DatabaseSnapshot(counts, hashes);
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, connection.getSchema(), "%",
                new String[] {"TABLE"})) {
            while (rs.next()) {
                String name = rs.getString("TABLE_NAME");
                if (!EXCLUDED.contains(name.toLowerCase(java.util.Locale.ROOT))) {
                    tables.add(name);
                }
            }
        }
        if (tables.isEmpty()) {
            throw new IllegalStateException("no tables found in schema " + connection.getSchema());
        }
        return tables;
    }

    /** Tables whose row count or content differs from the other snapshot. */
    public List<String> differences(DatabaseSnapshot other) {
        List<String> changed = new ArrayList<>();
        for (String table : counts.keySet()) {
            if (!counts.get(table).equals(other.counts.get(table))
                    || !hashes.get(table).equals(other.hashes.get(table))) {
                changed.add(table + " (" + other.counts.get(table) + " → " + counts.get(table) + " rows)");
            }
        }
        return changed;
    }

    public int tables() {
        return counts.size();
    }

    public long rows() {
        return counts.values().stream().mapToLong(Long::longValue).sum();
    }
}

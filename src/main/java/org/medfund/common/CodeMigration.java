package org.medfund.common;

import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.JavaMigration;

/**
 * A Flyway migration written in Java and run as a Spring bean (Boot hands JavaMigration beans to Flyway), so it can
 * use the application's beans; versioned by the number given here rather than by a class name. No checksum: its
 * code may be refactored without invalidating databases that ran it. Runs in Flyway's transaction.
 */
public abstract class CodeMigration implements JavaMigration {

    private final MigrationVersion version;
    private final String description;

    protected CodeMigration(String version, String description) {
        this.version = MigrationVersion.fromVersion(version);
        this.description = description;
    }

    @Override
    public final MigrationVersion getVersion() {
        return version;
    }

    @Override
    public final String getDescription() {
        return description;
    }

    @Override
    public final Integer getChecksum() {
        return null;
    }

    @Override
    public final boolean canExecuteInTransaction() {
        return true;
    }
}

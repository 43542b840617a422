package org.medfund.registry.internal;

import org.medfund.common.CodeMigration;
import java.time.Clock;
import org.flywaydb.core.api.migration.Context;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.stereotype.Component;

/**
 * Flyway migration V3: loads the registry data set into a fresh database, so regions and organisations exist
 * before any later migration (V4+) that refers to them. Spring Boot hands {@code JavaMigration} beans to Flyway.
 * The checksum is null on purpose: the data files evolve by data version, and {@link DataRefresh} brings an older
 * database up to a newer data set at start-up with the same loader.
 */
@Component
class DataMigration extends CodeMigration {

    private final Clock clock;

    DataMigration(Clock clock) {
        super("3", "registry reference data");
        this.clock = clock;
    }

    @Override
    public void migrate(Context context) {
        var dataSource = new SingleConnectionDataSource(context.getConnection(), true);
        new DataLoader(JdbcClient.create(dataSource), false).load(DataSet.load(), clock.instant());
    }
}

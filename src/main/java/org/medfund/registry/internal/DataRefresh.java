package org.medfund.registry.internal;

import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, before any command or request runs: when the release ships a newer registry data version than the
 * database holds, upsert it (API-edited rows stay as edited). A fresh database already has it from V3. Never lazy:
 * CLI runs initialise beans lazily, and every run must see the current data set.
 */
@Component
@Lazy(false)
class DataRefresh implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(DataRefresh.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final RegistryImpl registry;

    DataRefresh(JdbcClient jdbc, TransactionTemplate transactions, Clock clock, RegistryImpl registry) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.registry = registry;
    }

    @Override
    public void afterSingletonsInstantiated() {
        DataSet data = DataSet.load();
        Boolean changed = transactions.execute(status -> new DataLoader(jdbc).load(data, clock.instant()));
        if (Boolean.TRUE.equals(changed)) {
            LOG.info("registry data set {} loaded", data.version());
            registry.forgetRegions();
        }
    }
}

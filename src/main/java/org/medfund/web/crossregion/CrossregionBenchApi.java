package org.medfund.web.crossregion;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Map;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline of {@code bench crossregion-settle}: an authenticated POST that inserts one row and answers JSON,
 * i.e. the cost of the stack itself (servlet, security, token lookup, JSON, one transaction). Present only in the
 * benchmark's own server ({@code medfund.bench.enabled=true}), never in a served medfund.
 */
@RestController
@ConditionalOnProperty(name = "medfund.bench.enabled", havingValue = "true")
class CrossregionBenchApi {

    private final JdbcClient jdbc;
    private final Clock clock;

    CrossregionBenchApi(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @PostMapping("/api/crossregion/bench/ping")
    Map<String, Object> ping() {
        jdbc.sql("insert into cr_bench_ping (created_at) values (:at)").param("at", Timestamp.from(clock.instant()))
                .update();
        return Map.of("ok", true);
    }
}

package org.medfund.web.users;

import org.medfund.users.Users;
import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Clock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.registry.Role;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Token authentication runs on every API request outside any transaction, so each query takes its own pooled
 * connection. A user lookup that ran its roles query inside the user row's mapper needed two connections at once:
 * with as many concurrent requests as the pool has connections, every request held one and waited for a second
 * until the pool's timeout (found by bench crossregion-settle with 16 clients on a pool of 10). This checks the lookup
 * works on a pool of one connection.
 */
class UsersConnectionTest {

    @Test
    @DisplayName("a user lookup needs one pooled connection at a time (no pool deadlock under load)")
    void oneConnectionAtATime() {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:mem:users_connection_" + System.nanoTime() + ";DB_CLOSE_DELAY=-1");
        config.setMaximumPoolSize(1);
        config.setConnectionTimeout(250);
        try (HikariDataSource pool = new HikariDataSource(config)) {
            JdbcClient jdbc = JdbcClient.create(pool);
            jdbc.sql("create table app_user (username varchar(60), display_name varchar(100), org_code varchar(40),"
                    + " enabled boolean)").update();
            jdbc.sql("create table app_user_role (username varchar(60), role varchar(20))").update();
            jdbc.sql("insert into app_user values ('desk', '出院结算', 'H1', true)").update();
            jdbc.sql("insert into app_user_role values ('desk', 'HOSPITAL')").update();
            Users users = new Users(jdbc, null, null, Clock.systemUTC());
            assertThat(users.find("desk")).hasValueSatisfying(u -> assertThat(u.roles()).containsExactly(Role.HOSPITAL));
        }
    }
}

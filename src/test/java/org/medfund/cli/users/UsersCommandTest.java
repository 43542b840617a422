package org.medfund.cli.users;

import org.medfund.cli.CommandTest;
import org.medfund.cli.CliRun;
import org.medfund.cli.demo.UsersDemoStep;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.registry.Role;
import org.medfund.users.UserAccount;
import org.medfund.users.Users;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The demo's users (printed once, idempotent) and {@code medfund users …}. */
@DatabaseTest
class UsersCommandTest extends CommandTest {
    @Autowired
    UsersDemoStep demoStep;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PasswordEncoder passwordEncoder;

    private String demo() {
        StringWriter out = new StringWriter();
        demoStep.run(new PrintWriter(out));
        return out.toString();
    }

    private long rows() {
        return jdbc.sql("select (select count(*) from app_user) + (select count(*) from app_user_role)"
                + " + (select count(*) from api_token)").query(Long.class).single();
    }

    @Test
    @DisplayName("demo users: one per role at registry orgs, passwords that log in, printed once; rerun writes nothing")
    void demoUsers() {
        String first = demo();
        if (first.contains("新建演示用户")) {
            Matcher line = Pattern.compile("^\\s+xy-clerk\\s+(\\S+)\\s", Pattern.MULTILINE).matcher(first);
            assertThat(line.find()).isTrue();
            String hash = jdbc.sql("select password_hash from app_user where username = 'xy-clerk'")
                    .query(String.class).single();
            assertThat(passwordEncoder.matches(line.group(1), hash)).isTrue();
            assertThat(first).contains("API 令牌").contains("mft_");
        }
        long before = rows();
        String second = demo();
        assertThat(rows()).isEqualTo(before);
        assertThat(second).contains("已有演示用户 " + UsersDemoStep.USERS.size() + " 个").doesNotContain("mft_")
                .doesNotContain("新建");
        for (Role role : Role.values()) {
            assertThat(users.list()).as(role.name()).anyMatch(u -> u.roles().contains(role));
        }
        UserAccount hospital = users.find("xy-hospital").orElseThrow();
        assertThat(hospital.orgCode()).startsWith("H4115");
        assertThat(users.find("xy-clerk").orElseThrow().orgCode()).isEqualTo("411500-AGENCY");
        assertThat(users.find("ha-clerk").orElseThrow().orgCode()).isEqualTo("410000-CENTRE");
        assertThat(users.hasActiveToken("xy-hospital")).isTrue();
    }

    @Test
    @DisplayName("users list / reset-password / token; a repeated --request-id changes nothing and shows no secret")
    void usersCommands() {
        String username = "cli-" + System.nanoTime() % 1_000_000;
        users.create(new UserAccount(username, "命令行测试", "411500-AGENCY", Set.of(Role.CLERK), true), null);
        CliRun list = run("users", "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains(username).contains("411500-AGENCY").contains("经办").contains("启用");

        CliRun reset = run("users", "reset-password", username, "--request-id", "r-" + username);
        assertThat(reset.exitCode()).isZero();
        Matcher password = Pattern.compile("：(\\S+)").matcher(reset.out());
        assertThat(password.find()).isTrue();
        String hash = jdbc.sql("select password_hash from app_user where username = :u").param("u", username)
                .query(String.class).single();
        assertThat(passwordEncoder.matches(password.group(1), hash)).isTrue();
        CliRun again = run("users", "reset-password", username, "--request-id", "r-" + username);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("已执行过").doesNotContain(password.group(1));
        assertThat(jdbc.sql("select password_hash from app_user where username = :u").param("u", username)
                .query(String.class).single()).isEqualTo(hash);

        CliRun token = run("users", "token", username, "--label", "HIS");
        assertThat(token.exitCode()).isZero();
        Matcher issued = Pattern.compile("(mft_\\S+)").matcher(token.out());
        assertThat(issued.find()).isTrue();
        assertThat(users.authenticateToken(issued.group(1))).get()
                .satisfies(user -> assertThat(user.account().username()).isEqualTo(username));
    }

    @Test
    @DisplayName("users add prints a password once (repeat id: no second user, no password); revoke-tokens")
    void addAndRevoke() {
        String username = "add-" + System.nanoTime() % 1_000_000;
        String requestId = "add-" + username;
        CliRun add = run("users", "add", username, "--org", "H41150200001", "--role", "HOSPITAL,REVIEWER",
                "--name", "医院审核", "--request-id", requestId);
        assertThat(add.exitCode()).isZero();
        assertThat(add.out()).contains(username).contains("医疗机构").contains("密码");
        assertThat(users.find(username).orElseThrow().roles()).containsExactlyInAnyOrder(Role.HOSPITAL,
                Role.REVIEWER);
        CliRun again = run("users", "add", username, "--org", "H41150200001", "--role", "HOSPITAL,REVIEWER",
                "--name", "医院审核", "--request-id", requestId);
        assertThat(again.exitCode()).isZero();
        assertThat(again.out()).contains("已执行过").doesNotContain("密码（");

        CliRun unknownOrg = run("users", "add", username + "x", "--org", "999999-NOPE", "--role", "CLERK",
                "--name", "x");
        assertThat(unknownOrg.exitCode()).isEqualTo(2);
        assertThat(unknownOrg.err()).contains("registry.org-unknown").contains("orgCode");
        assertThat(users.find(username + "x")).isEmpty();

        String token = users.issueToken(username, "HIS");
        CliRun revoke = run("users", "revoke-tokens", username);
        assertThat(revoke.exitCode()).isZero();
        assertThat(revoke.out()).contains("1 个");
        assertThat(users.authenticateToken(token)).isEmpty();
    }

    @Test
    @DisplayName("an unknown user is one line on stderr and exit code 2")
    void unknownUser() {
        CliRun run = run("users", "reset-password", "no-such-user");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).contains("user.unknown").contains("USER").doesNotContain("\n");
    }
}

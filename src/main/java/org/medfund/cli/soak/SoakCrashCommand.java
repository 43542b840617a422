package org.medfund.cli.soak;

import org.medfund.cli.NestedSubcommand;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import org.medfund.common.Rejection;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medfund soak crash [--points N] [--seed S] [--months M] [--rows R] [--pg-url URL …]}: the {@link CrashSoak}.
 * PostgreSQL when {@code --pg-url} (or {@code MEDFUND_TEST_PG_URL}) names a server, in scratch schemas it drops
 * again; otherwise H2 files in a temporary directory. Exit 0 when the soak passed, 1 when it found a problem.
 */
@Component
@Command(name = "crash", mixinStandardHelpOptions = true,
        description = "崩溃注入：子进程运行月末结算与预付金年终作业，随机 SIGKILL 后重启，核对账簿、支付与链尾哈希")
class SoakCrashCommand implements Callable<Integer>, NestedSubcommand {

    static final int EXIT_FAILED = 1;

    @Spec
    CommandSpec spec;

    @Option(names = "--points", defaultValue = "20", description = "SIGKILL 注入次数（默认 20）")
    int points;

    @Option(names = "--seed", description = "随机种子（默认随机生成并打印，用于复现）")
    Long seed;

    @Option(names = "--months", defaultValue = "3", description = "作业覆盖 2025 年最后几个月（1–12，默认 3）")
    int months;

    @Option(names = "--rows", defaultValue = "20", description = "每家医院每月结算记录条数（默认 20）")
    int rows;

    @Option(names = "--pg-url", description = "PostgreSQL JDBC URL（默认取 MEDFUND_TEST_PG_URL；都没有则用 H2 文件库）")
    String pgUrl;

    @Option(names = "--pg-user", description = "PostgreSQL 用户（默认 MEDFUND_TEST_PG_USER 或 postgres）")
    String pgUser;

    @Option(names = "--pg-password", description = "PostgreSQL 密码（默认 MEDFUND_TEST_PG_PASSWORD 或空）")
    String pgPassword;

    @Override
    public String parent() {
        return "soak";
    }

    @Override
    public Integer call() {
        if (points < 0 || points > CrashSoak.POINTS_MAX) {
            throw new Rejection("soak.points-invalid", "--points", "注入次数须在 0 至 " + CrashSoak.POINTS_MAX + " 之间");
        }
        long chosen = seed != null ? seed : new java.util.Random().nextLong(1, Long.MAX_VALUE);
        // The seed picks the kill points and the job's generated settlements alike.
        SoakJob.Input input = SoakJobCommand.input(months, rows, chosen);
        PrintWriter out = spec.commandLine().getOut();
        CrashSoak.Report report = new CrashSoak(new CrashSoak.Options(points, chosen, input, scratch(),
                CrashSoak.defaultLauncher()), out).run();
        return report.passed() ? 0 : EXIT_FAILED;
    }

    private CrashSoak.Scratch scratch() {
        String url = pgUrl != null ? pgUrl : System.getenv("MEDFUND_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            return CrashSoak.Scratch.h2();
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw new Rejection("soak.pg-url-invalid", "--pg-url", "须为 jdbc:postgresql: 开头的 JDBC URL");
        }
        String user = pgUser != null ? pgUser : System.getenv().getOrDefault("MEDFUND_TEST_PG_USER", "postgres");
        String password = pgPassword != null ? pgPassword
                : System.getenv().getOrDefault("MEDFUND_TEST_PG_PASSWORD", "");
        return new CrashSoak.Scratch(url, user, password);
    }
}

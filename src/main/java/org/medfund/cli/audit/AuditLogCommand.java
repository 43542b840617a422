package org.medfund.cli.audit;

import org.medfund.cli.MedfundSubcommand;
import org.medfund.cli.Arguments;
import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.List;
import org.medfund.common.AuditLog;
import org.medfund.common.Rejection;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medfund audit-log}: the audit trail on the server, newest first. The operator of the installation sees every
 * row, including those of CLI runs without an organisation (demo, bench), which no staff page shows.
 */
@Component
@Command(name = "audit-log", mixinStandardHelpOptions = true,
        description = "审计日志：每次状态变更的操作人、机构、时间、命令、请求编号、结果与业务编号（最新在前）")
class AuditLogCommand implements Runnable, MedfundSubcommand {

    static final int ROWS_DEFAULT = 50;

    private final AuditLog audit;

    @Spec
    CommandSpec spec;

    @Option(names = "--username", description = "只看该用户（命令行操作为 os:<系统用户>）")
    String username;

    @Option(names = "--org-code", description = "只看该机构")
    String orgCode;

    @Option(names = "--from", description = "起始日期 YYYY-MM-DD")
    String from;

    @Option(names = "--to", description = "截止日期 YYYY-MM-DD（含）")
    String to;

    @Option(names = "--command", description = "命令或路径中包含的文字，如 prepayment、/api/settlements")
    String command;

    @Option(names = "--outcome", description = "结果：DONE、REPLAYED、REJECTED、DENIED、FAILED、PARTIAL")
    AuditLog.Outcome outcome;

    @Option(names = "--limit", description = "最多显示行数（默认 " + ROWS_DEFAULT + "）")
    int limit = ROWS_DEFAULT;

    AuditLogCommand(AuditLog audit) {
        this.audit = audit;
    }

    @Override
    public void run() {
        if (limit < 1 || limit > AuditLog.ROWS_MAX) {
            throw new Rejection("cli.limit-invalid", "--limit", "须在 1 至 " + AuditLog.ROWS_MAX + " 之间");
        }
        List<AuditLog.Entry> rows = audit.find(new AuditLog.Filter(username, orgCode, date(from, "--from"),
                date(to, "--to"), command, outcome, null), AuditLog.Reader.OPERATOR, limit);
        PrintWriter out = spec.commandLine().getOut();
        for (AuditLog.Entry e : rows) {
            out.println(e.occurredAt().toString().replace('T', ' ') + "  " + e.channel().label() + "  "
                    + e.who().username() + (e.who().orgCode() == null ? "" : "@" + e.who().orgCode()) + "  "
                    + e.command() + "  " + e.result().outcome().label()
                    + (e.result().status() == null ? "" : " " + e.result().status())
                    + (e.result().detail() == null ? "" : " " + e.result().detail()) + "  请求 " + e.requestId()
                    + (e.result().businessIds() == null ? "" : "  " + e.result().businessIds()));
        }
        out.println("共 " + rows.size() + " 条" + (rows.size() == limit ? "（已达 --limit，可缩小筛选范围）" : ""));
        out.flush();
    }

    private static LocalDate date(String text, String option) {
        return text == null ? null : Arguments.date(text, option);
    }
}

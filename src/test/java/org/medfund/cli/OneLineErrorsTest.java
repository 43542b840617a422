package org.medfund.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.sql.SQLException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.common.Rejection;
import picocli.CommandLine;

/** A command's failure as the user sees it: bad input names the field; anything else one line naming the log. */
class OneLineErrorsTest {

    private static final String LOG = "/data/medfund/medfund.log";

    private record Result(int exitCode, String err) {
    }

    private static Result handle(Exception failure) {
        CommandLine commandLine = new CommandLine(new RootCommand());
        StringWriter err = new StringWriter();
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = new OneLineErrors(LOG).handleExecutionException(failure, commandLine, null);
        return new Result(exitCode, err.toString());
    }

    @Test
    @DisplayName("bad input: one line with the code and field, exit 2")
    void rejection() {
        Result r = handle(new Rejection("x.bad", "--date", "日期有误"));
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("错误 [x.bad] --date: 日期有误" + System.lineSeparator());
    }

    @Test
    @DisplayName("issue 10: an unexpected failure is one Chinese line naming the log file, no stack trace, exit 1")
    void unexpected() {
        Result bug = handle(new IllegalStateException("invariant broken"));
        assertThat(bug.exitCode()).isEqualTo(1);
        assertThat(bug.err().lines()).containsExactly("错误: 命令意外失败，详细信息已写入日志 " + LOG);
        Result database = handle(new RuntimeException(new SQLException("Connection refused")));
        assertThat(database.exitCode()).isEqualTo(1);
        assertThat(database.err().lines()).containsExactly("错误: 无法访问数据库，详细信息已写入日志 " + LOG);
    }
}

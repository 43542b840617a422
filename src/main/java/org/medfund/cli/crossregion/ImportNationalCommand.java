package org.medfund.cli.crossregion;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import org.medfund.cli.NestedSubcommand;
import org.medfund.cli.OneLineErrors;
import org.medfund.common.Rejection;
import org.medfund.crossregion.CrossRegionDocuments;
import org.medfund.crossregion.NationalFileKind;
import org.medfund.crossregion.NationalFileRejection;
import org.medfund.crossregion.NationalImport;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code medfund crossregion import-national FILE --kind KIND --org CENTRE --user U}: a file downloaded from the
 * national platform (guizhou-2017 附件一 二(一), 三(一)), CSV or xlsx, all or nothing — every bad line is printed and
 * the exit code is 2. The same file again is reported as already imported and changes nothing.
 */
@Component
@Command(name = "import-national", mixinStandardHelpOptions = true,
        description = "导入国家平台文件（全国跨省异地就医费用预付金明细表、跨省预付金收款通知书、额度调整通知书、全国异地就医费用清算明细）")
class ImportNationalCommand implements Callable<Integer>, NestedSubcommand {

    private final CrossRegionDocuments documents;
    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = ".csv（UTF-8）或 .xlsx")
    Path file;

    @Option(names = "--kind", required = true,
            description = "PREPAYMENT_SHEET、FIRST_NOTICE、ADJUSTMENT_NOTICE 或 CLEARING_DETAIL")
    NationalFileKind kind;

    @Option(names = "--date", description = "导入日期（默认今天）")
    LocalDate date;

    @Option(names = "--org", required = true, description = "省异地就医结算中心编码")
    String org;

    @Option(names = "--user", required = true, description = "办理人用户名（记入审计日志）")
    String user;

    ImportNationalCommand(CrossRegionDocuments documents, Clock clock) {
        this.documents = documents;
        this.clock = clock;
    }

    @Override
    public String parent() {
        return "crossregion";
    }

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(file)) {
            throw new Rejection("crossregion.file-missing", "FILE", "找不到文件 " + file);
        }
        byte[] content = Files.readAllBytes(file);
        try {
            NationalImport.Outcome outcome = documents.importNational(kind, file.getFileName().toString(), content,
                    date == null ? LocalDate.now(clock) : date, new Actor(user, org, EnumSet.of(Role.CLERK)));
            NationalImport imported = outcome.imported();
            out.printf("%s%s %s：%d 行，合计 %s 元（编号 %d）%n", outcome.added() ? "已导入 " : "该文件此前已导入，未重复写入：",
                    imported.kind().label(), imported.subject(), imported.lineCount(), imported.total().toYuanText(),
                    imported.id());
            out.flush();
            return 0;
        } catch (NationalFileRejection rejected) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("错误 [" + rejected.code() + "]: " + kind.label() + "有 " + rejected.errors().size()
                    + " 处错误，未导入任何记录");
            for (NationalFileRejection.LineError error : rejected.errors()) {
                err.println("  第 " + error.line() + " 行 " + error.field() + "：" + error.message());
            }
            err.flush();
            return OneLineErrors.EXIT_BAD_INPUT;
        }
    }
}

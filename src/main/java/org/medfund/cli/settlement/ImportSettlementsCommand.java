package org.medfund.cli.settlement;

import org.medfund.cli.NestedSubcommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.medfund.claims.IntakeRejection;
import org.medfund.claims.IntakeResult;
import org.medfund.claims.SettlementFiles;
import org.medfund.claims.SettlementIntake;
import org.medfund.common.Fingerprint;
import org.medfund.common.Rejection;
import org.medfund.registry.Actor;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code medfund import settlements FILE.csv|FILE.xlsx --org CODE}: a hospital's settlement file, all or nothing.
 * A refused file gets its report beside it ({@code FILE.errors.csv}: every bad row and field) and exit code 2.
 */
@Component
@Command(name = "settlements", mixinStandardHelpOptions = true,
        description = "导入结算记录文件（国家平台字段名为表头）；有错误则整份不写入，并生成错误报告 FILE.errors.csv")
class ImportSettlementsCommand implements Runnable, NestedSubcommand {

    private final SettlementIntake intake;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "FILE", description = ".csv 或 .xlsx")
    Path file;

    @Option(names = "--org", required = true, description = "提交机构编码（医院自身，或代医院导入的经办机构）")
    String orgCode;

    @Option(names = "--request-id", description = "请求编号（默认取文件内容摘要：同一文件重复导入不会重复写入）")
    String requestId;

    ImportSettlementsCommand(SettlementIntake intake) {
        this.intake = intake;
    }

    @Override
    public String parent() {
        return "import";
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        if (!Files.isRegularFile(file)) {
            throw new Rejection("cli.no-file", "FILE", "文件不存在：" + file);
        }
        String id = requestId != null ? requestId : "file-" + Fingerprint.of(file.toAbsolutePath().toString(),
                String.valueOf(file.toFile().length()), String.valueOf(file.toFile().lastModified())).substring(0, 40);
        long started = System.nanoTime();
        try {
            IntakeResult r = intake.importFile(Actor.system(orgCode), file, file.getFileName().toString(), id);
            double seconds = (System.nanoTime() - started) / 1e9;
            out.println(summary(r, id) + String.format("；用时 %.1f 秒", seconds));
            out.flush();
        } catch (IntakeRejection rejected) {
            Path report = file.resolveSibling(file.getFileName() + ".errors.csv");
            try (Writer w = Files.newBufferedWriter(report, StandardCharsets.UTF_8)) {
                SettlementFiles.writeErrorsCsv(rejected.errors(), w);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            int shown = 0;
            for (var e : rejected.errors()) {
                if (shown++ == 20) {
                    break;
                }
                out.printf("第 %d 行 %s %s：%s%n", e.row(), e.setlId(), e.field(), e.message());
            }
            out.printf("共 %d 处错误，错误报告：%s%n", rejected.errorCount(), report);
            out.flush();
            throw rejected;
        }
    }

    /** One line on what the import did; says so plainly when it changed nothing. */
    static String summary(IntakeResult r, String requestId) {
        if (r.repeat()) {
            return String.format("本次未改动任何结算记录：该文件已以同一请求编号 %s 导入（批次 %d）；共 %d 行，新写入 0 行，"
                    + "重复（内容相同，未变）%d 行", requestId, r.batchId(), r.rowsTotal(), r.rowsUnchanged());
        }
        return String.format("已导入批次 %d：共 %d 行，新写入 %d 行，重复（内容相同，未变）%d 行，顺延至下月 %d 行%s",
                r.batchId(), r.rowsTotal(), r.rowsWritten(), r.rowsUnchanged(), r.rowsRolledForward(),
                r.changedNothing() ? "；本次未改动任何结算记录" : "");
    }
}

package org.medfund.cli.crossregion;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.medfund.cli.ActingAs;
import org.medfund.cli.GroupCommand;
import org.medfund.cli.NestedSubcommand;
import org.medfund.cli.OneLineErrors;
import org.medfund.common.Rejection;
import org.medfund.crossregion.ClearingFileRejection;
import org.medfund.crossregion.CrossRegionClearing;
import org.medfund.crossregion.CrossRegionClearing.Header;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code medfund crossregion clearing …}: the national clearing messages as files (guizhou-2017 附件一 三(一)) —
 * export a month's 3260 details between a treatment and an insured region, import a 3261 answer file (all or
 * nothing, every bad line named; its {@code --msgid} answers the first import again), roll back a 3261 call or the
 * whole month (3262, {@code --otransid 0}). Every command acts as {@code --user} of {@code --org}.
 */
@Component
@Command(name = "clearing", mixinStandardHelpOptions = true,
        description = "异地就医清分（3260 明细导出、3261 确认文件导入、3262 确认回退）")
class ClearingCommand extends GroupCommand implements NestedSubcommand {

    /** A 3261 file carries at most 100 rows: far below this. */
    static final long FILE_BYTES_MAX = 1_000_000;

    private final CrossRegionClearing clearing;

    ClearingCommand(CrossRegionClearing clearing) {
        this.clearing = clearing;
    }

    @Override
    public String parent() {
        return "crossregion";
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }


    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "导出某月就医地、参保地之间的清分明细（3260，CSV，国家平台字段名）")
    void export(@Option(names = "--year", required = true, description = "清算年度 trt_year") int year,
                @Option(names = "--month", required = true, description = "清算月份 trt_month") int month,
                @Option(names = "--mdtrtarea", required = true, description = "就医地医保区划 mdtrtarea_admvs")
                String mdtrtarea,
                @Option(names = "--insuplc", required = true, description = "参保地医保区划 insuplc_admdvs")
                String insuplc,
                @Option(names = "--out", required = true, description = "输出文件") Path file,
                @Mixin ActingAs who) throws IOException {
        String text = clearing.exportDetails(year, month, new Header(mdtrtarea, insuplc), who.actor());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        out().printf("已导出 %d 条清分明细到 %s%n", text.lines().count() - 1, file);
    }

    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "导入清分确认文件（3261，全部确认或全部不确认，错误按行列出）")
    int importAnswers(@Parameters(paramLabel = "FILE", description = "清分确认文件（CSV，含 setl_sn、cnfm_flag 列）")
                      Path file,
                      @Option(names = "--year", required = true) int year,
                      @Option(names = "--month", required = true) int month,
                      @Option(names = "--mdtrtarea", required = true) String mdtrtarea,
                      @Option(names = "--insuplc", required = true) String insuplc,
                      @Option(names = "--msgid", required = true, description = "本次确认的报文编号（回退时的 otransid）")
                      String msgid,
                      @Option(names = "--date", required = true, description = "确认日期") LocalDate date,
                      @Mixin ActingAs who) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new Rejection("crossregion.file-missing", "FILE", "找不到文件 " + file);
        }
        if (Files.size(file) > FILE_BYTES_MAX) {
            throw new Rejection("crossregion.clearing-file-too-large", "FILE", "清分确认文件过大");
        }
        try {
            CrossRegionClearing.CallResult done = clearing.importAnswers(year, month, new Header(mdtrtarea, insuplc),
                    msgid, Files.readString(file, StandardCharsets.UTF_8), date, who.actor());
            out().printf("清分确认 %s：确认 %d 条，拒绝 %d 条%n", done.otransid(), done.confirmed(), done.rejected());
            return 0;
        } catch (ClearingFileRejection rejected) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("错误 [" + rejected.code() + "]: 清分确认文件有 " + rejected.errors().size()
                    + " 处错误，未确认任何明细");
            for (CrossRegionClearing.LineError error : rejected.errors()) {
                err.println("  第 " + error.line() + " 行 " + error.field() + "：" + error.message());
            }
            return OneLineErrors.EXIT_BAD_INPUT;
        }
    }

    @Command(name = "rollback", mixinStandardHelpOptions = true,
            description = "确认回退（3262）：回退一次清分确认，--otransid 0 回退该月全部确认")
    void rollback(@Option(names = "--year", required = true) int year,
                  @Option(names = "--month", required = true) int month,
                  @Option(names = "--mdtrtarea", required = true) String mdtrtarea,
                  @Option(names = "--insuplc", required = true) String insuplc,
                  @Option(names = "--otransid", required = true, description = "要回退的确认报文编号，0 为全月")
                  String otransid,
                  @Option(names = "--date", required = true) LocalDate date,
                  @Mixin ActingAs who) {
        CrossRegionClearing.CallResult done = clearing.rollback(year, month, new Header(mdtrtarea, insuplc), otransid,
                date, who.actor());
        out().printf("已回退 %d 条清分确认%n", done.rolledBack());
    }
}

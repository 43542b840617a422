package org.medfund.cli.crossregion;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.medfund.cli.ActingAs;
import org.medfund.cli.GroupCommand;
import org.medfund.cli.MedfundSubcommand;
import org.medfund.cli.OneLineErrors;
import org.medfund.common.Fingerprint;
import org.medfund.common.Rejection;
import org.medfund.common.RequestLog;
import org.medfund.crossregion.CrossRegion;
import org.medfund.crossregion.Filing;
import org.medfund.crossregion.FilingFileRejection;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code medfund crossregion …}: the filing exchange file (guizhou-2017 三(一)) on the command line — export an insured
 * region's filings for the province and the nation, import a file from them (all or nothing, every bad line named),
 * and look a card up. Every command acts as {@code --user} of {@code --org}.
 */
@Component
@Command(name = "crossregion", mixinStandardHelpOptions = true, description = "异地就医（备案交换文件、备案查询）")
class CrossregionCommand extends GroupCommand implements MedfundSubcommand {

    /** Files larger than this are split by the sender (the API's limit, in bytes of UTF-8). */
    static final long FILE_BYTES_MAX = 40_000_000;


    private final CrossRegion crossRegion;
    private final RequestLog requestLog;

    CrossregionCommand(CrossRegion crossRegion, RequestLog requestLog) {
        this.crossRegion = crossRegion;
        this.requestLog = requestLog;
    }


    private PrintWriter out() {
        return spec.commandLine().getOut();
    }


    @Command(name = "export-filings", mixinStandardHelpOptions = true,
            description = "导出统筹区（含下级）的异地就医备案交换文件（CSV）")
    void exportFilings(@Option(names = "--region", required = true, description = "参保地统筹区编码") String region,
                       @Option(names = "--out", required = true, description = "输出文件") Path file,
                       @Mixin ActingAs who) throws IOException {
        String text = crossRegion.exportFilings(region, who.actor());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        out().printf("已导出 %d 条备案到 %s%n", text.lines().count() - 1, file);
    }

    @Command(name = "import-filings", mixinStandardHelpOptions = true,
            description = "导入异地就医备案交换文件（全部成功或全部不导入，错误按行列出）")
    int importFilings(@Parameters(paramLabel = "FILE", description = "备案交换文件（CSV）") Path file,
                      @Option(names = "--request-id", required = true, description = "请求编号（重复执行不重复导入）")
                      String requestId,
                      @Mixin ActingAs who) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new Rejection("crossregion.file-missing", "FILE", "找不到文件 " + file);
        }
        if (Files.size(file) > FILE_BYTES_MAX) {
            throw new Rejection("crossregion.filing-file-too-large", "FILE", "备案文件过大，请分批导入");
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        try {
            String result = requestLog.once("crossregion.import@" + who.org(), requestId,
                    Fingerprint.of(who.user(), text), () -> {
                CrossRegion.FilingImport done = crossRegion.importFilings(text, who.actor());
                return done.lines() + "," + done.added() + "," + done.alreadyPresent();
            });
            String[] counts = result.split(",");
            out().printf("已读取 %s 行：新增 %s 条，已存在 %s 条%n", counts[0], counts[1], counts[2]);
            return 0;
        } catch (FilingFileRejection rejected) {
            PrintWriter err = spec.commandLine().getErr();
            err.println("错误 [" + rejected.code() + "]: 备案文件有 " + rejected.errors().size() + " 处错误，未导入任何记录");
            for (FilingFileRejection.LineError error : rejected.errors()) {
                err.println("  第 " + error.line() + " 行 " + error.field() + "：" + error.message());
            }
            return OneLineErrors.EXIT_BAD_INPUT;
        }
    }

    @Command(name = "filings", mixinStandardHelpOptions = true, description = "按社会保障卡号查询异地就医备案")
    void filings(@Option(names = "--card", required = true, description = "社会保障卡号") String card,
                 @Mixin ActingAs who) {
        var found = crossRegion.filings(card, who.actor());
        if (found.isEmpty()) {
            out().println("没有可见的备案");
        }
        for (Filing f : found) {
            out().printf("%s %s %s 参保地 %s 险种 %s → 就医地 %s，%s 至 %s（%s）%n", f.id(), f.personName(),
                    f.type().label(), f.insuredRegionCode(), f.insuranceType(), f.targetRegionCode(), f.validFrom(),
                    f.validTo() == null ? "长期" : f.validTo(), f.source().label());
        }
    }
}

package org.medfund.cli.crossregion;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.medfund.cli.ActingAs;
import org.medfund.cli.GroupCommand;
import org.medfund.cli.NestedSubcommand;
import org.medfund.common.Rejection;
import org.medfund.crossregion.NationalClearingLine;
import org.medfund.crossregion.NationalClearings;
import org.medfund.crossregion.NationalDirection;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code medfund crossregion national …}: the money of an imported 全国异地就医费用清算明细 (guizhou-2017 附件一 三(一);
 * henan-2023 四(一)) — the centre submits the month, province finance pays it, the treatment city confirms a 收款
 * line; {@code show} lists the month's lines. Each step acts as {@code --user} of {@code --org} on a business date and
 * answers its first result when run again. The file itself is imported with {@code crossregion import-national}.
 */
@Component
@Command(name = "national", mixinStandardHelpOptions = true,
        description = "全国跨省异地就医清算收付（确认提交、省级财政收付、就医地确认到账）")
class NationalClearingCommand extends GroupCommand implements NestedSubcommand {

    private final NationalClearings national;

    NationalClearingCommand(NationalClearings national) {
        this.national = national;
    }

    @Override
    public String parent() {
        return "crossregion";
    }


    @Command(name = "submit", mixinStandardHelpOptions = true,
            description = "省异地就医结算中心确认某月已导入的全国异地就医费用清算明细并提交省级财政部门")
    void submit(@Option(names = "--month", required = true, description = "清算月份 yyyy-MM") String month,
                @Option(names = "--date", required = true, description = "业务日期") LocalDate date,
                @Mixin ActingAs who) {
        print(national.submit(month(month), date, who.actor()));
    }

    @Command(name = "pay", mixinStandardHelpOptions = true,
            description = "省级财政部门完成某月跨省清算资金收付（向外省付款；收外省款项并拨付就医地，在途）")
    void pay(@Option(names = "--month", required = true, description = "清算月份 yyyy-MM") String month,
             @Option(names = "--date", required = true, description = "业务日期") LocalDate date,
             @Mixin ActingAs who) {
        print(national.pay(month(month), date, who.actor()));
    }

    @Command(name = "receive", mixinStandardHelpOptions = true, description = "就医地经办机构确认一笔跨省清算收款到账")
    void receive(@Parameters(paramLabel = "LINE", description = "收付款明细编号（NCL-…）") String line,
                 @Option(names = "--date", required = true, description = "业务日期") LocalDate date,
                 @Mixin ActingAs who) {
        print(List.of(national.receive(line, date, who.actor())));
    }

    @Command(name = "show", mixinStandardHelpOptions = true, description = "查看某月全国跨省清算收付款明细")
    void show(@Option(names = "--month", required = true, description = "清算月份 yyyy-MM") String month,
              @Mixin ActingAs who) {
        List<NationalClearingLine> lines = national.lines(month(month), who.actor());
        if (lines.isEmpty()) {
            spec.commandLine().getOut().println(month + " 尚未确认全国跨省清算，或没有可见的收付款");
        }
        print(lines);
    }

    /** The month as yyyy-MM, refused with a one-line Chinese message otherwise. */
    private static YearMonth month(String text) {
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new Rejection("crossregion.month-invalid", "--month", "清算月份应为 yyyy-MM（例如 2026-06）：" + text);
        }
    }

    private void print(List<NationalClearingLine> lines) {
        PrintWriter out = spec.commandLine().getOut();
        for (NationalClearingLine l : lines) {
            out.printf("%s %s %s %s%s：%d 条，基金支付 %s 元，%s%n", l.id(), l.cityName(),
                    l.direction() == NationalDirection.INBOUND ? "收款" : "付款", l.counterpartName(),
                    l.insuranceTypeName().isEmpty() ? "" : "（" + l.insuranceTypeName() + "）", l.rows(),
                    l.fundPay().toYuanText(), l.state().label());
        }
        out.flush();
    }
}

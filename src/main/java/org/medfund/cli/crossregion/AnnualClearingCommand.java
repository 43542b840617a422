package org.medfund.cli.crossregion;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.medfund.cli.ActingAs;
import org.medfund.cli.NestedSubcommand;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.ClearingOutcome;
import org.medfund.crossregion.CrossRegionAnnualClearing;
import org.medfund.crossregion.CrossRegionAnnualClearing.AnnualClearing;
import org.medfund.crossregion.CrossRegionAnnualClearing.ClearedCost;
import org.medfund.crossregion.CrossRegionAnnualClearing.ClearingLine;
import org.medfund.policy.Citations;
import org.medfund.registry.Actor;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medfund crossregion annual-clearing}: Henan's annual cross-region clearing (henan-2023 三(四)). With
 * {@code --cost} the province centre clears the year (again with the same figures: the first clearing); without, the
 * year's clearing is printed, each line with its derivation in the clerk's citation form. A prototype bean: each run
 * parses into fresh option fields.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "annual-clearing", mixinStandardHelpOptions = true,
        description = "异地就医资金年度清算（按统筹区和险种：结余抵扣当年资金，不足在下次分配中补足）")
class AnnualClearingCommand implements Runnable, NestedSubcommand {

    private final CrossRegionAnnualClearing clearing;
    private final Citations citations;

    @Spec
    CommandSpec spec;

    @Option(names = "--year", required = true, description = "清算年度（上年度）")
    int year;

    @Option(names = "--cost", description = "统筹区:险种:清算费用（元），如 411500:390:1234567.89；可重复")
    List<String> costs = new ArrayList<>();

    @Option(names = "--source", description = "清算费用来源")
    String source;

    @Option(names = "--date", description = "清算日期 YYYY-MM-DD")
    LocalDate date;

    @Mixin
    ActingAs who;

    AnnualClearingCommand(CrossRegionAnnualClearing clearing, Citations citations) {
        this.clearing = clearing;
        this.citations = citations;
    }

    @Override
    public String parent() {
        return "crossregion";
    }

    @Override
    public void run() {
        Actor actor = who.actor();
        AnnualClearing done = costs.isEmpty()
                ? clearing.clearing(year, actor).orElseThrow(() -> Rejection.notFound("crossregion.clearing-not-found",
                        "year", year + " 年度异地就医资金尚未清算"))
                : clearing.clear(new CrossRegionAnnualClearing.ClearingDraft(year, parse(costs), source, date), actor);
        PrintWriter out = spec.commandLine().getOut();
        out.printf("%d 年度异地就医资金年度清算：应于 %s 前完成，%s 完成%s（%s）%n", done.year(), done.dueDate(),
                done.clearedOn(), done.late() ? "（逾期）" : "", citations.text(done.citation()));
        for (ClearingLine l : done.lines()) {
            out.printf("  %s %s：上年资金 %s 元，清算费用 %s 元，%s %s 元%s%n", l.regionName(), l.insuranceTypeName(),
                    l.funded().toYuanText(), l.cleared().toYuanText(), l.outcome().label(),
                    l.balance().abs().toYuanText(), l.outcome() == ClearingOutcome.BALANCED ? ""
                            : "，计入" + l.targetLabel());
            out.printf("    %s%n", citations.text(l.derivation().explain()));
        }
    }

    private static List<ClearedCost> parse(List<String> texts) {
        List<ClearedCost> parsed = new ArrayList<>();
        for (String text : texts) {
            String[] parts = text.split(":");
            if (parts.length != 3) {
                throw new Rejection("crossregion.cost-invalid", "--cost", "清算费用格式应为 统筹区:险种:金额：" + text);
            }
            try {
                parsed.add(new ClearedCost(parts[0].strip(), parts[1].strip(), Money.ofYuan(parts[2].strip())));
            } catch (IllegalArgumentException e) {
                throw new Rejection("crossregion.cost-invalid", "--cost", "清算费用金额应为元，最多两位小数：" + text);
            }
        }
        return parsed;
    }
}

package org.medfund.cli.prepayment;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.concurrent.Callable;
import org.medfund.cli.NestedSubcommand;
import org.medfund.common.Rejection;
import org.medfund.prepayment.RegionPlanPayments;
import org.medfund.prepayment.RegionPlanPayments.PlanPayment;
import org.medfund.registry.Actor;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medfund prepayment region-plan-money}: the money of Henan's region plans (henan-2023 二(二)). Without
 * {@code --plan} it lists a year's plans with what their netting moves and where the transfer stands; with
 * {@code --plan} and {@code --pay} the payer moves it, with {@code --receive} the payee confirms its arrival. A
 * prototype bean: each run parses into fresh option fields.
 */
@Component
@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
@Command(name = "region-plan-money", mixinStandardHelpOptions = true,
        description = "省内异地就医预拨计划的资金划拨（轧差补拨或收回）与到账确认（河南 二(二)）")
class RegionPlanPaymentCommand implements Callable<Integer>, NestedSubcommand {

    private final RegionPlanPayments payments;
    private final Registry registry;

    @Spec
    CommandSpec spec;

    @Option(names = "--year", description = "计划年度（列出时必填）")
    Integer year;

    @Option(names = "--plan", description = "预拨计划编号，如 RP-2025-411500-310")
    String plan;

    @Option(names = "--pay", description = "划拨（补拨由省财政厅，收回由统筹区经办机构）")
    boolean pay;

    @Option(names = "--receive", description = "确认到账（收款方）")
    boolean receive;

    @Option(names = "--date", description = "业务日期 YYYY-MM-DD")
    LocalDate date;

    @Option(names = "--org", required = true)
    String org;

    @Option(names = "--user", required = true)
    String user;

    RegionPlanPaymentCommand(RegionPlanPayments payments, Registry registry) {
        this.payments = payments;
        this.registry = registry;
    }

    @Override
    public String parent() {
        return "prepayment";
    }

    @Override
    public Integer call() {
        Actor actor = new Actor(user, org, EnumSet.allOf(Role.class));
        PrintWriter out = spec.commandLine().getOut();
        if (plan == null) {
            if (year == null) {
                throw new Rejection("prepayment.year-missing", "--year", "请用 --year 指定计划年度，或用 --plan 指定计划");
            }
            payments.payments(year, actor).forEach(p -> print(out, p));
            return 0;
        }
        if (pay == receive) {
            throw new Rejection("prepayment.action-missing", "--pay", "请指定 --pay（划拨）或 --receive（确认到账）之一");
        }
        print(out, pay ? payments.pay(plan, date, actor) : payments.confirmReceipt(plan, date, actor));
        return 0;
    }

    private void print(PrintWriter out, PlanPayment p) {
        out.printf("%s %s %s：%s %s 元，%s%s%n", p.planId(), p.regionName(),
                registry.insuranceType(p.insuranceType()).map(t -> t.name()).orElse(p.insuranceType()),
                p.move().label(), p.amount().toYuanText(), p.state().label(),
                p.receivedOn() != null ? "（" + p.receivedOn() + " 到账）" : p.sentOn() != null ? "（" + p.sentOn()
                        + " 划拨）" : "");
    }
}

package org.medfund.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.EnumSet;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.prepayment.Prepayments;
import org.medfund.prepayment.Recoveries;
import org.medfund.prepayment.RecoveryTrigger;
import org.medfund.prepayment.RegionPlans;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medfund prepayment …}: Henan sizing, approval, disbursement, clearing, recovery, the register, the bank file
 * and the ledger invariant check. Every command acts as {@code --user} of {@code --org} (batch operator), so the
 * maker-checker rule applies on the command line too.
 */
@Component
@Command(name = "prepayment", mixinStandardHelpOptions = true, description = "医保基金预付金（预拨、审核、拨付、清算、收回）")
class PrepaymentCommand implements Runnable, MedfundSubcommand {

    @Spec
    CommandSpec spec;

    private final Prepayments prepayments;
    private final Recoveries recoveries;
    private final RegionPlans regionPlans;

    PrepaymentCommand(Prepayments prepayments, Recoveries recoveries, RegionPlans regionPlans) {
        this.regionPlans = regionPlans;
        this.prepayments = prepayments;
        this.recoveries = recoveries;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    private PrintWriter out() {
        return spec.commandLine().getOut();
    }

    private static Actor actor(String org, String user) {
        return new Actor(user, org, EnumSet.allOf(Role.class));
    }

    @Command(name = "size", mixinStandardHelpOptions = true, description = "按政策包核定统筹区内医疗机构预拨额度（河南：上年月均 × 1.5，轧差）")
    void size(@Option(names = "--region", required = true) String region,
              @Option(names = "--year", required = true) int year,
              @Option(names = "--date", required = true) LocalDate date,
              @Option(names = "--org", required = true) String org,
              @Option(names = "--user", required = true) String user) {
        for (Prepayments.Outcome outcome : prepayments.sizeRegion(region, year, date, actor(org, user))) {
            if (outcome.prepaymentId() == null) {
                out().printf("%s %s 不预拨：%s%n", outcome.hospitalCode(), outcome.insuranceType(),
                        String.join("；", outcome.refusals()));
            } else {
                Prepayments.Prepayment row = prepayments.prepayment(outcome.prepaymentId(), actor(org, user));
                out().printf("%s 核定 %s 元，上年余额 %s 元，应补拨 %s 元，应收回 %s 元%n  %s%n", row.id(),
                        row.sized().toYuanText(), row.outstandingBefore().toYuanText(), row.toPay().toYuanText(),
                        row.toRecover().toYuanText(), row.derivation().explain());
            }
        }
    }

    @Command(name = "region-plans", mixinStandardHelpOptions = true, description = "省医保中心生成各统筹区省内异地就医统筹基金预拨计划（河南 二(二)）")
    void regionPlans(@Option(names = "--year", required = true) int year,
                     @Option(names = "--date", required = true) LocalDate date,
                     @Option(names = "--org", required = true) String org,
                     @Option(names = "--user", required = true) String user) {
        for (RegionPlans.RegionPlan p : regionPlans.generate(year, date, actor(org, user))) {
            out().printf("%s %s（%s）险种 %s 预拨 %s 元，上年 %s 元，轧差 %s 元%n  %s%n", p.id(), p.regionName(),
                    p.regionCode(), p.insuranceType(), p.sized().toYuanText(), p.previous().toYuanText(),
                    p.difference().toYuanText(), p.derivation().explain());
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "复核通过（复核人不能是经办人）")
    void approve(@Option(names = "--id", required = true) String id,
                 @Option(names = "--date", required = true) LocalDate date,
                 @Option(names = "--org", required = true) String org,
                 @Option(names = "--user", required = true) String user) {
        Prepayments.Prepayment row = prepayments.approve(id, date, actor(org, user));
        out().printf("%s 已复核，复核人 %s%n", row.id(), row.approvedBy());
    }

    @Command(name = "disburse", mixinStandardHelpOptions = true, description = "拨付（记账：借 暂付款—医保预付金，贷 支出户存款）")
    void disburse(@Option(names = "--id", required = true) String id,
                  @Option(names = "--date", required = true) LocalDate date,
                  @Option(names = "--excess-by-return", description = "轧差多出部分由医院交回（默认从结算冲抵）")
                  boolean byReturn,
                  @Option(names = "--org", required = true) String org,
                  @Option(names = "--user", required = true) String user,
                  @Option(names = "--request-id", required = true) String requestId) {
        Prepayments.Prepayment row = prepayments.disburse(id, date, !byReturn, actor(org, user), requestId);
        out().printf("%s 状态 %s，拨付 %s 元%n", row.id(), row.status(), row.toPay().toYuanText());
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, description = "年终清算（信阳第六条（五）：全额冲抵或全额交回）")
    void clear(@Option(names = "--id", required = true) String id,
               @Option(names = "--date", required = true) LocalDate date,
               @Option(names = "--org", required = true) String org,
               @Option(names = "--user", required = true) String user) {
        Recoveries.Recovery clearing = recoveries.clear(id, date, actor(org, user));
        out().println(clearing == null ? id + " 无余额，已清算"
                : clearing.id() + " 待清算 " + clearing.amount().toYuanText() + " 元，截止 " + clearing.returnDue());
    }

    @Command(name = "recover", mixinStandardHelpOptions = true, description = "登记收回情形（信阳第十条九种情形）")
    void recover(@Option(names = "--hospital", required = true) String hospital,
                 @Option(names = "--fund", required = true) String fund,
                 @Option(names = "--trigger", required = true, description = "${COMPLETION-CANDIDATES}")
                 RecoveryTrigger trigger,
                 @Option(names = "--evidence", required = true) String evidence,
                 @Option(names = "--date", required = true) LocalDate date,
                 @Option(names = "--org", required = true) String org,
                 @Option(names = "--user", required = true) String user) {
        Recoveries.Recovery recovery = recoveries.raise(hospital, fund, trigger, evidence, date, actor(org, user));
        out().printf("%s 应收回 %s 元，退回期限 %s（%s）%n", recovery.id(), recovery.amount().toYuanText(),
                recovery.returnDue(), trigger.article());
    }

    @Command(name = "return", mixinStandardHelpOptions = true, description = "登记医院交回预付金（借 支出户存款，贷 暂付款—医保预付金）")
    void recordReturn(@Option(names = "--recovery", required = true) String recoveryId,
                      @Option(names = "--amount", required = true, description = "元") String amount,
                      @Option(names = "--date", required = true) LocalDate date,
                      @Option(names = "--org", required = true) String org,
                      @Option(names = "--user", required = true) String user,
                      @Option(names = "--request-id", required = true) String requestId) {
        Money money;
        try {
            money = Money.ofYuan(amount);
        } catch (IllegalArgumentException e) {
            throw new Rejection("prepayment.amount-invalid", "amount", "金额格式不正确：" + amount);
        }
        Recoveries.Recovery recovery = recoveries.recordReturn(recoveryId, money, date, actor(org, user), requestId);
        out().printf("%s 已收回 %s 元，状态 %s%n", recovery.id(), recovery.recovered().toYuanText(), recovery.status());
    }

    @Command(name = "register", mixinStandardHelpOptions = true, description = "预付金台账")
    void register(@Option(names = "--year") Integer year, @Option(names = "--hospital") String hospital,
                  @Option(names = "--org", required = true) String org) {
        for (Prepayments.Prepayment row : prepayments.register(new Prepayments.Filter(year, hospital, null, null,
                null), Actor.system(org))) {
            out().printf("%s\t%s\t%s\t%s\t%s\t%s%n", row.id(), row.packId(), row.status(), row.sized().toYuanText(),
                    row.toPay().toYuanText(), prepayments.outstanding(row.hospitalCode(), row.insuranceType())
                            .toYuanText());
        }
    }

    @Command(name = "payment-file", mixinStandardHelpOptions = true,
            description = "导出网上支付文件（CSV 输出到屏幕，或 --out 文件：.xlsx 或 .csv）")
    void paymentFile(@Option(names = "--payer", required = true) String payer,
                     @Option(names = "--date", required = true) LocalDate date,
                     @Option(names = "--out", description = "写入文件；扩展名 .xlsx 为 Excel，否则为 CSV") Path file)
            throws IOException {
        Actor actor = Actor.system(payer);
        if (file == null) {
            // Without the byte-order mark that the file version carries for Excel.
            out().print(new String(prepayments.paymentFileCsv(payer, date, actor), StandardCharsets.UTF_8)
                    .replace("\uFEFF", ""));
            out().flush();
            return;
        }
        boolean xlsx = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
        Files.write(file, xlsx ? prepayments.paymentFileXlsx(payer, date, actor)
                : prepayments.paymentFileCsv(payer, date, actor));
        out().println("已写入 " + file + "（" + prepayments.paymentFile(payer, date, actor).size() + " 笔）");
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "核对：各医院各险种 暂付款—医保预付金 余额 = 拨付 − 收回 − 核销 = 台账")
    int check(@Option(names = "--as-of", required = true) LocalDate asOf) {
        var breaks = prepayments.invariantBreaks(asOf);
        for (Prepayments.InvariantBreak b : breaks) {
            out().printf("不一致 %s %s %s：账簿 %s，台账 %s%n", b.payerOrgCode(), b.hospitalCode(), b.insuranceType(),
                    b.ledger().toYuanText(), b.register().toYuanText());
        }
        out().println(breaks.isEmpty() ? "预付金账实一致" : "发现 " + breaks.size() + " 处不一致");
        return breaks.isEmpty() ? 0 : 1;
    }
}

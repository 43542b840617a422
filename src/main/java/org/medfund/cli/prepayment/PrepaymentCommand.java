package org.medfund.cli.prepayment;

import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.medfund.cli.ActingAs;
import org.medfund.cli.GroupCommand;
import org.medfund.cli.MedfundSubcommand;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.prepayment.Agreement;
import org.medfund.prepayment.AgreementRecord;
import org.medfund.prepayment.Agreements;
import org.medfund.prepayment.EffectiveFundStatus;
import org.medfund.prepayment.FundFigures;
import org.medfund.prepayment.FundMonth;
import org.medfund.prepayment.FundRecord;
import org.medfund.prepayment.FundStatus;
import org.medfund.prepayment.FundStatuses;
import org.medfund.prepayment.InvariantBreak;
import org.medfund.prepayment.Prepayment;
import org.medfund.prepayment.Prepayments;
import org.medfund.prepayment.Recoveries;
import org.medfund.prepayment.Recovery;
import org.medfund.prepayment.RecoveryTrigger;
import org.medfund.prepayment.RegionPlan;
import org.medfund.prepayment.RegionPlans;
import org.medfund.prepayment.RegisterFilter;
import org.medfund.prepayment.SizingOutcome;
import org.medfund.registry.Actor;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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
class PrepaymentCommand extends GroupCommand implements MedfundSubcommand {


    private final Prepayments prepayments;
    private final Recoveries recoveries;
    private final RegionPlans regionPlans;
    private final Agreements agreements;
    private final FundStatuses fundStatuses;

    PrepaymentCommand(Prepayments prepayments, Recoveries recoveries, RegionPlans regionPlans, Agreements agreements,
                      FundStatuses fundStatuses) {
        this.agreements = agreements;
        this.fundStatuses = fundStatuses;
        this.regionPlans = regionPlans;
        this.prepayments = prepayments;
        this.recoveries = recoveries;
    }


    private PrintWriter out() {
        return spec.commandLine().getOut();
    }


    @Command(name = "size", mixinStandardHelpOptions = true, description = "按政策包核定统筹区内医疗机构预拨额度（河南：上年月均 × 1.5，轧差）")
    void size(@Option(names = "--region", required = true) String region,
              @Option(names = "--year", required = true) int year,
              @Option(names = "--date", required = true) LocalDate date,
              @Mixin ActingAs who) {
        for (SizingOutcome outcome : prepayments.sizeRegion(region, year, date, who.actor())) {
            if (outcome.prepaymentId() == null) {
                out().printf("%s %s 不预拨：%s%n", outcome.hospitalCode(), outcome.insuranceType(),
                        String.join("；", outcome.refusals()));
            } else {
                Prepayment row = prepayments.prepayment(outcome.prepaymentId(), who.actor());
                out().printf("%s 核定 %s 元，上年余额 %s 元，应补拨 %s 元，应收回 %s 元%n  %s%n", row.id(),
                        row.sized().toYuanText(), row.outstandingBefore().toYuanText(), row.toPay().toYuanText(),
                        row.toRecover().toYuanText(), row.derivation().explain());
            }
        }
    }

    @Command(name = "region-plans", mixinStandardHelpOptions = true, description = "省医保中心生成各统筹区省内异地就医统筹基金预拨计划（河南 二(二)）")
    void regionPlans(@Option(names = "--year", required = true) int year,
                     @Option(names = "--date", required = true) LocalDate date,
                     @Mixin ActingAs who) {
        for (RegionPlan p : regionPlans.generate(year, date, who.actor())) {
            out().printf("%s %s（%s）险种 %s 预拨 %s 元，上年 %s 元，轧差 %s 元%n  %s%n", p.id(), p.regionName(),
                    p.regionCode(), p.insuranceType(), p.sized().toYuanText(), p.previous().toYuanText(),
                    p.difference().toYuanText(), p.derivation().explain());
        }
    }

    @Command(name = "approve", mixinStandardHelpOptions = true, description = "复核通过（复核人不能是经办人）")
    void approve(@Option(names = "--id", required = true) String id,
                 @Option(names = "--date", required = true) LocalDate date,
                 @Mixin ActingAs who) {
        Prepayment row = prepayments.approve(id, date, who.actor());
        out().printf("%s 已复核，复核人 %s%n", row.id(), row.approvedBy());
    }

    @Command(name = "disburse", mixinStandardHelpOptions = true, description = "拨付（记账：借 暂付款—医保预付金，贷 支出户存款）")
    void disburse(@Option(names = "--id", required = true) String id,
                  @Option(names = "--date", required = true) LocalDate date,
                  @Option(names = "--excess-by-return", description = "轧差多出部分由医院交回（默认从结算冲抵）")
                  boolean byReturn,
                  @Mixin ActingAs who,
                  @Option(names = "--request-id", required = true) String requestId) {
        Prepayment row = prepayments.disburse(id, date, !byReturn, who.actor(), requestId);
        out().printf("%s 状态 %s，拨付 %s 元%n", row.id(), row.status().label(), row.toPay().toYuanText());
    }

    @Command(name = "clear", mixinStandardHelpOptions = true, description = "年终清算（信阳第六条（五）：全额冲抵或全额交回）")
    void clear(@Option(names = "--id", required = true) String id,
               @Option(names = "--date", required = true) LocalDate date,
               @Mixin ActingAs who) {
        Recovery clearing = recoveries.clear(id, date, who.actor());
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
                 @Mixin ActingAs who) {
        Recovery recovery = recoveries.raise(hospital, fund, trigger, evidence, date, who.actor());
        out().printf("%s 应收回 %s 元，退回期限 %s（%s）%n", recovery.id(), recovery.amount().toYuanText(),
                recovery.returnDue(), trigger.article());
    }

    @Command(name = "return", mixinStandardHelpOptions = true, description = "登记医院交回预付金（借 支出户存款，贷 暂付款—医保预付金）")
    void recordReturn(@Option(names = "--recovery", required = true) String recoveryId,
                      @Option(names = "--amount", required = true, description = "元") String amount,
                      @Option(names = "--date", required = true) LocalDate date,
                      @Mixin ActingAs who,
                      @Option(names = "--request-id", required = true) String requestId) {
        Recovery recovery = recoveries.recordReturn(recoveryId, yuan(amount, "amount"), date,
                who.actor(), requestId);
        out().printf("%s 已收回 %s 元，状态 %s%n", recovery.id(), recovery.recovered().toYuanText(), recovery.status().label());
    }

    @Command(name = "unrecoverable", mixinStandardHelpOptions = true,
            description = "认定预付金无法收回（信阳第十一条）：自认定日起停止拨付该医疗机构医保结算费用")
    void unrecoverable(@Option(names = "--recovery", required = true) String recoveryId,
                       @Option(names = "--reason", required = true, description = "无法收回的事实与依据") String reason,
                       @Option(names = "--date", required = true) LocalDate date,
                       @Mixin ActingAs who) {
        Recovery recovery = recoveries.unrecoverable(recoveryId, reason, date, who.actor());
        out().printf("%s 已认定无法收回 %s 元，%s 起停止拨付结算费用%n", recovery.id(), recovery.remaining().toYuanText(),
                recovery.court().decidedOn());
    }

    @Command(name = "court-application", mixinStandardHelpOptions = true, description = "登记向法院申请强制执行（第十一条）")
    void courtApplication(@Option(names = "--recovery", required = true) String recoveryId,
                          @Option(names = "--court", required = true, description = "受理法院") String court,
                          @Option(names = "--case-no", required = true, description = "案号") String caseNo,
                          @Option(names = "--date", required = true, description = "申请日期") LocalDate date,
                          @Mixin ActingAs who) {
        Recovery recovery = recoveries.courtApplication(recoveryId, date, court, caseNo, who.actor());
        out().printf("%s %s 向%s申请强制执行，案号 %s%n", recovery.id(), date, recovery.court().court(),
                recovery.court().caseNo());
    }

    @Command(name = "court-document", mixinStandardHelpOptions = true,
            description = "登记法院出具的法律文书及确认的预付金损失金额（第十一条）")
    void courtDocument(@Option(names = "--recovery", required = true) String recoveryId,
                       @Option(names = "--document", required = true, description = "法律文书") String document,
                       @Option(names = "--loss", required = true, description = "确认的损失金额（元）") String loss,
                       @Option(names = "--date", required = true, description = "文书日期") LocalDate date,
                       @Mixin ActingAs who) {
        Recovery recovery = recoveries.courtDocument(recoveryId, document, date, yuan(loss, "loss"),
                who.actor());
        out().printf("%s 法院文书已登记，确认损失 %s 元%n", recovery.id(), recovery.court().loss().toYuanText());
    }

    @Command(name = "write-off", mixinStandardHelpOptions = true,
            description = "核销（第十一条、第十五条：借 其他支出，贷 暂付款—医保预付金；备查簿登记；审批人不能是经办人）")
    void writeOff(@Option(names = "--recovery", required = true) String recoveryId,
                  @Option(names = "--approval-document", required = true, description = "人民政府批准核销的文件")
                  String approval,
                  @Option(names = "--date", required = true) LocalDate date,
                  @Mixin ActingAs who,
                  @Option(names = "--request-id", required = true) String requestId) {
        Recovery recovery = recoveries.writeOff(recoveryId, approval, date, who.actor(), requestId);
        out().printf("%s 已核销，状态 %s%n", recovery.id(), recovery.status().label());
    }

    @Command(name = "agreement-record", mixinStandardHelpOptions = true,
            description = "登记服务协议（预付金条款）或其新版本（终止、更正），须附依据；另一名复核人确认后生效")
    void agreementRecord(@Option(names = "--hospital", required = true) String hospital,
                         @Option(names = "--agreement-no", required = true) String agreementNo,
                         @Option(names = "--valid-from", required = true) LocalDate validFrom,
                         @Option(names = "--valid-until", description = "终止日期；长期有效不填") LocalDate validUntil,
                         @Option(names = "--terms", required = true, description = "预付金条款") String terms,
                         @Option(names = "--community-factor", description = "县域紧密型医共体成员的预拨倍数")
                         BigDecimal communityFactor,
                         @Option(names = "--evidence", required = true) String evidence,
                         @Mixin ActingAs who,
                         @Option(names = "--request-id", required = true) String requestId) {
        AgreementRecord recorded = agreements.record(new Agreement(hospital, agreementNo, validFrom,
                validUntil, terms, communityFactor != null, communityFactor), evidence, who.actor(), requestId);
        out().printf("协议登记 %d：%s %s，%s，待复核%n", recorded.id(), hospital, agreementNo, recorded.review().label());
    }

    @Command(name = "agreement-confirm", mixinStandardHelpOptions = true, description = "复核确认服务协议登记（复核人不能是登记人）")
    void agreementConfirm(@Option(names = "--id", required = true) long id,
                          @Option(names = "--date", required = true) LocalDate date,
                          @Mixin ActingAs who) {
        AgreementRecord recorded = agreements.confirm(id, date, who.actor());
        out().printf("协议登记 %d 已复核（%s），%s 起生效%n", recorded.id(), recorded.review().confirmedBy(),
                recorded.agreement().validFrom());
    }

    @Command(name = "agreements", mixinStandardHelpOptions = true, description = "医疗机构服务协议的各次登记")
    void agreementList(@Option(names = "--hospital", required = true) String hospital,
                       @Option(names = "--org", required = true) String org) {
        for (AgreementRecord r : agreements.records(hospital, Actor.system(org))) {
            out().printf("%d	%s	%s	%s	%s	%s%n", r.id(), r.agreement().agreementNo(), r.agreement().validFrom(),
                    r.agreement().validUntil() == null ? "长期" : r.agreement().validUntil(), r.review().label(),
                    r.evidence());
        }
    }

    @Command(name = "fund-status-record", mixinStandardHelpOptions = true,
            description = "登记第七条基金状况（信阳）：CSV 文件每行“月份,收入,支出”（元）；账簿已完整记载上年数据时可只给 --forecast")
    void fundStatusRecord(@Option(names = "--region", required = true) String region,
                          @Option(names = "--fund", required = true) String fund,
                          @Option(names = "--year", required = true) int year,
                          @Option(names = "--balance", description = "上年末累计结余（元）") String balance,
                          @Option(names = "--last-year", description = "上年 12 个月收支 CSV 文件") Path lastYear,
                          @Option(names = "--forecast", required = true, description = "本年滚动预测 CSV 文件")
                          Path forecast,
                          @Option(names = "--evidence", required = true) String evidence,
                          @Option(names = "--date", required = true) LocalDate date,
                          @Mixin ActingAs who,
                          @Option(names = "--request-id", required = true) String requestId) throws IOException {
        FundFigures figures = new FundFigures(balance == null ? null : yuan(balance, "balance"),
                lastYear == null ? java.util.List.of() : months(lastYear, "last-year"), months(forecast, "forecast"));
        FundRecord recorded = fundStatuses.record(region, fund, year, figures, evidence, date,
                who.actor(), requestId);
        out().printf("基金状况登记 %d：%s 险种 %s %d 年，%s%n", recorded.id(), region, fund, year,
                recorded.review().label());
    }

    @Command(name = "fund-status-confirm", mixinStandardHelpOptions = true, description = "复核确认基金状况登记（复核人不能是登记人）")
    void fundStatusConfirm(@Option(names = "--id", required = true) long id,
                           @Mixin ActingAs who) {
        FundRecord recorded = fundStatuses.confirm(id, who.actor());
        out().printf("基金状况登记 %d 已复核（%s）%n", recorded.id(), recorded.review().confirmedBy());
    }

    @Command(name = "fund-status", mixinStandardHelpOptions = true, description = "第七条判断所用的基金状况及其来源（账簿或经复核的登记）")
    void fundStatusShow(@Option(names = "--region", required = true) String region,
                        @Option(names = "--fund", required = true) String fund,
                        @Option(names = "--year", required = true) int year) {
        EffectiveFundStatus effective = fundStatuses.effective(region, fund, year);
        FundStatus status = effective.status();
        out().printf("%s 险种 %s %d 年：累计结余 %s 元，来源 %s（滚动预测取登记 %d）%n", region, fund, year,
                status.accumulatedBalance().toYuanText(), effective.source().label(), effective.record().id());
        for (FundMonth m : status.lastYear()) {
            out().printf("  %s 收入 %s 支出 %s%n", m.month(), m.income().toYuanText(), m.expenditure().toYuanText());
        }
    }

    /** Month lines "2025-01,53000000.00,52000000.00" (a header line starting with a letter is skipped). */
    private static java.util.List<FundMonth> months(Path file, String field) throws IOException {
        java.util.List<FundMonth> months = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String text = line.replace("\uFEFF", "").strip();
            if (text.isEmpty() || Character.isLetter(text.charAt(0))) {
                continue;
            }
            String[] parts = text.split("\\s*,\\s*");
            if (parts.length != 3) {
                throw new Rejection("prepayment.fund-window", field, "每行须为“月份,收入,支出”：" + text);
            }
            java.time.YearMonth month;
            try {
                month = java.time.YearMonth.parse(parts[0]);
            } catch (java.time.format.DateTimeParseException e) {
                throw new Rejection("prepayment.fund-window", field, "月份格式须为 YYYY-MM：" + parts[0]);
            }
            months.add(new FundMonth(month, yuan(parts[1], field), yuan(parts[2], field)));
        }
        return months;
    }

    private static Money yuan(String text, String field) {
        try {
            return Money.ofYuan(text);
        } catch (IllegalArgumentException e) {
            throw new Rejection("prepayment.amount-invalid", field, "金额格式不正确：" + text);
        }
    }

    @Command(name = "register", mixinStandardHelpOptions = true, description = "预付金台账")
    void register(@Option(names = "--year") Integer year, @Option(names = "--hospital") String hospital,
                  @Option(names = "--org", required = true) String org) {
        for (Prepayment row : prepayments.register(new RegisterFilter(year, hospital, null, null,
                null), Actor.system(org))) {
            out().printf("%s\t%s\t%s\t%s\t%s\t%s%n", row.id(), row.packId(), row.status().label(), row.sized().toYuanText(),
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
        for (InvariantBreak b : breaks) {
            out().printf("不一致 %s %s %s：账簿 %s，台账 %s%n", b.payerOrgCode(), b.hospitalCode(), b.insuranceType(),
                    b.ledger().toYuanText(), b.register().toYuanText());
        }
        out().println(breaks.isEmpty() ? "预付金账实一致" : "发现 " + breaks.size() + " 处不一致");
        return breaks.isEmpty() ? 0 : 1;
    }
}

package org.medfund.crossregion;

/**
 * What the annex 1 timetable obliges someone to do, with the pack rule that gives its due date and who owes it
 * (guizhou-2017 附件一). A regime whose pack lacks a kind's rule has no such obligation; the period a rule is applied
 * to is the month named in the rule's note (the quarter's first or second month, February, or each month).
 */
public enum ObligationKind {
    QUOTA_SIZING("核定本季度预付金并发布明细表和收款通知书", "crossregion.quarter-sizing-by", Party.CENTRE),
    CITY_CONFIRM("确认预付金并提交同级财政部门", "crossregion.city-confirm-by", Party.CITY_AGENCY),
    CITY_REMIT("预付金上解至省级财政专户", "crossregion.city-remit-by", Party.CITY_FINANCE),
    NATIONAL_SHEET("下载全国跨省异地就医费用预付金明细表和额度调整通知书", "crossregion.national-sheet-by", Party.CENTRE),
    NATIONAL_TO_FINANCE("跨省预付金确认后提交省级财政部门", "crossregion.national-to-finance-by", Party.CENTRE),
    NATIONAL_PAID("完成相关省份预付金收付", "crossregion.national-paid-by", Party.PROVINCE_FINANCE),
    IN_PROVINCE_PLAN("生成省内异地就医预付金用款计划", "crossregion.in-province-plan-by", Party.CENTRE),
    IN_PROVINCE_TRANSFER("划转省级经办机构异地就医存款账户", "crossregion.in-province-transfer-by",
            Party.PROVINCE_FINANCE),
    MONTHLY_CLEARING_DOWNLOAD("下载并确认全国异地就医费用清算明细和付款/收款通知书",
            "crossregion.monthly-clearing-download-by", Party.CENTRE),
    MONTHLY_CLEARING_TO_FINANCE("跨省清算提交省级财政部门审核", "crossregion.monthly-clearing-to-finance-by",
            Party.CENTRE),
    MONTHLY_CLEARING_PAY("审核并完成跨省清算资金划拨", "crossregion.monthly-clearing-pay-within-working-days",
            Party.PROVINCE_FINANCE),
    QUARTERLY_CLEARING_PUBLISH("生成并发布省内异地就医费用清算明细和拨付通知书",
            "crossregion.quarterly-clearing-publish-by", Party.CENTRE),
    QUARTERLY_CLEARING_CONFIRM("确认省内清算并冲销预付金", "crossregion.quarterly-clearing-confirm-by",
            Party.CITY_AGENCY),
    QUARTERLY_CLEARING_POST("依据市州确认的清算情况冲销市州预付金", "crossregion.quarterly-clearing-post-by",
            Party.CENTRE),
    BANK_VOUCHER("开户银行提供记账凭证", "crossregion.bank-voucher-within-working-days", Party.PROVINCE_FINANCE),
    RECEIPT_CONFIRM("在平台进行收付款确认", "crossregion.receipt-confirm-by", Party.CENTRE);

    /** Who owes an obligation. */
    public enum Party { CENTRE, PROVINCE_FINANCE, CITY_AGENCY, CITY_FINANCE }

    private final String label;
    private final String rule;
    private final Party party;

    ObligationKind(String label, String rule, Party party) {
        this.label = label;
        this.rule = rule;
        this.party = party;
    }

    public String label() {
        return label;
    }

    /** The pack rule of the due date: a deadline rule, or a number of working days after the triggering event. */
    public String rule() {
        return rule;
    }

    public Party party() {
        return party;
    }

    /** Due a number of working days after an event (a receipt, an arrival), not on a calendar day of a period. */
    public boolean relative() {
        return rule.endsWith("-within-working-days");
    }
}

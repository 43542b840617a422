package org.medfund.prepayment;

/**
 * The nine situations in which the agency recovers a prepayment (seed 002 art. 10). For (一)–(五) the hospital
 * must return the full amount within 10 working days, after which the agency offsets it from settlements; for the
 * others the agency recovers at once, by offset or return.
 */
public enum RecoveryTrigger {
    AGREEMENT_ENDED("一", "被中止或解除医保协议", 10),
    SPLIT_OR_MERGER("二", "分立或合并", 10),
    OWNERSHIP_CHANGE("三", "发生产权交易、所有制形式变化或注销等重大事项变更可能造成基金风险", 10),
    ASSETS_PRESERVED("四", "有财产被保全", 10),
    UNPAID_JUDGEMENT_DEBT("五", "有未履行完毕生效法律文书确认的运营债务", 10),
    FRAUDULENT_ELIGIBILITY("六", "隐瞒事实、弄虚作假等获得拨付资格", 0),
    MISUSE("七", "违反预付金使用、管理和核算相关规定", 0),
    OFF_PLATFORM_PURCHASE("八", "公立医疗机构未按规定在省级集中采购平台采购全部所需药品耗材", 0),
    AGREEMENT_CLAUSE("九", "医保服务协议约定应当收回预付金的其他情形", 0);

    private final String item;
    private final String text;
    private final int returnWithinWorkingDays;

    RecoveryTrigger(String item, String text, int returnWithinWorkingDays) {
        this.item = item;
        this.text = text;
        this.returnWithinWorkingDays = returnWithinWorkingDays;
    }

    /** "seed 002 art. 10(七)". */
    public String article() {
        return "seed 002 art. 10(" + item + ")";
    }

    public String text() {
        return text;
    }

    /** Working days the hospital has to return the money itself before offsets start; 0 = recover at once. */
    public int returnWithinWorkingDays() {
        return returnWithinWorkingDays;
    }
}

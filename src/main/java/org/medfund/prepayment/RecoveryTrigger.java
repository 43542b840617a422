package org.medfund.prepayment;

/**
 * The nine situations in which the agency recovers a prepayment (xinyang-2025 art. 10). Which of them a pack knows, and
 * which give the hospital working days to return the money itself before offsets start ((一)–(五), 10 working days),
 * are pack parameters ({@link Regime#recoveryTriggers}, {@link Regime#returnWorkingDays}).
 */
public enum RecoveryTrigger {
    AGREEMENT_ENDED("一", "被中止或解除医保协议"),
    SPLIT_OR_MERGER("二", "分立或合并"),
    OWNERSHIP_CHANGE("三", "发生产权交易、所有制形式变化或注销等重大事项变更可能造成基金风险"),
    ASSETS_PRESERVED("四", "有财产被保全"),
    UNPAID_JUDGEMENT_DEBT("五", "有未履行完毕生效法律文书确认的运营债务"),
    FRAUDULENT_ELIGIBILITY("六", "隐瞒事实、弄虚作假等获得拨付资格"),
    MISUSE("七", "违反预付金使用、管理和核算相关规定"),
    OFF_PLATFORM_PURCHASE("八", "公立医疗机构未按规定在省级集中采购平台采购全部所需药品耗材"),
    AGREEMENT_CLAUSE("九", "医保服务协议约定应当收回预付金的其他情形");

    private final String item;
    private final String text;

    RecoveryTrigger(String item, String text) {
        this.item = item;
        this.text = text;
    }

    /** The trigger of an item number as the pack writes it ("四"); an unknown item is a broken pack. */
    static RecoveryTrigger ofItem(String item) {
        for (RecoveryTrigger trigger : values()) {
            if (trigger.item.equals(item)) {
                return trigger;
            }
        }
        throw new IllegalStateException("xinyang-2025 art. 10 has no item " + item);
    }

    /** "xinyang-2025 art. 10(七)". */
    public String article() {
        return "xinyang-2025 art. 10(" + item + ")";
    }

    public String text() {
        return text;
    }
}

package org.medfund.prepayment;

/** The five conditions of xinyang-2025 art. 3, persisted by name in {@code prepayment_finding.condition_code}. */
public enum EligibilityCondition {
    AGREEMENT_AND_PERFORMANCE("一", "履行服务协议，正常结算满一个自然年度以上，上一协议年度无协议处理，绩效考核合格以上"),
    SOUND_FINANCES("二", "财务管理制度健全，经营状况正常，具有偿还能力，无财产保全、未履行债务、被执行情形"),
    COOPERATES_KEY_TASKS("三", "配合落实医保重点工作，连续12个月内无因落实不到位被约谈或通报"),
    COOPERATES_SUPERVISION("四", "配合基金监管检查，连续12个月内无被医保部门处罚，无因欺诈骗保被移送司法机关"),
    LAST_YEAR_RETURNED("五", "上一年度应交回的各类预付金已按要求交回");

    private final String item;
    private final String text;

    EligibilityCondition(String item, String text) {
        this.item = item;
        this.text = text;
    }

    /** The item number as the article writes it ("三"). */
    public String item() {
        return item;
    }

    public String article() {
        return "xinyang-2025 art. 3(" + item + ")";
    }

    public String text() {
        return text;
    }
}

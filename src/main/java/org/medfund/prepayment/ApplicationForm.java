package org.medfund.prepayment;

import org.medfund.common.Rejection;

/**
 * The hospital's application (xinyang-2025 annex template): six items of basic information and four commitments.
 * All six must be filled in and all four commitments given, or the application is not accepted.
 */
public record ApplicationForm(String basicInfo, String agreementPerformance, String finances, String keyTasks,
                              String supervision, String penaltiesIn12Months, boolean useAsRegulated,
                              boolean acceptLiability, boolean cooperateWithReturn, boolean truthful) {

    public static final int ITEM_LENGTH_MAX = 2000;

    public void validate() {
        require(basicInfo, "basicInfo", "一、1 基本信息");
        require(agreementPerformance, "agreementPerformance", "一、2 履行服务协议及绩效考核情况");
        require(finances, "finances", "一、3 财务管理制度、经营状况及偿还能力");
        require(keyTasks, "keyTasks", "一、4 配合落实医保重点工作情况");
        require(supervision, "supervision", "一、5 配合基金监管检查情况");
        require(penaltiesIn12Months, "penaltiesIn12Months", "一、6 12个月内处罚或移送司法情形");
        commit(useAsRegulated, "useAsRegulated", "二、1 专款专用");
        commit(acceptLiability, "acceptLiability", "二、2 违规承担责任");
        commit(cooperateWithReturn, "cooperateWithReturn", "二、3 配合退回预付金");
        commit(truthful, "truthful", "二、4 对真实性负责");
    }

    private static void require(String value, String field, String label) {
        if (value == null || value.isBlank() || value.length() > ITEM_LENGTH_MAX) {
            throw new Rejection("prepayment.form-incomplete", field,
                    "申请书“" + label + "”须填写（1 至 " + ITEM_LENGTH_MAX + " 字）");
        }
    }

    private static void commit(boolean given, String field, String label) {
        if (!given) {
            throw new Rejection("prepayment.commitment-missing", field, "申请书须作出承诺“" + label + "”");
        }
    }
}

package org.medfund.claims;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.medfund.common.Money;

/**
 * One settled visit (结算记录) as the hospital sent it, national field names in brackets. A reversal (冲正) is a
 * record of its own ({@code setl_id}) naming the reversed one in {@code refd_setl_id}; it is stored with the
 * reversed record's amounts negated, so sums over a period net it out.
 *
 * @param setlId {@code setl_id} 结算ID
 * @param visitId {@code mdtrt_id} 就诊ID
 * @param personNo {@code psn_no} 人员编号
 * @param hospitalCode {@code fixmedins_code} 定点医药机构编号
 * @param insuranceType {@code insutype} 险种类型 (310, 390, …)
 * @param medicalType {@code med_type} 医疗类别 (11 普通门诊, 21 普通住院, …)
 * @param clearingType {@code clr_type} 清算类别 (11 门诊, 21 住院, 41 药店, …)
 * @param clearingWay {@code clr_way} 清算方式
 * @param clearingAgencyRegion {@code clr_optins} 清算经办机构 (the agency's region code)
 * @param place {@code pay_loc} 支付地点类别 (2 医院 → local, 3 省内异地, 4 省外异地)
 * @param insuredRegion {@code insuplc_admdvs} 参保地医保区划
 * @param treatmentRegion {@code mdtrtarea_admvs} 就医地医保区划
 * @param settledAt {@code setl_time} 结算时间
 * @param medfeeSum {@code medfee_sumamt} 医疗费总额
 * @param pooledFundPay {@code hifp_pay} 基本医疗保险统筹基金支出
 * @param fundPaySum {@code fund_pay_sumamt} 基金支付总额
 * @param personPart {@code psn_part_amt} 个人负担总金额
 * @param accountPay {@code acct_pay} 个人账户支出
 * @param personCashPay {@code psn_cash_pay} 个人现金支出
 * @param hospitalPart {@code hosp_part_amt} 医院负担金额
 * @param fundDetail {@code setldetail} per-fund breakdown
 * @param reversesSetlId {@code refd_setl_id}: the setl_id this record reverses, null for a normal settlement
 */
public record SettlementRecord(String setlId, String visitId, String personNo, String hospitalCode,
                               String insuranceType, String medicalType, String clearingType, String clearingWay,
                               String clearingAgencyRegion, PlaceOfSettlement place, String insuredRegion,
                               String treatmentRegion, LocalDateTime settledAt, Money medfeeSum, Money pooledFundPay,
                               Money fundPaySum, Money personPart, Money accountPay, Money personCashPay,
                               Money hospitalPart, List<FundPay> fundDetail, String reversesSetlId) {

    public SettlementRecord {
        fundDetail = List.copyOf(fundDetail);
    }

    public boolean isReversal() {
        return reversesSetlId != null;
    }

    /** The month of {@code setl_time}; the stored period may be later (see the package doc). */
    public YearMonth settledMonth() {
        return YearMonth.from(settledAt);
    }
}

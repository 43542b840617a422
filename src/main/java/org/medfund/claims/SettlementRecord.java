package org.medfund.claims;

import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.medfund.common.Money;

/**
 * One settled visit (结算记录) as the hospital sent it, in three named parts (who and when, where it is cleared, the
 * amounts) plus the per-fund breakdown; national field names in brackets. A reversal (冲正) is a record of its own
 * ({@code setl_id}) naming the reversed one in {@code refd_setl_id}; it is stored with the reversed record's amounts
 * negated, so sums over a period net it out. The accessors of the parts' fields are repeated on the record, so a
 * reader writes {@code r.medfeeSum()} rather than {@code r.amounts().medfeeSum()}.
 *
 * @param fundDetail {@code setldetail} per-fund breakdown
 * @param reversesSetlId {@code refd_setl_id}: the setl_id this record reverses, null for a normal settlement
 */
public record SettlementRecord(Visit visit, Clearing clearing, Amounts amounts, List<FundPay> fundDetail,
                               String reversesSetlId) {

    public SettlementRecord {
        fundDetail = List.copyOf(fundDetail);
    }

    /**
     * Who was treated where and when.
     *
     * @param setlId {@code setl_id} 结算ID
     * @param visitId {@code mdtrt_id} 就诊ID
     * @param personNo {@code psn_no} 人员编号
     * @param hospitalCode {@code fixmedins_code} 定点医药机构编号
     * @param insuranceType {@code insutype} 险种类型 (310, 390, …)
     * @param medicalType {@code med_type} 医疗类别 (11 普通门诊, 21 普通住院, …)
     * @param settledAt {@code setl_time} 结算时间
     */
    public record Visit(String setlId, String visitId, String personNo, String hospitalCode, String insuranceType,
                        String medicalType, LocalDateTime settledAt) {
    }

    /**
     * How and between which regions the visit is cleared.
     *
     * @param clearingType {@code clr_type} 清算类别 (11 门诊, 21 住院, 41 药店, …)
     * @param clearingWay {@code clr_way} 清算方式
     * @param clearingAgencyRegion {@code clr_optins} 清算经办机构 (the agency's region code)
     * @param place {@code pay_loc} 支付地点类别 (2 医院 → local, 3 省内异地, 4 省外异地)
     * @param insuredRegion {@code insuplc_admdvs} 参保地医保区划
     * @param treatmentRegion {@code mdtrtarea_admvs} 就医地医保区划
     */
    public record Clearing(String clearingType, String clearingWay, String clearingAgencyRegion,
                           PlaceOfSettlement place, String insuredRegion, String treatmentRegion) {
    }

    /**
     * The amounts of the visit.
     *
     * @param medfeeSum {@code medfee_sumamt} 医疗费总额
     * @param pooledFundPay {@code hifp_pay} 基本医疗保险统筹基金支出
     * @param fundPaySum {@code fund_pay_sumamt} 基金支付总额
     * @param personPart {@code psn_part_amt} 个人负担总金额
     * @param accountPay {@code acct_pay} 个人账户支出
     * @param personCashPay {@code psn_cash_pay} 个人现金支出
     * @param hospitalPart {@code hosp_part_amt} 医院负担金额
     */
    public record Amounts(Money medfeeSum, Money pooledFundPay, Money fundPaySum, Money personPart, Money accountPay,
                          Money personCashPay, Money hospitalPart) {

        /** The same amounts with the sign turned: what a reversal stores. */
        public Amounts negate() {
            return new Amounts(medfeeSum.negate(), pooledFundPay.negate(), fundPaySum.negate(), personPart.negate(),
                    accountPay.negate(), personCashPay.negate(), hospitalPart.negate());
        }
    }

    public boolean isReversal() {
        return reversesSetlId != null;
    }

    /** The month of {@code setl_time}; the stored period may be later (see the package doc). */
    public YearMonth settledMonth() {
        return YearMonth.from(visit.settledAt());
    }

    public String setlId() {
        return visit.setlId();
    }

    public String visitId() {
        return visit.visitId();
    }

    public String personNo() {
        return visit.personNo();
    }

    public String hospitalCode() {
        return visit.hospitalCode();
    }

    public String insuranceType() {
        return visit.insuranceType();
    }

    public String medicalType() {
        return visit.medicalType();
    }

    public LocalDateTime settledAt() {
        return visit.settledAt();
    }

    public String clearingType() {
        return clearing.clearingType();
    }

    public String clearingWay() {
        return clearing.clearingWay();
    }

    public String clearingAgencyRegion() {
        return clearing.clearingAgencyRegion();
    }

    public PlaceOfSettlement place() {
        return clearing.place();
    }

    public String insuredRegion() {
        return clearing.insuredRegion();
    }

    public String treatmentRegion() {
        return clearing.treatmentRegion();
    }

    public Money medfeeSum() {
        return amounts.medfeeSum();
    }

    public Money pooledFundPay() {
        return amounts.pooledFundPay();
    }

    public Money fundPaySum() {
        return amounts.fundPaySum();
    }

    public Money personPart() {
        return amounts.personPart();
    }

    public Money accountPay() {
        return amounts.accountPay();
    }

    public Money personCashPay() {
        return amounts.personCashPay();
    }

    public Money hospitalPart() {
        return amounts.hospitalPart();
    }
}

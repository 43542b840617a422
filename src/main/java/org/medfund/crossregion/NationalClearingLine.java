package org.medfund.crossregion;

import java.time.LocalDate;
import java.time.YearMonth;
import org.medfund.common.Derivation;
import org.medfund.common.Money;

/**
 * One line of a month's national clearing (guizhou-2017 附件一 三(一); henan-2023 四(一)): a city of the province (the
 * insured city for 付款, the treatment city for 收款), the other province, the insurance type (empty when the
 * province's file gives none) and the imported detail's sums; {@code fundPay} (Σ {@code optins_pay_sumamt}) is the
 * money, with its derivation. Dates are the steps': submitted to province finance, paid, received by the city.
 * {@code chargeRequest} is the ledger request that charged the insured city's money for a henan-2023 付款 line (the
 * cross-province pot's use or the employee remittance's), null otherwise; the line's own vouchers carry its id as
 * document.
 */
public record NationalClearingLine(String id, long importId, YearMonth month, String cityRegionCode, String cityName,
                                   NationalDirection direction, String counterpartProvince, String counterpartName,
                                   String insuranceType, String insuranceTypeName, int rows, Money medicalFee,
                                   Money fundPay, Derivation derivation, NationalClearingState state,
                                   StepDates steps, String chargeRequest) {

    /** When each step was done (null while not). */
    public record StepDates(LocalDate submittedOn, LocalDate paidOn, LocalDate receivedOn) {
    }
}

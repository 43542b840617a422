/**
 * Implementation of the prepayment capability; nothing outside {@code org.medfund.prepayment} uses this package.
 *
 * <p>Services, one per facade: {@code PrepaymentService} (henan-2023 二 sizing and netting, approval, disbursement by
 * xinyang-2025 art. 15, the payment file of henan-2023 二(二) "通过线上向医疗机构预拨", the art. 19 disclosure),
 * {@code RecoveryService} (art. 6(五) clearing, art. 10 triggers, returns and settlement offsets, art. 11 stop, court
 * steps and write-off), {@code ApplicationService} (art. 3, 4, 5, 6 and the art. 7 gate), {@code Funding} (art.
 * 6(三)(四) transfers between expenditure accounts), {@code AgreementService} (henan-2023 二(二), art. 18),
 * {@code FundStatusService} (art. 7 inputs), {@code RegionPlanService} (henan-2023 二(二) plans) and
 * {@code PrepaymentDueDates} (due dates recomputed when a holiday notice is loaded). Rules as pure functions:
 * {@code Sizing} (henan-2023 二(二), art. 4, 5), {@code Netting} (henan-2023 二(二) 轧差), {@code Eligibility}
 * (henan-2023 二(一), art. 3), {@code FundGate} (art. 7), {@code Clearing} (art. 6(五)). SQL, one store per table
 * group: {@code RegisterStore} (prepayment), {@code MovementStore} (prepayment_movement), {@code RecoveryStore}
 * (prepayment_recovery), {@code ApplicationStore} (prepayment_application, prepayment_finding), {@code StepStore}
 * (prepayment_step), {@code AgreementStore} (prepayment_agreement_record), {@code FundRecordStore}
 * (prepayment_fund_record and its months), {@code RegionPlanStore} (prepayment_region_plan).
 */
package org.medfund.prepayment.internal;

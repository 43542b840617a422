package org.medfund.web.crossregion;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.medfund.common.Money;
import org.medfund.crossregion.MonthlyClearing;
import org.medfund.notices.XlsxExport;
import org.medfund.web.Idempotency;
import org.medfund.web.MedfundUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Henan's monthly cross-region clearing API (henan-2023 三(二)(三), 四(二)): the month's rows (CSV), the regions'
 * confirmations, the plan and notices, the usage plan, the 23rd's and 26th's transfers and their receipts, the
 * hospitals' payments (a positive line first recovering the hospital's open advances), the recovery of an advance,
 * the list of advances still owed, the notice's confirmation and the monthly report (xlsx). State
 * changes need an {@code Idempotency-Key}; every command checks the caller before its input.
 */
@RestController
class MonthlyClearingApi {

    private final MonthlyClearing clearing;
    private final Idempotency idempotency;
    private final MonthlyClearingDocuments documents;

    MonthlyClearingApi(MonthlyClearing clearing, Idempotency idempotency, MonthlyClearingDocuments documents) {
        this.clearing = clearing;
        this.idempotency = idempotency;
        this.documents = documents;
    }

    record MonthlyStepRequest(YearMonth period, LocalDate date) {
    }

    record RecoveryRequest(YearMonth period, String hospitalCode, String insuranceType, LocalDate date) {
    }

    /** An advance still owed, as the receivable list answers it: advanced, the parts back, what is left. */
    record AdvanceOwedView(String regionCode, String hospitalCode, String hospitalName, String insuranceType,
                           YearMonth period, Money advanced, Money outstanding,
                           List<MonthlyClearing.AdvanceRecovery> recoveries) {
    }

    private static MonthlyStepRequest orEmpty(MonthlyStepRequest body) {
        return body == null ? new MonthlyStepRequest(null, null) : body;
    }

    @PostMapping("/api/crossregion/monthly-clearing/rows")
    @Operation(summary = "省医保中心导入当月异地就医清算数据（CSV：setl_id,fixmedins_code,insuplc_admdvs,"
            + "mdtrtarea_admvs,insutype,setl_date,fund_pay_sumamt）")
    ResponseEntity<?> rows(@AuthenticationPrincipal MedfundUser user,
                           @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                           @RequestParam(required = false) YearMonth period,
                           @RequestBody(required = false) String csv) {
        return idempotency.run(user, "crossregion.clearing.rows", key, period + "\n" + csv, HttpStatus.CREATED,
                () -> clearing.importRows(period, csv, user.actor()));
    }

    @PostMapping("/api/crossregion/monthly-clearing/confirmations")
    @Operation(summary = "统筹区经办机构确认当月异地就医清算数据（henan-2023 三(二) 每月18日前）")
    ResponseEntity<?> confirm(@AuthenticationPrincipal MedfundUser user,
                              @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                              @RequestBody(required = false) MonthlyStepRequest body) {
        MonthlyStepRequest b = orEmpty(body);
        return idempotency.run(user, "crossregion.clearing.confirm", key, b, HttpStatus.CREATED,
                () -> clearing.confirmData(b.period(), b.date(), user.actor()));
    }

    @GetMapping("/api/crossregion/monthly-clearing/confirmations")
    @Operation(summary = "当月各统筹区清算数据确认情况")
    List<MonthlyClearing.DataConfirmation> confirmations(@AuthenticationPrincipal MedfundUser user,
                                                         @RequestParam YearMonth period) {
        return clearing.dataConfirmations(period, user.actor());
    }

    @PostMapping("/api/crossregion/monthly-clearing/plans")
    @Operation(summary = "省医保中心生成拨付计划及收付款通知书（henan-2023 三(二)）")
    ResponseEntity<?> generate(@AuthenticationPrincipal MedfundUser user,
                               @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                               @RequestBody(required = false) MonthlyStepRequest body) {
        MonthlyStepRequest b = orEmpty(body);
        return idempotency.run(user, "crossregion.clearing.plan", key, b, HttpStatus.CREATED,
                () -> clearing.generatePlan(b.period(), b.date(), user.actor()));
    }

    @GetMapping("/api/crossregion/monthly-clearing/plans")
    @Operation(summary = "当月拨付计划：各统筹区、险种的应收应付与资金拨付状态，各定点医药机构拨付情况")
    ResponseEntity<?> plan(@AuthenticationPrincipal MedfundUser user, @RequestParam YearMonth period) {
        return clearing.plan(period, user.actor()).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseThrow(() -> org.medfund.common.Rejection.notFound("crossregion.plan-not-found", "period",
                        period + " 的异地就医拨付计划尚未生成"));
    }

    @PostMapping("/api/crossregion/monthly-clearing/plans/usage-plan")
    @Operation(summary = "省医保中心向省财政厅提交异地就医资金用款计划（henan-2023 三(三) 每月20日前）")
    ResponseEntity<?> usagePlan(@AuthenticationPrincipal MedfundUser user,
                                @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                @RequestBody(required = false) MonthlyStepRequest body) {
        MonthlyStepRequest b = orEmpty(body);
        return idempotency.run(user, "crossregion.clearing.usage-plan", key, b, HttpStatus.OK,
                () -> clearing.submitUsagePlan(b.period(), b.date(), user.actor()));
    }

    @PostMapping("/api/crossregion/monthly-clearing/plans/funding")
    @Operation(summary = "省财政厅按计划拨付至省医保中心支出户（henan-2023 三(三) 每月23日前；在途至省医保中心确认）")
    ResponseEntity<?> fund(@AuthenticationPrincipal MedfundUser user,
                           @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                           @RequestBody(required = false) MonthlyStepRequest body) {
        MonthlyStepRequest b = orEmpty(body);
        return idempotency.run(user, "crossregion.clearing.fund", key, b, HttpStatus.OK,
                () -> clearing.fundCentre(b.period(), b.date(), user.actor()));
    }

    @PostMapping("/api/crossregion/monthly-clearing/plans/funding/receipt")
    @Operation(summary = "省医保中心确认省财政厅拨付资金到账")
    ResponseEntity<?> fundReceipt(@AuthenticationPrincipal MedfundUser user,
                                  @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                  @RequestBody(required = false) MonthlyStepRequest body) {
        MonthlyStepRequest b = orEmpty(body);
        return idempotency.run(user, "crossregion.clearing.fund-receipt", key, b, HttpStatus.OK,
                () -> clearing.confirmFunding(b.period(), b.date(), user.actor()));
    }

    @PostMapping("/api/crossregion/monthly-clearing/plans/disbursement")
    @Operation(summary = "省医保中心拨付至各统筹区经办机构支出户并反馈拨付情况（henan-2023 三(三) 每月26日前）")
    ResponseEntity<?> disburse(@AuthenticationPrincipal MedfundUser user,
                               @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                               @RequestBody(required = false) MonthlyStepRequest body) {
        MonthlyStepRequest b = orEmpty(body);
        return idempotency.run(user, "crossregion.clearing.disburse", key, b, HttpStatus.OK,
                () -> clearing.disburse(b.period(), b.date(), user.actor()));
    }

    @PostMapping("/api/crossregion/monthly-clearing/plans/disbursement/receipt")
    @Operation(summary = "统筹区经办机构确认省医保中心拨付资金到账")
    ResponseEntity<?> disbursementReceipt(@AuthenticationPrincipal MedfundUser user,
                                          @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                          @RequestBody(required = false) MonthlyStepRequest body) {
        MonthlyStepRequest b = orEmpty(body);
        return idempotency.run(user, "crossregion.clearing.disburse-receipt", key, b, HttpStatus.OK,
                () -> clearing.confirmDisbursement(b.period(), b.date(), user.actor()));
    }

    @PostMapping("/api/crossregion/monthly-clearing/plans/hospital-payments")
    @Operation(summary = "统筹区经办机构拨付至定点医药机构（henan-2023 三(三) 每月月底前；负值由统筹区基金先行垫付）")
    ResponseEntity<?> payHospitals(@AuthenticationPrincipal MedfundUser user,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                   @RequestBody(required = false) MonthlyStepRequest body) {
        MonthlyStepRequest b = orEmpty(body);
        return idempotency.run(user, "crossregion.clearing.pay-hospitals", key, b, HttpStatus.OK,
                () -> clearing.payHospitals(b.period(), b.date(), user.actor()));
    }

    @PostMapping("/api/crossregion/monthly-clearing/advances/recovery")
    @Operation(summary = "统筹区经办机构登记追回垫付资金（退回统筹区社会保障基金财政专户）")
    ResponseEntity<?> recover(@AuthenticationPrincipal MedfundUser user,
                              @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                              @RequestBody(required = false) RecoveryRequest body) {
        RecoveryRequest b = body == null ? new RecoveryRequest(null, null, null, null) : body;
        return idempotency.run(user, "crossregion.clearing.recover", key, b, HttpStatus.OK,
                () -> clearing.recoverAdvance(b.period(), b.hospitalCode(), b.insuranceType(), b.date(),
                        user.actor()));
    }

    @GetMapping("/api/crossregion/monthly-clearing/advances")
    @Operation(summary = "垫付资金待追回清单（henan-2023 三(三)）：各定点医药机构尚未追回的负值拨付计划垫付资金，"
            + "先垫先列，含已抵扣、已退回部分与余额")
    List<AdvanceOwedView> advances(@AuthenticationPrincipal MedfundUser user) {
        return clearing.openAdvances(user.actor()).stream().map(a -> new AdvanceOwedView(a.regionCode(),
                a.hospitalCode(), a.hospitalName(), a.insuranceType(), a.period(), a.advance().amount(),
                a.advance().outstanding(), a.advance().recoveries())).toList();
    }

    @PostMapping("/api/crossregion/monthly-clearing/notices/confirmation")
    @Operation(summary = "统筹区经办机构核对收付款通知书及资金使用情况并报同级财政（henan-2023 三(二) 每月20日前）")
    ResponseEntity<?> confirmNotice(@AuthenticationPrincipal MedfundUser user,
                                    @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                    @RequestBody(required = false) MonthlyStepRequest body) {
        MonthlyStepRequest b = orEmpty(body);
        return idempotency.run(user, "crossregion.clearing.notice-confirm", key, b, HttpStatus.OK,
                () -> clearing.confirmNotice(b.period(), b.date(), user.actor()));
    }

    @GetMapping("/api/crossregion/monthly-clearing/notices")
    @Operation(summary = "统筹区的异地就医费用收付款通知书")
    MonthlyClearing.PlanNotice notice(@AuthenticationPrincipal MedfundUser user, @RequestParam YearMonth period,
                                      @RequestParam String region) {
        return clearing.notice(period, region, user.actor());
    }

    @GetMapping({"/api/crossregion/monthly-clearing/notices.xlsx", "/crossregion/monthly-clearing/notice.xlsx"})
    @Operation(summary = "收付款通知书（xlsx）")
    ResponseEntity<byte[]> noticeXlsx(@AuthenticationPrincipal MedfundUser user, @RequestParam YearMonth period,
                                      @RequestParam String region) {
        return documents.noticeXlsx(clearing.notice(period, region, user.actor()));
    }

    @GetMapping({"/api/crossregion/monthly-clearing/notices.pdf", "/crossregion/monthly-clearing/notice.pdf"})
    @Operation(summary = "收付款通知书（PDF，打印签章）")
    ResponseEntity<byte[]> noticePdf(@AuthenticationPrincipal MedfundUser user, @RequestParam YearMonth period,
                                     @RequestParam String region) {
        return documents.noticePdf(clearing.notice(period, region, user.actor()));
    }

    @GetMapping({"/api/crossregion/monthly-clearing/report.xlsx", "/crossregion/monthly-clearing/report.xlsx"})
    @Operation(summary = "省医保中心异地就医资金调度使用情况月报（报省财政厅，henan-2023 四(二)，xlsx）")
    ResponseEntity<byte[]> report(@AuthenticationPrincipal MedfundUser user, @RequestParam YearMonth period) {
        return documents.reportXlsx(period, clearing.report(period, user.actor()));
    }
}

package org.medfund.web.crossregion;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.medfund.common.Rejection;
import org.medfund.crossregion.CrossRegionFunding;
import org.medfund.crossregion.CrossRegionFunding.LateRemitter;
import org.medfund.crossregion.CrossRegionFunding.PotCost;
import org.medfund.crossregion.CrossRegionFunding.RegionCost;
import org.medfund.crossregion.CrossRegionFunding.Sourced;
import org.medfund.crossregion.ReservePot;
import org.medfund.crossregion.SubsidySource;
import org.medfund.common.Money;
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
 * Cross-region funding API of the henan-2023 regime ("预留+清算", 一(二)(三), 三(二)(三), 四(二)): the resident reserve
 * (province centre sizes, province finance approves and withholds), the pots' use and the regions' monthly
 * confirmations, the employee quarterly remittance notice, remittances and receipts, the late remitter list (page
 * data and xlsx) and the month's clearing timeline. State changes need an {@code Idempotency-Key}.
 */
@RestController
class FundingApi {

    private final CrossRegionFunding funding;
    private final Idempotency idempotency;

    FundingApi(CrossRegionFunding funding, Idempotency idempotency) {
        this.funding = funding;
        this.idempotency = idempotency;
    }

    record ReserveRequest(Integer year, List<PotCost> costs, Sourced sources, SubsidySource subsidySource,
                          LocalDate date) {
    }

    record ApprovalRequest(Integer year, LocalDate date) {
    }

    record UseRequest(String regionCode, ReservePot pot, YearMonth period, Money amount, String source,
                      LocalDate date) {
    }

    record ConfirmationRequest(YearMonth period, LocalDate date) {
    }

    record NoticeRequest(Integer year, Integer quarter, List<RegionCost> costs, Sourced sources, LocalDate date) {
    }

    record RemitRequest(Long noticeId, LocalDate date) {
    }

    record ReceiptRequest(Long noticeId, String regionCode, LocalDate date) {
    }

    /** A missing number reaches the command as 0, which it refuses after its access checks, naming the field. */
    private static int orZero(Integer value) {
        return value == null ? 0 : value;
    }

    @PostMapping("/api/crossregion/funding/reserves")
    @Operation(summary = "省医保中心测算当年城乡居民异地就医预留资金（henan-2023 一(二)）")
    ResponseEntity<?> size(@AuthenticationPrincipal MedfundUser user,
                           @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                           @RequestBody ReserveRequest body) {
        return idempotency.run(user, "crossregion.reserve.size", key, body, HttpStatus.CREATED,
                () -> funding.sizeReserve(new CrossRegionFunding.ReserveSizing(orZero(body.year()), body.costs(),
                        body.sources(), body.subsidySource(), body.date()), user.actor()));
    }

    @PostMapping("/api/crossregion/funding/reserves/approval")
    @Operation(summary = "省财政厅审核同意并从居民医保补助资金中预留（henan-2023 一(二)）")
    ResponseEntity<?> approve(@AuthenticationPrincipal MedfundUser user,
                              @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                              @RequestBody ApprovalRequest body) {
        return idempotency.run(user, "crossregion.reserve.approve", key, body, HttpStatus.OK,
                () -> funding.approveReserve(orZero(body.year()), body.date(), user.actor()));
    }

    @GetMapping("/api/crossregion/funding/reserves")
    @Operation(summary = "某年预留资金：测算、来源、各统筹区两类预付金的额度、使用和余额")
    ResponseEntity<?> reserve(@AuthenticationPrincipal MedfundUser user, @RequestParam int year) {
        return funding.reserve(year, user.actor()).<ResponseEntity<?>>map(ResponseEntity::ok)
                .orElseThrow(() -> Rejection.notFound("crossregion.reserve-not-found", "year",
                        year + " 年异地就医预留资金尚未测算"));
    }

    @PostMapping("/api/crossregion/funding/reserve-uses")
    @Operation(summary = "省医保中心按月登记预留资金使用（来自清算数据）")
    ResponseEntity<?> use(@AuthenticationPrincipal MedfundUser user,
                          @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                          @RequestBody UseRequest body) {
        return idempotency.run(user, "crossregion.reserve.use", key, body, HttpStatus.CREATED,
                () -> funding.recordReserveUse(new CrossRegionFunding.ReserveUse(body.regionCode(), body.pot(),
                        body.period(), body.amount(), body.source()), body.date(), user.actor()));
    }

    @PostMapping("/api/crossregion/funding/reserve-confirmations")
    @Operation(summary = "统筹区经办机构按月核对确认预留资金使用情况（henan-2023 一(二)、三(二) 每月20日前）")
    ResponseEntity<?> confirm(@AuthenticationPrincipal MedfundUser user,
                              @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                              @RequestBody ConfirmationRequest body) {
        return idempotency.run(user, "crossregion.reserve.confirm", key, body, HttpStatus.CREATED,
                () -> funding.confirmReserveUse(body.period(), body.date(), user.actor()));
    }

    @PostMapping("/api/crossregion/funding/remittance-notices")
    @Operation(summary = "省医保局、省财政厅联合下发职工医保异地就医资金上解通知（henan-2023 一(三)）")
    ResponseEntity<?> notice(@AuthenticationPrincipal MedfundUser user,
                             @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                             @RequestBody NoticeRequest body) {
        return idempotency.run(user, "crossregion.remittance.notice", key, body, HttpStatus.CREATED,
                () -> funding.issueRemittanceNotice(new CrossRegionFunding.RemittanceNoticeDraft(
                        orZero(body.year()), orZero(body.quarter()), body.costs(), body.sources(), body.date()), user.actor()));
    }

    @GetMapping("/api/crossregion/funding/remittance-notices")
    @Operation(summary = "某年的上解通知及各统筹区上解情况")
    List<CrossRegionFunding.RemittanceNotice> notices(@AuthenticationPrincipal MedfundUser user,
                                                      @RequestParam int year) {
        return funding.remittanceNotices(year, user.actor());
    }

    @PostMapping("/api/crossregion/funding/remittances")
    @Operation(summary = "统筹区财政部门按通知上解职工医保异地就医资金（在途至省财政厅确认到账）")
    ResponseEntity<?> remit(@AuthenticationPrincipal MedfundUser user,
                            @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                            @RequestBody RemitRequest body) {
        return idempotency.run(user, "crossregion.remittance.remit", key, body, HttpStatus.CREATED,
                () -> funding.remit(body.noticeId() == null ? 0 : body.noticeId(), body.date(), user.actor()));
    }

    @PostMapping("/api/crossregion/funding/remittances/receipt")
    @Operation(summary = "省财政厅确认上解资金到账")
    ResponseEntity<?> receipt(@AuthenticationPrincipal MedfundUser user,
                              @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                              @RequestBody ReceiptRequest body) {
        return idempotency.run(user, "crossregion.remittance.receipt", key, body, HttpStatus.OK,
                () -> funding.confirmRemittance(body.noticeId() == null ? 0 : body.noticeId(), body.regionCode(), body.date(), user.actor()));
    }

    @GetMapping("/api/crossregion/funding/late-remitters")
    @Operation(summary = "上解不到位的统筹区（逾期天数、金额），供全省通报约谈（henan-2023 四(二)）")
    List<LateRemitter> late(@AuthenticationPrincipal MedfundUser user, @RequestParam LocalDate asOf) {
        return funding.lateRemitters(asOf, user.actor());
    }

    @GetMapping("/api/crossregion/funding/late-remitters.xlsx")
    @Operation(summary = "上解不到位统筹区名单（xlsx）")
    ResponseEntity<byte[]> lateXlsx(@AuthenticationPrincipal MedfundUser user, @RequestParam LocalDate asOf) {
        return XlsxExport.response("上解不到位统筹区-" + asOf + ".xlsx", "上解不到位", FundingPages.LATE_HEADER,
                FundingPages.lateRows(funding.lateRemitters(asOf, user.actor())));
    }

    @GetMapping("/api/crossregion/funding/clearing-steps")
    @Operation(summary = "当月异地就医清结算各环节的到期日（遇节假日顺延）和状态（henan-2023 三(二)(三)(四)）")
    List<CrossRegionFunding.TimelineStep> steps(@AuthenticationPrincipal MedfundUser user,
                                                @RequestParam YearMonth period, @RequestParam LocalDate asOf) {
        return funding.clearingSteps(period, asOf, user.actor());
    }
}

package org.medfund.web.crossregion;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.medfund.common.Rejection;
import org.medfund.crossregion.ClearingOutcome;
import org.medfund.crossregion.CrossRegionAnnualClearing;
import org.medfund.crossregion.CrossRegionAnnualClearing.AnnualClearing;
import org.medfund.crossregion.CrossRegionAnnualClearing.ClearedCost;
import org.medfund.crossregion.CrossRegionAnnualClearing.ClearingLine;
import org.medfund.notices.XlsxExport;
import org.medfund.policy.Citations;
import org.medfund.web.Idempotency;
import org.medfund.web.MedfundUser;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Henan's annual cross-region clearing (henan-2023 三(四)): the province centre clears last year per region and
 * insurance type; everyone in the province reads the lines of its scope, as JSON or xlsx. The clearing needs an
 * {@code Idempotency-Key}.
 */
@RestController
class AnnualClearingApi {

    static final List<String> HEADER = List.of("年度", "统筹区", "险种", "上年资金（元）", "上年清算费用（元）",
            "结余（负数为不足，元）", "处理", "计入", "应完成日期", "完成日期", "依据");

    private final CrossRegionAnnualClearing clearing;
    private final Idempotency idempotency;
    private final Citations citations;

    AnnualClearingApi(CrossRegionAnnualClearing clearing, Idempotency idempotency, Citations citations) {
        this.clearing = clearing;
        this.idempotency = idempotency;
        this.citations = citations;
    }

    record ClearingRequest(Integer year, List<ClearedCost> costs, String costSource, LocalDate date) {
    }

    @PostMapping("/api/crossregion/funding/annual-clearings")
    @Operation(summary = "省医保中心完成上年度异地就医资金年度清算：按统筹区和险种，结余抵扣当年资金，不足在下次分配中补足（henan-2023 三(四)）")
    ResponseEntity<?> clear(@AuthenticationPrincipal MedfundUser user,
                            @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                            @RequestBody ClearingRequest body) {
        return idempotency.run(user, "crossregion.annual-clearing", key, body, HttpStatus.CREATED,
                () -> clearing.clear(new CrossRegionAnnualClearing.ClearingDraft(body.year() == null ? 0 : body.year(),
                        body.costs(), body.costSource(), body.date()), user.actor()));
    }

    @GetMapping("/api/crossregion/funding/annual-clearings")
    @Operation(summary = "某年度的异地就医资金年度清算：各统筹区、各险种的资金、清算费用、结余或不足及计算过程")
    AnnualClearing show(@AuthenticationPrincipal MedfundUser user, @RequestParam int year) {
        return found(clearing, year, user);
    }

    @GetMapping("/api/crossregion/carries")
    @Operation(summary = "计入某年资金的上年度清算结转（豫财社〔2023〕178号 三(四)）：来源清算、计入的上解季度或预留资金、已计入与结转下一次的金额")
    List<CrossRegionAnnualClearing.CarryLine> carries(@AuthenticationPrincipal MedfundUser user,
                                                      @RequestParam int year) {
        return clearing.carries(year, user.actor());
    }

    /** The day a region's finance department received a released surplus. */
    record CarryReceiptRequest(LocalDate date) {
    }

    @PostMapping("/api/crossregion/carries/{id}/release/receipt")
    @Operation(summary = "统筹区财政部门确认上年度清算结余抵扣已预留资金后退还的资金到账（豫财社〔2023〕178号 三(四)）")
    ResponseEntity<?> releaseReceipt(@AuthenticationPrincipal MedfundUser user,
                                     @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                     @PathVariable long id, @RequestBody CarryReceiptRequest body) {
        return idempotency.run(user, "crossregion.carry.release-receipt", key, body, HttpStatus.OK,
                () -> clearing.confirmRelease(id, body.date(), user.actor()));
    }

    @GetMapping("/api/crossregion/funding/annual-clearings.xlsx")
    @Operation(summary = "某年度异地就医资金年度清算表（xlsx）")
    ResponseEntity<byte[]> xlsx(@AuthenticationPrincipal MedfundUser user, @RequestParam int year) {
        return XlsxExport.response("异地就医年度清算-" + year + ".xlsx", "年度清算", HEADER,
                rows(found(clearing, year, user), citations));
    }

    static AnnualClearing found(CrossRegionAnnualClearing clearing, int year, MedfundUser user) {
        return clearing.clearing(year, user.actor()).orElseThrow(() -> Rejection.notFound(
                "crossregion.clearing-not-found", "year", year + " 年度异地就医资金尚未清算"));
    }

    static List<List<Object>> rows(AnnualClearing c, Citations citations) {
        List<List<Object>> rows = new ArrayList<>();
        for (ClearingLine l : c.lines()) {
            rows.add(List.of(c.year(), l.regionName(), l.insuranceTypeName(), l.funded().toYuan(), l.cleared().toYuan(),
                    l.balance().toYuan(), l.outcome().label(), l.outcome() == ClearingOutcome.BALANCED ? "" : l.targetLabel(),
                    c.dueDate().toString(), c.clearedOn().toString(), citations.text(c.citation())));
        }
        return rows;
    }
}

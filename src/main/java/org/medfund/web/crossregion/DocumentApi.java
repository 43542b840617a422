package org.medfund.web.crossregion;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.medfund.common.Fingerprint;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.CrossRegionDocuments;
import org.medfund.crossregion.NationalClearingTotal;
import org.medfund.crossregion.NationalFileKind;
import org.medfund.crossregion.NationalImport;
import org.medfund.crossregion.UsagePlan;
import org.medfund.web.Idempotency;
import org.medfund.web.MedfundUser;
import org.medfund.web.MonthFilter;
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
 * The Guizhou prepayment documents (guizhou-2017 附件一 一、二) and the national platform's files (二(一), 三(一)):
 * the quarter's 预付金明细表 and a city's 预付金收款通知书 as data, the in-province usage plan and its transfer, the
 * national files' import (CSV or xlsx as the body, all or nothing, every bad line in {@code errors[]}), the settlement
 * of a national notice and the clearing detail's totals per city. Commands need an {@code Idempotency-Key}.
 */
@RestController
class DocumentApi {

    private final CrossRegionDocuments documents;
    private final OwnDocumentViews views;
    private final Idempotency idempotency;

    DocumentApi(CrossRegionDocuments documents, OwnDocumentViews views, Idempotency idempotency) {
        this.documents = documents;
        this.views = views;
        this.idempotency = idempotency;
    }

    record UsagePlanRequest(String provinceCode, int year, int quarter, LocalDate date) {
    }

    record DateBody(LocalDate date) {
    }

    record ImportView(NationalImport imported, boolean added, String kindLabel) {
    }

    record TotalView(YearMonth month, String cityRegionCode, String cityName, String direction,
                     String directionLabel, int rows, Money medicalFee, Money fundPay) {
        static TotalView of(NationalClearingTotal t) {
            return new TotalView(t.month(), t.cityRegionCode(), t.cityName(), t.direction().name(),
                    t.direction().label(), t.rows(), t.medicalFee(), t.fundPay());
        }
    }

    @GetMapping("/api/crossregion/documents/prepayment-sheet")
    @Operation(summary = "贵州省异地就医费用预付金明细表（某省某季度，附件一 一(一)）")
    OwnDocumentViews.SheetView sheet(@AuthenticationPrincipal MedfundUser user, @RequestParam String province,
                                     @RequestParam int year, @RequestParam int quarter) {
        return views.sheet(province, year, quarter, user.actor());
    }

    @GetMapping("/api/crossregion/documents/remittance-notice")
    @Operation(summary = "预付金收款通知书（某市州某季度：应上解金额、截止日期、省级财政专户；附件一 一(一)(二)(三)）")
    OwnDocumentViews.NoticeView notice(@AuthenticationPrincipal MedfundUser user, @RequestParam String city,
                                       @RequestParam int year, @RequestParam int quarter) {
        return views.notice(city, year, quarter, user.actor());
    }

    @PostMapping("/api/crossregion/usage-plans")
    @Operation(summary = "省异地就医结算中心生成省内异地就医预付金用款计划（季度第二个月5日前，附件一 二(二)）")
    ResponseEntity<?> generate(@AuthenticationPrincipal MedfundUser user,
                               @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                               @RequestBody UsagePlanRequest body) {
        return idempotency.run(user, "crossregion.usage-plan", key, body, HttpStatus.CREATED,
                () -> documents.generateUsagePlan(body.provinceCode(), body.year(), body.quarter(), body.date(),
                        user.actor()));
    }

    @GetMapping("/api/crossregion/usage-plans")
    @Operation(summary = "某季度可见的用款计划")
    List<UsagePlan> plans(@AuthenticationPrincipal MedfundUser user, @RequestParam int year,
                          @RequestParam int quarter) {
        return documents.usagePlans(year, quarter, user.actor());
    }

    @GetMapping("/api/crossregion/usage-plans/{id}")
    UsagePlan plan(@AuthenticationPrincipal MedfundUser user, @PathVariable String id) {
        return documents.usagePlan(id, user.actor());
    }

    @PostMapping("/api/crossregion/usage-plans/{id}/transfer")
    @Operation(summary = "省级财政部门划转用款计划资金至省级经办机构异地就医存款账户（当月20日前，在途）")
    ResponseEntity<?> transfer(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                               @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                               @RequestBody DateBody body) {
        return idempotency.run(user, "crossregion.usage-plan-transfer", key, List.of(id, body),
                () -> documents.transferUsagePlan(id, body.date(), user.actor()));
    }

    @PostMapping("/api/crossregion/usage-plans/{id}/receive")
    @Operation(summary = "省异地就医结算中心确认用款计划资金到账")
    ResponseEntity<?> receive(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                              @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                              @RequestBody DateBody body) {
        return idempotency.run(user, "crossregion.usage-plan-receive", key, List.of(id, body),
                () -> documents.receiveUsagePlan(id, body.date(), user.actor()));
    }

    @PostMapping("/api/crossregion/national-imports")
    @Operation(summary = "导入国家平台文件（kind：PREPAYMENT_SHEET / FIRST_NOTICE / ADJUSTMENT_NOTICE / CLEARING_DETAIL；"
            + "请求体为 CSV（UTF-8）或 xlsx；全部成功或全部不导入，错误按行列出）")
    ResponseEntity<?> importNational(@AuthenticationPrincipal MedfundUser user,
                                     @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                     @RequestParam(required = false) String kind,
                                     @RequestParam(required = false) String date,
                                     @RequestParam(required = false) String fileName,
                                     @RequestBody(required = false) byte[] body) {
        byte[] content = body == null ? new byte[0] : body;
        return idempotency.run(user, "crossregion.national-import", key, List.of(String.valueOf(kind),
                String.valueOf(date), Fingerprint.of(new String(content, StandardCharsets.ISO_8859_1))),
                HttpStatus.CREATED, () -> {
                    NationalImport.Outcome outcome = documents.importNational(kind(kind), fileName, content,
                            date(date), user.actor());
                    return new ImportView(outcome.imported(), outcome.added(), outcome.imported().kind().label());
                });
    }

    @GetMapping("/api/crossregion/national-imports")
    @Operation(summary = "本省已导入的国家平台文件（新的在前）")
    List<NationalImport> imports(@AuthenticationPrincipal MedfundUser user) {
        return documents.nationalImports(user.actor());
    }

    @GetMapping("/api/crossregion/national-imports/{id}")
    NationalImport nationalImport(@AuthenticationPrincipal MedfundUser user, @PathVariable long id) {
        return documents.nationalImport(id, user.actor());
    }

    @PostMapping("/api/crossregion/national-imports/{id}/settle")
    @Operation(summary = "省级财政部门按跨省预付金收款通知书或额度调整通知书完成相关省份预付金收付（2月28日前，附件一 二(一)2）")
    ResponseEntity<?> settle(@AuthenticationPrincipal MedfundUser user, @PathVariable long id,
                             @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                             @RequestBody DateBody body) {
        return idempotency.run(user, "crossregion.national-settle", key, List.of(id, body),
                () -> documents.settleNationalNotice(id, body.date(), user.actor()));
    }

    @GetMapping("/api/crossregion/national-clearing-totals")
    @Operation(summary = "全国异地就医费用清算明细按市州、方向汇总（某月，供跨省月度清算使用）")
    List<TotalView> totals(@AuthenticationPrincipal MedfundUser user, @RequestParam(required = false) String month) {
        if (month == null || month.isBlank()) {
            throw new Rejection("crossregion.month-missing", "month", "请填写清算月份（YYYY-MM）");
        }
        return documents.nationalClearingTotals(MonthFilter.parse(month), user.actor()).stream().map(TotalView::of)
                .toList();
    }

    static NationalFileKind kind(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        for (NationalFileKind kind : NationalFileKind.values()) {
            if (kind.name().equals(text.strip()) || kind.label().equals(text.strip())) {
                return kind;
            }
        }
        throw new Rejection("crossregion.national-kind-unknown", "kind", "未知的国家平台文件类型：" + text);
    }

    static LocalDate date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new Rejection("crossregion.date-invalid", "date", "日期格式应为 YYYY-MM-DD：" + text);
        }
    }

}

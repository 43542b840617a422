package org.medfund.web.prepayment;

import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.medfund.common.Rejection;
import org.medfund.prepayment.Agreement;
import org.medfund.prepayment.AgreementRecord;
import org.medfund.prepayment.Agreements;
import org.medfund.prepayment.FundFigures;
import org.medfund.prepayment.FundMonth;
import org.medfund.prepayment.FundRecord;
import org.medfund.prepayment.FundStatuses;
import org.medfund.prepayment.Review;
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
import tools.jackson.databind.JsonNode;

/**
 * The two inputs that decide prepayment money, each recorded by a clerk with its evidence and confirmed by a different
 * reviewer: service agreements (henan-2023 二(二), xinyang-2025 art. 18) and Xinyang's art. 7 fund status (xinyang-2025 art. 7).
 * State changes need an {@code Idempotency-Key}; amounts are yuan text with two decimals.
 */
@RestController
class PrepaymentInputsApi {

    private final Agreements agreements;
    private final FundStatuses fundStatuses;
    private final Idempotency idempotency;

    PrepaymentInputsApi(Agreements agreements, FundStatuses fundStatuses, Idempotency idempotency) {
        this.agreements = agreements;
        this.fundStatuses = fundStatuses;
        this.idempotency = idempotency;
    }

    record ReviewView(String status, String label, String recordedBy, Instant recordedAt, String confirmedBy,
                      Instant confirmedAt) {
        static ReviewView of(Review r) {
            return new ReviewView(r.status().name(), r.label(), r.recordedBy(), r.recordedAt(), r.confirmedBy(),
                    r.confirmedAt());
        }
    }

    record AgreementView(long id, String hospitalCode, String agreementNo, LocalDate validFrom, LocalDate validUntil,
                         String prepaymentTerms, boolean medicalCommunity, BigDecimal communityFactor,
                         String evidence, ReviewView review) {
        static AgreementView of(AgreementRecord r) {
            Agreement a = r.agreement();
            return new AgreementView(r.id(), a.hospitalCode(), a.agreementNo(), a.validFrom(), a.validUntil(),
                    a.prepaymentTerms(), a.medicalCommunity(), a.communityFactor(), r.evidence(),
                    ReviewView.of(r.review()));
        }
    }

    record AgreementRequest(String hospitalCode, String agreementNo, LocalDate validFrom, LocalDate validUntil,
                            String prepaymentTerms, boolean medicalCommunity, BigDecimal communityFactor,
                            String evidence) {
    }

    record ConfirmRequest(LocalDate date) {
    }

    @GetMapping("/api/prepayment-agreements")
    @Operation(summary = "医疗机构服务协议（预付金条款）的各次登记，含复核状态")
    List<AgreementView> agreements(@AuthenticationPrincipal MedfundUser user, @RequestParam String hospital) {
        return agreements.records(hospital, user.actor()).stream().map(AgreementView::of).toList();
    }

    @PostMapping("/api/prepayment-agreements")
    @Operation(summary = "经办人登记服务协议或其新版本（终止、更正），须附依据；复核后生效")
    ResponseEntity<JsonNode> recordAgreement(@AuthenticationPrincipal MedfundUser user,
                                             @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                             @RequestBody AgreementRequest body) {
        return idempotency.run(user, "prepayment.agreement", key, body, HttpStatus.CREATED, () ->
                AgreementView.of(agreements.record(new Agreement(body.hospitalCode(), body.agreementNo(),
                        body.validFrom(), body.validUntil(), body.prepaymentTerms(), body.medicalCommunity(),
                        body.communityFactor()), body.evidence(), user.actor(),
                        "api:" + user.actor().orgCode() + ":" + key)));
    }

    @PostMapping("/api/prepayment-agreements/{id}/confirm")
    @Operation(summary = "复核人（非登记人）确认服务协议登记；终止最后一份协议的，医疗机构退出预拨范围并收回预付金")
    ResponseEntity<JsonNode> confirmAgreement(@AuthenticationPrincipal MedfundUser user, @PathVariable long id,
                                              @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                              @RequestBody ConfirmRequest body) {
        return idempotency.run(user, "prepayment.agreement-confirm", key, List.of(id, body), () ->
                AgreementView.of(agreements.confirm(id, PrepaymentApi.date(body.date()), user.actor())));
    }

    record MonthView(String month, String income, String expenditure) {
        static List<MonthView> of(List<FundMonth> months) {
            return months.stream().map(m -> new MonthView(m.month().toString(), m.income().toPlainYuan(),
                    m.expenditure().toPlainYuan())).toList();
        }
    }

    record FundRecordView(long id, String regionCode, String insuranceType, int year, String accumulatedBalance,
                          List<MonthView> lastYear, List<MonthView> forecast, String evidence, ReviewView review) {
        static FundRecordView of(FundRecord r) {
            FundFigures f = r.figures();
            return new FundRecordView(r.id(), r.regionCode(), r.insuranceType(), r.year(),
                    f.accumulatedBalance() == null ? null : f.accumulatedBalance().toPlainYuan(),
                    MonthView.of(f.lastYear()), MonthView.of(f.forecast()), r.evidence(), ReviewView.of(r.review()));
        }
    }

    record FundRecordRequest(String regionCode, String insuranceType, int year, String accumulatedBalance,
                             List<MonthView> lastYear, List<MonthView> forecast, String evidence, LocalDate date) {
    }

    @GetMapping("/api/prepayment-fund-status")
    @Operation(summary = "信阳第七条基金状况登记（累计结余、上年 12 个月收支、滚动预测），含复核状态")
    List<FundRecordView> fundRecords(@AuthenticationPrincipal MedfundUser user, @RequestParam String region,
                                     @RequestParam int year) {
        return fundStatuses.records(region, year, user.actor()).stream().map(FundRecordView::of).toList();
    }

    @PostMapping("/api/prepayment-fund-status")
    @Operation(summary = "市级经办人登记某险种某年度第七条基金状况，须附依据；账簿已完整记载上年数据时可只登记滚动预测")
    ResponseEntity<JsonNode> recordFundStatus(@AuthenticationPrincipal MedfundUser user,
                                              @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                              @RequestBody FundRecordRequest body) {
        FundFigures figures = new FundFigures(body.accumulatedBalance() == null
                || body.accumulatedBalance().isBlank() ? null
                : PrepaymentApi.yuan(body.accumulatedBalance(), "accumulatedBalance"),
                months(body.lastYear(), "lastYear"), months(body.forecast(), "forecast"));
        return idempotency.run(user, "prepayment.fund-status", key, body, HttpStatus.CREATED, () ->
                FundRecordView.of(fundStatuses.record(body.regionCode(), body.insuranceType(), body.year(), figures,
                        body.evidence(), PrepaymentApi.date(body.date()), user.actor(),
                        "api:" + user.actor().orgCode() + ":" + key)));
    }

    @PostMapping("/api/prepayment-fund-status/{id}/confirm")
    @Operation(summary = "复核人（非登记人）确认基金状况登记；确认后的最新登记用于第七条判断")
    ResponseEntity<JsonNode> confirmFundStatus(@AuthenticationPrincipal MedfundUser user, @PathVariable long id,
                                               @RequestHeader(name = Idempotency.HEADER, required = false)
                                               String key) {
        return idempotency.run(user, "prepayment.fund-status-confirm", key, List.of(id), () ->
                FundRecordView.of(fundStatuses.confirm(id, user.actor())));
    }

    /** Months as the API sends them (month "2025-01", yuan text); a bad month or amount names the field. */
    static List<FundMonth> months(List<MonthView> months, String field) {
        List<FundMonth> parsed = new ArrayList<>();
        for (MonthView m : months == null ? List.<MonthView>of() : months) {
            YearMonth month;
            try {
                month = YearMonth.parse(m.month() == null ? "" : m.month().strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new Rejection("prepayment.fund-window", field, "月份格式须为 YYYY-MM：" + m.month());
            }
            parsed.add(new FundMonth(month, PrepaymentApi.yuan(m.income(), field),
                    PrepaymentApi.yuan(m.expenditure(), field)));
        }
        return parsed;
    }
}

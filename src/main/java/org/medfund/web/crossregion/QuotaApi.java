package org.medfund.web.crossregion;

import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.crossregion.CrossRegionQuotas;
import org.medfund.crossregion.Obligation;
import org.medfund.crossregion.ObligationKind;
import org.medfund.crossregion.Quota;
import org.medfund.crossregion.QuotaKey;
import org.medfund.crossregion.QuotaKind;
import org.medfund.crossregion.QuotaRequest;
import org.medfund.crossregion.QuotaScope;
import org.medfund.crossregion.QuotaState;
import org.medfund.crossregion.Suspension;
import org.medfund.crossregion.Usage;
import org.medfund.crossregion.UsageWarning;
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
 * Prepay, then clear (guizhou-2017 三(三), 五(一)(二), 附件一): quotas and their remittance, usage and the emergency
 * top-up, suspension of late payers, and the annex 1 timetable as obligations. Commands need an
 * {@code Idempotency-Key}.
 */
@RestController
class QuotaApi {

    private final CrossRegionQuotas funding;
    private final Idempotency idempotency;

    QuotaApi(CrossRegionQuotas funding, Idempotency idempotency) {
        this.funding = funding;
        this.idempotency = idempotency;
    }

    record QuotaView(String id, String cityRegionCode, String cityName, int year, int quarter, QuotaScope scope,
                     String scopeLabel, QuotaKind kind, String kindLabel, QuotaState state, String stateLabel,
                     Money level, Money amount, Derivation derivation, Quota.Steps steps) {
        static QuotaView of(Quota q) {
            return new QuotaView(q.id(), q.key().cityRegionCode(), q.cityName(), q.key().year(), q.key().quarter(),
                    q.key().scope(), q.key().scope().label(), q.kind(), q.kind().label(), q.state(),
                    q.state().label(), q.level(), q.amount(), q.derivation(), q.steps());
        }
    }

    record QuotaSizeRequest(String cityRegionCode, int year, int quarter, QuotaScope scope, Money pastYearsFundPay,
                            LocalDate date) {
    }

    @PostMapping("/api/crossregion/quotas")
    @Operation(summary = "省异地就医结算中心核定市州本季度异地就医预付金（首期四个月，此后按季度核定；guizhou-2017 三(三)）")
    ResponseEntity<?> size(@AuthenticationPrincipal MedfundUser user,
                           @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                           @RequestBody QuotaSizeRequest body) {
        return idempotency.run(user, "crossregion.quota", key, body, HttpStatus.CREATED,
                () -> QuotaView.of(funding.size(new QuotaRequest(body.cityRegionCode(), body.year(), body.quarter(),
                        body.scope(), body.pastYearsFundPay(), body.date()), user.actor())));
    }

    @GetMapping("/api/crossregion/quotas")
    @Operation(summary = "某季度可见的各市州预付金")
    List<QuotaView> quotas(@AuthenticationPrincipal MedfundUser user, @RequestParam int year,
                           @RequestParam int quarter) {
        return funding.quotas(year, quarter, user.actor()).stream().map(QuotaView::of).toList();
    }

    @GetMapping("/api/crossregion/quotas/{id}")
    QuotaView quota(@AuthenticationPrincipal MedfundUser user, @PathVariable String id) {
        return QuotaView.of(funding.quota(id, user.actor()));
    }

    record QuotaStepRequest(LocalDate date) {
    }

    @PostMapping("/api/crossregion/quotas/{id}/confirm")
    @Operation(summary = "市州经办机构确认预付金（附件一 一(二)）")
    ResponseEntity<?> confirm(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                              @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                              @RequestBody QuotaStepRequest body) {
        return idempotency.run(user, "crossregion.quota-confirm", key, List.of(id, body),
                () -> QuotaView.of(funding.confirm(id, body.date(), user.actor())));
    }

    @PostMapping("/api/crossregion/quotas/{id}/review")
    @Operation(summary = "市州财政部门审核预付金（附件一 一(二)）")
    ResponseEntity<?> review(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                             @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                             @RequestBody QuotaStepRequest body) {
        return idempotency.run(user, "crossregion.quota-review", key, List.of(id, body),
                () -> QuotaView.of(funding.review(id, body.date(), user.actor())));
    }

    @PostMapping("/api/crossregion/quotas/{id}/remit")
    @Operation(summary = "市州财政专户将预付金上解至省级财政专户（在途，省级确认到账后入账）")
    ResponseEntity<?> remit(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                            @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                            @RequestBody QuotaStepRequest body) {
        return idempotency.run(user, "crossregion.quota-remit", key, List.of(id, body),
                () -> QuotaView.of(funding.remit(id, body.date(), user.actor())));
    }

    @PostMapping("/api/crossregion/quotas/{id}/receive")
    @Operation(summary = "省异地就医结算中心确认预付金到账；逾期暂停的统筹地区随之恢复直接结算（五(一)）")
    ResponseEntity<?> receive(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                              @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                              @RequestBody QuotaStepRequest body) {
        return idempotency.run(user, "crossregion.quota-receive", key, List.of(id, body),
                () -> QuotaView.of(funding.receive(id, body.date(), user.actor())));
    }

    record QuotaTopUpRequest(String cityRegionCode, int year, int quarter, QuotaScope scope, LocalDate date) {
    }

    @PostMapping("/api/crossregion/quotas/top-up")
    @Operation(summary = "使用率达到红色预警时启动预付金紧急调增（guizhou-2017 五(二)）")
    ResponseEntity<?> topUp(@AuthenticationPrincipal MedfundUser user,
                            @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                            @RequestBody QuotaTopUpRequest body) {
        return idempotency.run(user, "crossregion.quota-top-up", key, body, HttpStatus.CREATED,
                () -> QuotaView.of(funding.topUp(new QuotaKey(body.cityRegionCode(), body.year(), body.quarter(),
                        body.scope()), body.date(), user.actor())));
    }

    record UsageView(String cityRegionCode, int year, int quarter, QuotaScope scope, Money prepaid, Money cleared,
                     BigDecimal rate, UsageWarning warning, String warningLabel, Derivation derivation) {
    }

    @GetMapping("/api/crossregion/usage")
    @Operation(summary = "预付金使用率（清算资金 ÷ 预付金）与预警（guizhou-2017 五(二)）")
    UsageView usage(@AuthenticationPrincipal MedfundUser user, @RequestParam String city, @RequestParam int year,
                    @RequestParam int quarter, @RequestParam QuotaScope scope, @RequestParam LocalDate date) {
        Usage u = funding.usage(new QuotaKey(city, year, quarter, scope), date, user.actor());
        return new UsageView(city, year, quarter, scope, u.prepaid(), u.cleared(), u.rate(), u.warning(),
                u.warning().label(), u.derivation());
    }

    record LatePayersRequest(LocalDate date) {
    }

    @PostMapping("/api/crossregion/late-payers")
    @Operation(summary = "暂停逾期未上解预付金的统筹地区的异地就医直接结算（guizhou-2017 五(一)）")
    ResponseEntity<?> latePayers(@AuthenticationPrincipal MedfundUser user,
                                 @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                 @RequestBody LatePayersRequest body) {
        return idempotency.run(user, "crossregion.late-payers", key, body,
                () -> funding.suspendLatePayers(body.date(), user.actor()).stream().map(Suspension::id).toList());
    }

    record TimetableRequest(String provinceCode, int year, int quarter) {
    }

    record ObligationView(long id, ObligationKind kind, String kindLabel, String period, String orgCode,
                          String subject, LocalDate dueDate, LocalDate doneOn, boolean overdue, String citation) {
        static ObligationView of(Obligation o, LocalDate today) {
            return new ObligationView(o.id(), o.kind(), o.kind().label(), o.period().toString(), o.orgCode(),
                    o.subject(), o.dueDate(), o.doneOn(), o.overdueOn(today), o.citation());
        }
    }

    @PostMapping("/api/crossregion/timetable")
    @Operation(summary = "按附件一时间表生成本季度的办理事项（含截止日期）")
    ResponseEntity<?> timetable(@AuthenticationPrincipal MedfundUser user,
                                @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                @RequestBody TimetableRequest body) {
        return idempotency.run(user, "crossregion.timetable", key, body, () -> funding.openTimetable(
                body.provinceCode(), body.year(), body.quarter(), user.actor()).stream().map(Obligation::id).toList());
    }

    @GetMapping("/api/crossregion/obligations")
    @Operation(summary = "办理事项：截止日期在区间内的事项，未办结在前；overdue 为截至 today 是否逾期")
    List<ObligationView> obligations(@AuthenticationPrincipal MedfundUser user, @RequestParam LocalDate from,
                                     @RequestParam LocalDate to, @RequestParam LocalDate today) {
        return funding.obligations(from, to, user.actor()).stream().map(o -> ObligationView.of(o, today)).toList();
    }

    record ObligationDoneRequest(LocalDate date) {
    }

    @PostMapping("/api/crossregion/obligations/{id}/complete")
    @Operation(summary = "负有该事项的机构办结事项")
    ResponseEntity<?> complete(@AuthenticationPrincipal MedfundUser user, @PathVariable long id,
                               @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                               @RequestBody ObligationDoneRequest body) {
        return idempotency.run(user, "crossregion.obligation-done", key, List.of(id, body),
                () -> ObligationView.of(funding.complete(id, body.date(), user.actor()), body.date()));
    }
}

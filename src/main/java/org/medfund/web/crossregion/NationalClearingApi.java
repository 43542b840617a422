package org.medfund.web.crossregion;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.NationalClearingLine;
import org.medfund.crossregion.NationalClearingState;
import org.medfund.crossregion.NationalClearings;
import org.medfund.crossregion.NationalDirection;
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
 * The national clearing money (guizhou-2017 附件一 三(一); henan-2023 四(一)): the centre confirms the month's imported
 * 全国异地就医费用清算明细 and submits it to province finance, province finance completes the money (付款 and 收款), the
 * treatment city confirms its 收款 arrived. Commands need an {@code Idempotency-Key}.
 */
@RestController
class NationalClearingApi {

    private final NationalClearings national;
    private final Idempotency idempotency;

    NationalClearingApi(NationalClearings national, Idempotency idempotency) {
        this.national = national;
        this.idempotency = idempotency;
    }

    record NationalClearingView(String id, String month, String cityRegionCode, String cityName,
                                NationalDirection direction, String directionLabel, String counterpartProvince,
                                String counterpartName, String insuranceType, String insuranceTypeName, int rows,
                                Money medicalFee, Money fundPay, Derivation derivation, NationalClearingState state,
                                String stateLabel, NationalClearingLine.StepDates steps) {
        static NationalClearingView of(NationalClearingLine l) {
            return new NationalClearingView(l.id(), l.month().toString(), l.cityRegionCode(), l.cityName(),
                    l.direction(), l.direction().label(), l.counterpartProvince(), l.counterpartName(),
                    l.insuranceType(), l.insuranceTypeName(), l.rows(), l.medicalFee(), l.fundPay(), l.derivation(),
                    l.state(), l.state().label(), l.steps());
        }
    }

    /** {@code month} as YYYY-MM. */
    record NationalMonthRequest(String month, LocalDate date) {
    }

    record NationalReceiptRequest(LocalDate date) {
    }

    @PostMapping("/api/crossregion/national/clearings")
    @Operation(summary = "省异地就医结算中心确认某月全国异地就医费用清算明细并提交省级财政（附件一 三(一)；豫财社〔2023〕178号 四(一)）")
    ResponseEntity<?> submit(@AuthenticationPrincipal MedfundUser user,
                             @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                             @RequestBody NationalMonthRequest body) {
        return idempotency.run(user, "crossregion.national-clearing-submit", key, body, HttpStatus.CREATED,
                () -> views(national.submit(month(body.month()), body.date(), user.actor())));
    }

    @PostMapping("/api/crossregion/national/clearings/payment")
    @Operation(summary = "省级财政部门完成某月跨省清算资金收付：向外省付款，收外省款项并拨付就医地（在途）")
    ResponseEntity<?> pay(@AuthenticationPrincipal MedfundUser user,
                          @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                          @RequestBody NationalMonthRequest body) {
        return idempotency.run(user, "crossregion.national-clearing-pay", key, body,
                () -> views(national.pay(month(body.month()), body.date(), user.actor())));
    }

    @PostMapping("/api/crossregion/national/clearings/{id}/receipt")
    @Operation(summary = "就医地经办机构确认跨省清算收款到账")
    ResponseEntity<?> receive(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                              @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                              @RequestBody NationalReceiptRequest body) {
        return idempotency.run(user, "crossregion.national-clearing-receipt", key, List.of(id, body),
                () -> NationalClearingView.of(national.receive(id, body.date(), user.actor())));
    }

    @GetMapping("/api/crossregion/national/clearings")
    @Operation(summary = "某月全国跨省清算的收付款明细（按市州、对方省份、方向、险种；市州只见本市）")
    List<NationalClearingView> lines(@AuthenticationPrincipal MedfundUser user,
                                     @RequestParam(required = false) String month) {
        return views(national.lines(month(month), user.actor()));
    }

    @GetMapping("/api/crossregion/national/clearings/{id}")
    @Operation(summary = "一条全国跨省清算收付款明细及其计算依据")
    NationalClearingView line(@AuthenticationPrincipal MedfundUser user, @PathVariable String id) {
        return NationalClearingView.of(national.line(id, user.actor()));
    }

    static YearMonth month(String text) {
        if (text == null || text.isBlank()) {
            throw new Rejection("crossregion.month-missing", "month", "请填写清算月份（YYYY-MM）");
        }
        try {
            return MonthFilter.parse(text);
        } catch (Rejection e) {
            throw new Rejection("crossregion.month-invalid", "month", e.getMessage());
        }
    }

    private static List<NationalClearingView> views(List<NationalClearingLine> lines) {
        return lines.stream().map(NationalClearingView::of).toList();
    }
}

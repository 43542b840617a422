package org.medfund.web.prepayment;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import org.medfund.prepayment.RegionPlanPayments;
import org.medfund.prepayment.RegionPlanPayments.PlanPayment;
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
 * The money of Henan's in-province region plans (henan-2023 二(二) 轧差, 三(三), 四(三)): the payer moves a plan's netted
 * amount once (province finance a top-up, the region's agency a recovery), the payee confirms its arrival. Both need
 * an {@code Idempotency-Key}.
 */
@RestController
class RegionPlanPaymentApi {

    private final RegionPlanPayments payments;
    private final Idempotency idempotency;

    RegionPlanPaymentApi(RegionPlanPayments payments, Idempotency idempotency) {
        this.payments = payments;
        this.idempotency = idempotency;
    }

    record PlanRequest(String planId, LocalDate date) {
    }

    @PostMapping("/api/prepayments/region-plans/payments")
    @Operation(summary = "划拨预拨计划轧差后的资金：补拨由省财政厅拨付至统筹区经办机构支出户，收回由统筹区退回（henan-2023 二(二)）")
    ResponseEntity<?> pay(@AuthenticationPrincipal MedfundUser user,
                          @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                          @RequestBody PlanRequest body) {
        return idempotency.run(user, "prepayment.region-plan.pay", key, body, HttpStatus.CREATED,
                () -> payments.pay(body.planId(), body.date(), user.actor()));
    }

    @PostMapping("/api/prepayments/region-plans/payments/receipt")
    @Operation(summary = "收款方确认预拨计划资金到账（补拨：统筹区经办机构；收回：省财政厅）")
    ResponseEntity<?> receipt(@AuthenticationPrincipal MedfundUser user,
                              @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                              @RequestBody PlanRequest body) {
        return idempotency.run(user, "prepayment.region-plan.receipt", key, body, HttpStatus.OK,
                () -> payments.confirmReceipt(body.planId(), body.date(), user.actor()));
    }

    @GetMapping("/api/prepayments/region-plans/payments")
    @Operation(summary = "某年度各统筹区预拨计划的资金划拨情况（省看全省，市看本市）")
    List<PlanPayment> list(@AuthenticationPrincipal MedfundUser user, @RequestParam int year) {
        return payments.payments(year, user.actor());
    }
}

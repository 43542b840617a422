package org.medfund.web.crossregion;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.crossregion.CountyRemittances;
import org.medfund.crossregion.CountyShare;
import org.medfund.crossregion.CountyShareState;
import org.medfund.crossregion.QuotaScope;
import org.medfund.crossregion.RegionFundPay;
import org.medfund.web.Idempotency;
import org.medfund.web.MedfundUser;
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
 * The county leg of a city quota (guizhou-2017 附件二 一(一)1-2, 二(一)1-2): the city agency splits the quota, county
 * finance remits its share, city finance confirms the receipt. Commands need an {@code Idempotency-Key}.
 */
@RestController
class CountyShareApi {

    private final CountyRemittances counties;
    private final Idempotency idempotency;

    CountyShareApi(CountyRemittances counties, Idempotency idempotency) {
        this.counties = counties;
        this.idempotency = idempotency;
    }

    record CountyShareView(String id, String quotaId, String cityRegionCode, int year, int quarter, QuotaScope scope,
                           String countyRegionCode, String countyName, Money lastYearFundPay, Money amount,
                           CountyShareState state, String stateLabel, Derivation derivation, CountyShare.CountySteps steps) {
        static CountyShareView of(CountyShare s) {
            return new CountyShareView(s.id(), s.quotaId(), s.quota().cityRegionCode(), s.quota().year(),
                    s.quota().quarter(), s.quota().scope(), s.countyRegionCode(), s.countyName(), s.pastFundPay(),
                    s.amount(), s.state(), s.state().label(), s.derivation(), s.steps());
        }
    }

    record SplitRequest(LocalDate date, List<RegionFundPay> pastFundPay) {
    }

    @PostMapping("/api/crossregion/quotas/{id}/county-split")
    @Operation(summary = "市州经办机构将预付金在市本级与各县（区）间按上年异地就医基金支付占比分摊（guizhou-2017 附件二 一(一)3）")
    ResponseEntity<?> split(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                            @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                            @RequestBody SplitRequest body) {
        return idempotency.run(user, "crossregion.county-split", key, List.of(id, body),
                () -> counties.split(id, body.pastFundPay(), body.date(), user.actor()).stream()
                        .map(CountyShareView::of).toList());
    }

    @GetMapping("/api/crossregion/county-shares")
    @Operation(summary = "某季度可见的县（区）预付金及其划拨状态")
    List<CountyShareView> shares(@AuthenticationPrincipal MedfundUser user, @RequestParam int year,
                                 @RequestParam int quarter) {
        return counties.shares(year, quarter, user.actor()).stream().map(CountyShareView::of).toList();
    }

    record CountyStepRequest(LocalDate date) {
    }

    @PostMapping("/api/crossregion/county-shares/{id}/remit")
    @Operation(summary = "县级财政部门将预付金划拨市州财政专户（在途，市州财政确认到账后入账；附件二 一(一)1、二(一)1）")
    ResponseEntity<?> remit(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                            @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                            @RequestBody CountyStepRequest body) {
        return idempotency.run(user, "crossregion.county-remit", key, List.of(id, body),
                () -> CountyShareView.of(counties.remit(id, body.date(), user.actor())));
    }

    @PostMapping("/api/crossregion/county-shares/{id}/receive")
    @Operation(summary = "市州财政部门确认县（区）预付金到账（附件二 一(一)2、二(一)2）")
    ResponseEntity<?> receive(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                              @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                              @RequestBody CountyStepRequest body) {
        return idempotency.run(user, "crossregion.county-receive", key, List.of(id, body),
                () -> CountyShareView.of(counties.receive(id, body.date(), user.actor())));
    }
}

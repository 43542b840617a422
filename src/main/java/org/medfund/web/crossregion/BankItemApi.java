package org.medfund.web.crossregion;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import java.util.List;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.crossregion.BankCharge;
import org.medfund.crossregion.BankChargeKind;
import org.medfund.crossregion.BankChargeRequest;
import org.medfund.crossregion.BankInterest;
import org.medfund.crossregion.BankItems;
import org.medfund.crossregion.InterestRequest;
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
 * Bank items of cross-region accounts (guizhou-2017 五(三), henan-2023 四(三)): the register of bank charges kept
 * outside the fund books, and interest posted to the fund that owns it. Commands need an {@code Idempotency-Key}.
 */
@RestController
class BankItemApi {

    private final BankItems bank;
    private final Idempotency idempotency;

    BankItemApi(BankItems bank, Idempotency idempotency) {
        this.bank = bank;
        this.idempotency = idempotency;
    }

    record ChargeView(long id, String accountId, String accountName, String orgCode, String orgName,
                      BankChargeKind kind, String kindLabel, Money amount, LocalDate chargedOn, String voucherNo,
                      String memo, String citation) {
        static ChargeView of(BankCharge c) {
            return new ChargeView(c.id(), c.accountId(), c.accountName(), c.orgCode(), c.orgName(), c.kind(),
                    c.kind().label(), c.amount(), c.chargedOn(), c.voucherNo(), c.memo(), c.citation());
        }
    }

    record InterestView(long id, String accountId, String accountName, String orgCode, String orgName,
                        String ownerRegionCode, String ownerName, String sourceRegionCode, Money amount,
                        LocalDate receivedOn, String voucherNo, Derivation derivation, boolean posted) {
        static InterestView of(BankInterest i) {
            return new InterestView(i.id(), i.accountId(), i.accountName(), i.orgCode(), i.orgName(),
                    i.ownerRegionCode(), i.ownerName(), i.sourceRegionCode(), i.amount(), i.receivedOn(),
                    i.voucherNo(), i.derivation(), i.requestId() != null);
        }
    }

    @PostMapping("/api/crossregion/bank-charges")
    @Operation(summary = "登记银行手续费、票据工本费（基金账外登记，不得在基金中列支；guizhou-2017 五(三)、henan-2023 四(三)）")
    ResponseEntity<?> charge(@AuthenticationPrincipal MedfundUser user,
                             @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                             @RequestBody BankChargeRequest body) {
        return idempotency.run(user, "crossregion.bank-charge", key, body, HttpStatus.CREATED,
                () -> ChargeView.of(bank.recordCharge(body, user.actor())));
    }

    @GetMapping("/api/crossregion/bank-charges")
    @Operation(summary = "银行收费登记簿：可见账户在期间内的银行手续费和票据工本费")
    List<ChargeView> charges(@AuthenticationPrincipal MedfundUser user, @RequestParam LocalDate from,
                             @RequestParam LocalDate to) {
        return bank.charges(from, to, user.actor()).stream().map(ChargeView::of).toList();
    }

    @PostMapping("/api/crossregion/bank-interest")
    @Operation(summary = "登记账户利息并记入所属基金（就医地财政专户利息归就医地；guizhou-2017 五(三)、henan-2023 四(三)）")
    ResponseEntity<?> interest(@AuthenticationPrincipal MedfundUser user,
                               @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                               @RequestBody InterestRequest body) {
        return idempotency.run(user, "crossregion.bank-interest", key, body, HttpStatus.CREATED,
                () -> InterestView.of(bank.receiveInterest(body, user.actor())));
    }

    @GetMapping("/api/crossregion/bank-interest")
    @Operation(summary = "可见账户在期间内的利息及其归属")
    List<InterestView> interestList(@AuthenticationPrincipal MedfundUser user, @RequestParam LocalDate from,
                                    @RequestParam LocalDate to) {
        return bank.interest(from, to, user.actor()).stream().map(InterestView::of).toList();
    }
}

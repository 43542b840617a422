package org.medfund.crossregion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Money;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.prepayment.Fixtures;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * guizhou-2017 五(三) and henan-2023 四(三) on the database: bank fees and bill costs are registered per account with
 * the bank voucher and never reach the fund books (a request to charge the fund is refused, citing the article);
 * interest is posted to the fund of the region holding the account — a city's special account to the city, the
 * treatment region's special account to the treatment region even when another region's prepayment earned it. After
 * every scenario the ledger audit. 黔东南州 and 河南省财政厅 accounts are compared before and after, so other tests'
 * postings do not matter.
 */
@DatabaseTest
class BankItemsTest {

    private static final String CITY_SPECIAL = "522600-FINANCE-SPECIAL";
    private static final String HENAN_SPECIAL = "410000-FINANCE-SPECIAL";
    private static final LocalDate FAR = LocalDate.of(2030, 1, 1);

    @Autowired
    BankItems bank;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerAudit audit;

    private final Actor cityFinance = Fixtures.actor("crb-f", "522600-FINANCE", Role.FINANCE);
    private final Actor henanFinance = Fixtures.actor("crb-hf", "410000-FINANCE", Role.FINANCE);

    private Money balance(String org, String account) {
        return ledger.balance(org, account, null, null, FAR);
    }

    @Test
    @DisplayName("guizhou-2017 五(三): a 1 fen bank fee is registered, reported and never posted; charging the fund is"
            + " refused")
    void bankFeesStayOutsideTheFund() {
        ledger.openBook("522600-FINANCE");
        Money before = balance("522600-FINANCE", "1003");
        LocalDate day = LocalDate.of(2026, 7, 20);
        BankCharge fee = bank.recordCharge(new BankChargeRequest(CITY_SPECIAL, BankChargeKind.BANK_FEE,
                Money.ofFen(1), day, "GZ-FEE-1", "上解预付金汇划手续费", false), cityFinance);
        assertThat(fee.amount()).isEqualTo(Money.ofFen(1));
        assertThat(fee.citation()).isEqualTo("guizhou-2017 v1, guizhou-2017 五(三)");
        assertThat(bank.recordCharge(new BankChargeRequest(CITY_SPECIAL, BankChargeKind.BANK_FEE, Money.ofFen(1), day,
                "GZ-FEE-1", "上解预付金汇划手续费", false), cityFinance)).isEqualTo(fee);
        assertThatThrownBy(() -> bank.recordCharge(new BankChargeRequest(CITY_SPECIAL, BankChargeKind.BANK_FEE,
                Money.ofFen(2), day, "GZ-FEE-1", "上解预付金汇划手续费", false), cityFinance))
                .extracting("code").isEqualTo("crossregion.voucher-used");
        assertThatThrownBy(() -> bank.recordCharge(new BankChargeRequest(CITY_SPECIAL, BankChargeKind.BILL_COST,
                Money.ofYuan("5.00"), day, "GZ-FEE-2", "票据工本费", true), cityFinance))
                .extracting("code", "field").containsExactly("crossregion.bank-fee-not-fund", "chargeToFund");
        assertThatThrownBy(() -> bank.recordCharge(new BankChargeRequest(CITY_SPECIAL, BankChargeKind.BILL_COST,
                Money.ofYuan("5.00"), day, "GZ-FEE-2", "票据工本费", true), cityFinance))
                .hasMessageContaining("银行票据工本费不得在基金中列支（黔人社厅通〔2017〕204号 五(三)）");
        assertThatThrownBy(() -> bank.recordCharge(new BankChargeRequest(CITY_SPECIAL, BankChargeKind.BANK_FEE,
                Money.ZERO, day, "GZ-FEE-3", "", false), cityFinance)).extracting("code")
                .isEqualTo("crossregion.charge-invalid");
        assertThat(balance("522600-FINANCE", "1003")).isEqualTo(before);
        assertThat(bank.charges(day, day, cityFinance)).extracting(BankCharge::voucherNo).containsExactly("GZ-FEE-1");
        assertThat(bank.charges(day, day, Fixtures.actor("crb-other", "520100-FINANCE", Role.FINANCE))).isEmpty();
        audit.assertSound();
    }

    @Test
    @DisplayName("henan-2023 四(三): charging the fund is refused under Henan's article too; only the holder records")
    void henanRefusesToo() {
        assertThatThrownBy(() -> bank.recordCharge(new BankChargeRequest(HENAN_SPECIAL, BankChargeKind.BANK_FEE,
                Money.ofYuan("1.00"), LocalDate.of(2026, 7, 20), "HA-FEE-1", "", true), henanFinance))
                .hasMessageContaining("豫财社〔2023〕178号 四(三)");
        assertThatThrownBy(() -> bank.recordCharge(new BankChargeRequest(HENAN_SPECIAL, BankChargeKind.BANK_FEE,
                Money.ofYuan("1.00"), LocalDate.of(2026, 7, 20), "HA-FEE-1", "", false), cityFinance))
                .extracting("code").isEqualTo("crossregion.account-holder-only");
        assertThatThrownBy(() -> bank.recordCharge(new BankChargeRequest(HENAN_SPECIAL, BankChargeKind.BANK_FEE,
                Money.ofYuan("1.00"), LocalDate.of(2026, 7, 20), "HA-FEE-1", "", false),
                Fixtures.actor("crb-aud", "410000-FINANCE", Role.AUDITOR)))
                .extracting("code").isEqualTo("crossregion.account-holder-only");
        audit.assertSound();
    }

    @Test
    @DisplayName("guizhou-2017 五(三), henan-2023 四(三): interest on a city account goes to the city's fund, on the"
            + " treatment region's account to the treatment region; zero interest moves nothing")
    void interestToTheOwningFund() {
        LocalDate day = LocalDate.of(2026, 6, 21);
        ledger.openBook("522600-FINANCE");
        ledger.openBook("410000-FINANCE");
        Money cityBefore = balance("522600-FINANCE", "4201");
        BankInterest city = bank.receiveInterest(new InterestRequest(CITY_SPECIAL, Money.ofYuan("12.34"), day,
                "GZ-INT-2026Q2", null), cityFinance);
        assertThat(city.ownerRegionCode()).isEqualTo("522600");
        assertThat(city.derivation().citation()).isEqualTo("guizhou-2017 v1, guizhou-2017 五(三)");
        assertThat(balance("522600-FINANCE", "4201").minus(cityBefore)).isEqualTo(Money.ofYuan("12.34"));
        assertThat(bank.receiveInterest(new InterestRequest(CITY_SPECIAL, Money.ofYuan("12.34"), day,
                "GZ-INT-2026Q2", null), cityFinance)).isEqualTo(city);
        assertThatThrownBy(() -> bank.receiveInterest(new InterestRequest(CITY_SPECIAL, Money.ofYuan("12.35"), day,
                "GZ-INT-2026Q2", null), cityFinance)).extracting("code").isEqualTo("crossregion.voucher-used");
        audit.assertSound();

        // Guizhou's prepayment held in Henan's special account earns interest for Henan, not for 贵阳市.
        Money henanBefore = balance("410000-FINANCE", "4201");
        Money guiyangBefore = ledger.balance("520100-FINANCE", "4201", null, null, FAR);
        BankInterest treatment = bank.receiveInterest(new InterestRequest(HENAN_SPECIAL, Money.ofYuan("45.60"), day,
                "HA-INT-2026Q2", "520100"), henanFinance);
        assertThat(treatment.ownerRegionCode()).isEqualTo("410000");
        assertThat(treatment.sourceRegionCode()).isEqualTo("520100");
        assertThat(treatment.derivation().citation()).isEqualTo("henan-2023 v1, henan-2023 四(三)");
        assertThat(treatment.derivation().inputs()).extracting(i -> i.name() + "=" + i.value())
                .contains("利息归属（账户所在地区基金）=河南省", "预付金来源地区（不分享利息）=贵阳市");
        assertThat(balance("410000-FINANCE", "4201").minus(henanBefore)).isEqualTo(Money.ofYuan("45.60"));
        assertThat(ledger.balance("520100-FINANCE", "4201", null, null, FAR)).isEqualTo(guiyangBefore);
        audit.assertSound();

        // An agency's expenditure account: the agency book's 支出户存款, with the account's fund as dimension.
        Money agencyBefore = ledger.balance("522600-AGENCY", "1004", null, "310", FAR);
        bank.receiveInterest(new InterestRequest("522600-AGENCY-EXPENDITURE-310", Money.ofYuan("0.01"), day,
                "GZ-INT-EXP", null), Fixtures.actor("crb-a", "522600-AGENCY", Role.CLERK));
        assertThat(ledger.balance("522600-AGENCY", "1004", null, "310", FAR).minus(agencyBefore))
                .isEqualTo(Money.ofFen(1));

        // Zero interest is a bank fact worth keeping, with nothing to post.
        Money zeroBefore = balance("522600-FINANCE", "4201");
        BankInterest zero = bank.receiveInterest(new InterestRequest(CITY_SPECIAL, Money.ZERO, day.plusDays(91),
                "GZ-INT-2026Q3", null), cityFinance);
        assertThat(zero.requestId()).isNull();
        assertThat(balance("522600-FINANCE", "4201")).isEqualTo(zeroBefore);
        // City finance sees its own and its city agency's items.
        assertThat(bank.interest(day, day.plusDays(91), cityFinance)).extracting(BankInterest::voucherNo)
                .containsExactly("GZ-INT-2026Q3", "GZ-INT-EXP", "GZ-INT-2026Q2");
        assertThatThrownBy(() -> bank.receiveInterest(new InterestRequest(CITY_SPECIAL, Money.ofYuan("-1.00"), day,
                "GZ-INT-NEG", null), cityFinance)).extracting("code").isEqualTo("crossregion.interest-invalid");
        audit.assertSound();
    }
}

package org.medfund.web.crossregion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfund.common.Money;
import org.medfund.crossregion.BankCharge;
import org.medfund.crossregion.BankChargeKind;
import org.medfund.crossregion.BankChargeRequest;
import org.medfund.crossregion.BankInterest;
import org.medfund.crossregion.BankItems;
import org.medfund.crossregion.InterestRequest;
import org.medfund.notices.XlsxExport;
import org.medfund.policy.Citations;
import org.medfund.registry.Account;
import org.medfund.registry.AccountKind;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.medfund.web.MedfundUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 异地就医资金银行收支 page (guizhou-2017 五(三), henan-2023 四(三)): the register of bank charges outside the fund
 * books with totals per account, the interest received and the fund it went to, forms for the account holder's
 * clerks and finance staff, and both lists as xlsx. Names, not codes; citations by document number and article.
 */
@Controller
class BankItemPages {

    static final List<String> CHARGE_HEADER = List.of("扣费日期", "机构", "账户", "类别", "金额（元）", "银行凭证号",
            "摘要", "处理", "依据");
    static final List<String> INTEREST_HEADER = List.of("到账日期", "机构", "账户", "利息（元）", "银行凭证号",
            "归属基金", "预付金来源地区", "入账", "计算依据");
    static final String OUTSIDE_FUND = "基金账外登记，未在基金中列支";

    private final BankItems bank;
    private final Registry registry;
    private final Citations citations;
    private final Clock clock;

    BankItemPages(BankItems bank, Registry registry, Citations citations, Clock clock) {
        this.bank = bank;
        this.registry = registry;
        this.citations = citations;
        this.clock = clock;
    }

    record ChargeRow(String chargedOn, String org, String account, String kind, String amount, String voucher,
                     String memo, String citation) {
    }

    record InterestRow(String receivedOn, String org, String account, String amount, String voucher, String owner,
                       String source, String posted, String derivation) {
    }

    record AccountTotal(String account, String total, int count) {
    }

    record AccountOption(String id, String name) {
    }

    @GetMapping("/crossregion/bank")
    String page(@AuthenticationPrincipal MedfundUser user, @RequestParam(required = false) LocalDate from,
                @RequestParam(required = false) LocalDate to, Model model) {
        LocalDate today = LocalDate.now(clock);
        LocalDate f = from == null ? today.withDayOfYear(1) : from;
        LocalDate t = to == null ? today : to;
        List<BankCharge> charges = bank.charges(f, t, user.actor());
        model.addAttribute("from", f);
        model.addAttribute("to", t);
        model.addAttribute("today", today);
        model.addAttribute("charges", charges.stream().map(this::chargeRow).toList());
        model.addAttribute("totals", totals(charges));
        model.addAttribute("interest", bank.interest(f, t, user.actor()).stream().map(this::interestRow).toList());
        boolean records = user.actor().has(Role.CLERK) || user.actor().has(Role.FINANCE);
        model.addAttribute("accounts", records ? registry.accounts(user.actor().orgCode()).stream()
                .filter(BankItemPages::holdsFundMoney).map(a -> new AccountOption(a.id(), a.accountName())).toList()
                : List.of());
        model.addAttribute("kinds", BankChargeKind.values());
        return "crossregion-bank";
    }

    @PostMapping("/crossregion/bank/charges")
    String charge(@AuthenticationPrincipal MedfundUser user, @RequestParam String accountId,
                  @RequestParam BankChargeKind kind, @RequestParam String amount, @RequestParam LocalDate chargedOn,
                  @RequestParam String voucherNo, @RequestParam(required = false) String memo) {
        bank.recordCharge(new BankChargeRequest(accountId, kind, Money.ofYuan(amount.strip()), chargedOn, voucherNo,
                memo, false), user.actor());
        return "redirect:/crossregion/bank";
    }

    @PostMapping("/crossregion/bank/interest")
    String interest(@AuthenticationPrincipal MedfundUser user, @RequestParam String accountId,
                    @RequestParam String amount, @RequestParam LocalDate receivedOn, @RequestParam String voucherNo) {
        bank.receiveInterest(new InterestRequest(accountId, Money.ofYuan(amount.strip()), receivedOn, voucherNo, null),
                user.actor());
        return "redirect:/crossregion/bank";
    }

    @GetMapping("/crossregion/bank/charges.xlsx")
    ResponseEntity<byte[]> chargesXlsx(@AuthenticationPrincipal MedfundUser user, @RequestParam LocalDate from,
                                       @RequestParam LocalDate to) {
        List<List<Object>> rows = new ArrayList<>();
        for (BankCharge c : bank.charges(from, to, user.actor())) {
            rows.add(List.of(c.chargedOn().toString(), c.orgName(), c.accountName(), c.kind().label(),
                    c.amount().toYuan(), c.voucherNo(), c.memo(), OUTSIDE_FUND, citations.text(c.citation())));
        }
        return XlsxExport.response("银行收费登记簿-" + from + "至" + to + ".xlsx", "银行收费登记簿", CHARGE_HEADER, rows);
    }

    @GetMapping("/crossregion/bank/interest.xlsx")
    ResponseEntity<byte[]> interestXlsx(@AuthenticationPrincipal MedfundUser user, @RequestParam LocalDate from,
                                        @RequestParam LocalDate to) {
        List<List<Object>> rows = new ArrayList<>();
        for (BankInterest i : bank.interest(from, to, user.actor())) {
            InterestRow r = interestRow(i);
            rows.add(List.of(r.receivedOn(), r.org(), r.account(), i.amount().toYuan(), r.voucher(), r.owner(),
                    r.source(), r.posted(), citations.text(i.derivation().explain())));
        }
        return XlsxExport.response("异地就医账户利息-" + from + "至" + to + ".xlsx", "利息", INTEREST_HEADER, rows);
    }

    /** The accounts that hold fund money: special, income and expenditure accounts (not a hospital's or a reserve). */
    private static boolean holdsFundMoney(Account a) {
        return a.kind() == AccountKind.SPECIAL || a.kind() == AccountKind.INCOME || a.kind() == AccountKind.EXPENDITURE;
    }

    private ChargeRow chargeRow(BankCharge c) {
        return new ChargeRow(c.chargedOn().toString(), c.orgName(), c.accountName(), c.kind().label(),
                c.amount().toYuanText(), c.voucherNo(), c.memo(), citations.text(c.citation()));
    }

    private InterestRow interestRow(BankInterest i) {
        String source = i.sourceRegionCode() == null ? "" : registry.region(i.sourceRegionCode())
                .map(r -> r.name()).orElse(i.sourceRegionCode());
        return new InterestRow(i.receivedOn().toString(), i.orgName(), i.accountName(), i.amount().toYuanText(),
                i.voucherNo(), i.ownerName() + "基金", source, i.requestId() == null ? "零利息，无需入账" : "已记入利息收入",
                citations.text(i.derivation().explain()));
    }

    private static List<AccountTotal> totals(List<BankCharge> charges) {
        Map<String, List<BankCharge>> byAccount = new LinkedHashMap<>();
        charges.forEach(c -> byAccount.computeIfAbsent(c.orgName() + " " + c.accountName(), k -> new ArrayList<>())
                .add(c));
        return byAccount.entrySet().stream().map(e -> new AccountTotal(e.getKey(), e.getValue().stream()
                .map(BankCharge::amount).reduce(Money.ZERO, Money::plus).toYuanText(), e.getValue().size())).toList();
    }
}

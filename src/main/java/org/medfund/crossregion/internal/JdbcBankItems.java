package org.medfund.crossregion.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.BankCharge;
import org.medfund.crossregion.BankChargeRequest;
import org.medfund.crossregion.BankInterest;
import org.medfund.crossregion.BankItems;
import org.medfund.crossregion.InterestRequest;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.policy.Citations;
import org.medfund.policy.PolicyPacks;
import org.medfund.policy.Resolved;
import org.medfund.registry.Account;
import org.medfund.registry.AccountKind;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.Region;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bank items of cross-region accounts (guizhou-2017 五(三), henan-2023 四(三)). A charge is only registered: no
 * posting rule exists for it, so the fund books cannot carry it, and a request to pay it from the fund is refused
 * while the account's pack says {@code crossregion.bank-fees-to-fund = false}. Interest is posted in the account
 * holder's book by the rule for the account's kind, because {@code crossregion.interest-owner = treatment-region}
 * gives it to the fund of the region holding the account, never to the region whose prepayment earned it.
 */
@Service
class JdbcBankItems implements BankItems {

    static final String FEES_RULE = "crossregion.bank-fees-to-fund";
    static final String OWNER_RULE = "crossregion.interest-owner";
    static final String TREATMENT_REGION = "treatment-region";
    static final String INTEREST_SPECIAL = "crossregion.interest.special-account";
    static final String INTEREST_EXPENDITURE = "crossregion.interest.expenditure-account";
    static final String INTEREST_INCOME = "interest.received";
    static final int VOUCHER_LENGTH_MAX = 60;
    static final int MEMO_LENGTH_MAX = 200;
    /** The largest single bank item accepted: 100 million yuan. */
    static final long ITEM_FEN_MAX = 10_000_000_000L;

    private final BankItemStore store;
    private final Registry registry;
    private final PolicyPacks packs;
    private final Citations citations;
    private final Ledger ledger;

    JdbcBankItems(BankItemStore store, Registry registry, PolicyPacks packs, Citations citations, Ledger ledger) {
        this.store = store;
        this.registry = registry;
        this.packs = packs;
        this.citations = citations;
        this.ledger = ledger;
    }

    @Override
    @Transactional
    public BankCharge recordCharge(BankChargeRequest request, Actor actor) {
        Account account = ownAccount(request.accountId(), actor);
        if (request.kind() == null) {
            throw new Rejection("crossregion.charge-kind-missing", "kind", "请选择银行手续费或银行票据工本费");
        }
        Money amount = request.amount();
        if (amount == null || !amount.isPositive() || amount.fen() > ITEM_FEN_MAX) {
            throw new Rejection("crossregion.charge-invalid", "amount", "请填写大于零的收费金额");
        }
        if (request.chargedOn() == null) {
            throw new Rejection("crossregion.date-missing", "chargedOn", "请填写银行扣费日期");
        }
        String voucher = voucher(request.voucherNo());
        String memo = request.memo() == null ? "" : request.memo().strip();
        if (memo.length() > MEMO_LENGTH_MAX) {
            throw new Rejection("crossregion.memo-too-long", "memo", "摘要最多 " + MEMO_LENGTH_MAX + " 个字");
        }
        Org holder = registry.requireOrg(account.orgCode(), "accountId");
        Resolved fees = packs.resolve(holder.regionCode(), request.chargedOn(), FEES_RULE);
        if (request.chargeToFund()) {
            if (!fees.parameter().flag()) {
                throw new Rejection("crossregion.bank-fee-not-fund", "chargeToFund", request.kind().label()
                        + "不得在基金中列支（" + citations.text(fees.citation()) + "），只能在基金账外登记");
            }
            throw new IllegalStateException("no regime lets the fund pay bank charges; charging the fund is not built");
        }
        BankItemStore.ChargeRow row = new BankItemStore.ChargeRow(0, account.id(), holder.code(), request.kind(),
                amount, request.chargedOn(), voucher, memo, fees.citation());
        var present = store.charge(account.id(), voucher);
        if (present.isPresent()) {
            BankItemStore.ChargeRow p = present.get();
            if (p.kind() == row.kind() && p.amount().equals(amount) && p.chargedOn().equals(row.chargedOn())
                    && p.memo().equals(memo)) {
                return charge(p);
            }
            throw Rejection.conflict("crossregion.voucher-used", "voucherNo", "银行凭证 " + voucher
                    + " 已登记为另一笔收费");
        }
        long id = store.insertCharge(row, actor.userId());
        return charge(new BankItemStore.ChargeRow(id, row.accountId(), row.orgCode(), row.kind(), row.amount(),
                row.chargedOn(), row.voucherNo(), row.memo(), row.citation()));
    }

    @Override
    @Transactional
    public BankInterest receiveInterest(InterestRequest request, Actor actor) {
        Account account = ownAccount(request.accountId(), actor);
        String rule = interestRule(account);
        Money amount = request.amount();
        if (amount == null || amount.isNegative() || amount.fen() > ITEM_FEN_MAX) {
            throw new Rejection("crossregion.interest-invalid", "amount", "请填写利息金额（不能为负）");
        }
        if (request.receivedOn() == null) {
            throw new Rejection("crossregion.date-missing", "receivedOn", "请填写利息到账日期");
        }
        String voucher = voucher(request.voucherNo());
        String source = request.sourceRegionCode() == null || request.sourceRegionCode().isBlank() ? null
                : registry.requireRegion(request.sourceRegionCode(), "sourceRegionCode").code();
        Org holder = registry.requireOrg(account.orgCode(), "accountId");
        Resolved owner = packs.resolve(holder.regionCode(), request.receivedOn(), OWNER_RULE);
        if (!TREATMENT_REGION.equals(owner.parameter().value())) {
            throw new IllegalStateException("only interest to the treatment region is built: "
                    + owner.parameter().value());
        }
        var present = store.interest(account.id(), voucher);
        if (present.isPresent()) {
            BankItemStore.InterestRow p = present.get();
            if (p.amount().equals(amount) && p.receivedOn().equals(request.receivedOn())
                    && Objects.equals(p.sourceRegion(), source)) {
                return interest(p);
            }
            throw Rejection.conflict("crossregion.voucher-used", "voucherNo", "银行凭证 " + voucher
                    + " 已登记为另一笔利息");
        }
        Derivation derivation = ownerDerivation(account, holder, source, voucher, amount, owner);
        String requestId = null;
        if (amount.isPositive()) {
            requestId = "crint-" + account.id() + "-" + voucher;
            String role = rule.equals(INTEREST_INCOME) ? "agency" : "holder";
            ledger.openBook(holder.code());
            ledger.post(new BusinessEvent(rule, requestId, request.receivedOn(), YearMonth.from(request.receivedOn()),
                    amount, Map.of(role, holder.code()), account.insuranceType(), "crossregion-bank-interest", voucher,
                    owner.packId(), owner.parameter().article(), "银行利息收入（" + account.accountName() + "，凭证 "
                    + voucher + "）归" + regionName(holder.regionCode()) + "基金"));
        }
        BankItemStore.InterestRow row = new BankItemStore.InterestRow(0, account.id(), holder.code(),
                holder.regionCode(), source, amount, request.receivedOn(), voucher, derivation, requestId);
        store.insertInterest(row, actor.userId());
        return interest(store.interest(account.id(), voucher).orElseThrow());
    }

    /** Why the interest is the holder's: the pack's owner rule, with the account, its region and the money's source. */
    private Derivation ownerDerivation(Account account, Org holder, String source, String voucher, Money amount,
                                       Resolved owner) {
        List<Derivation.Input> inputs = new ArrayList<>(List.of(
                new Derivation.Input("账户", account.accountName()),
                new Derivation.Input("开户机构", holder.name()),
                new Derivation.Input("利息归属（账户所在地区基金）", regionName(holder.regionCode())),
                new Derivation.Input("银行凭证", voucher)));
        if (source != null) {
            inputs.add(new Derivation.Input("预付金来源地区（不分享利息）", regionName(source)));
        }
        return new Derivation("利息全额计入账户所在地区（就医地）基金的利息收入", inputs, owner.citation(), amount);
    }

    /** The posting rule for interest on an account of this kind; the other kinds hold no cross-region money. */
    private static String interestRule(Account account) {
        AccountKind kind = account.kind();
        if (kind == AccountKind.SPECIAL) {
            return INTEREST_SPECIAL;
        }
        if (kind == AccountKind.EXPENDITURE) {
            return INTEREST_EXPENDITURE;
        }
        if (kind == AccountKind.INCOME) {
            return INTEREST_INCOME;
        }
        throw new Rejection("crossregion.account-kind-invalid", "accountId", "该账户不是财政专户、收入户或支出户，"
                + "不在异地就医资金账户之列");
    }

    @Override
    public List<BankCharge> charges(LocalDate from, LocalDate to, Actor actor) {
        checkRange(from, to);
        return store.charges(from, to, ROWS_MAX).stream().filter(c -> registry.canSeeOrg(actor, c.orgCode()))
                .map(this::charge).toList();
    }

    @Override
    public List<BankInterest> interest(LocalDate from, LocalDate to, Actor actor) {
        checkRange(from, to);
        return store.interest(from, to, ROWS_MAX).stream().filter(i -> registry.canSeeOrg(actor, i.orgCode()))
                .map(this::interest).toList();
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new Rejection("crossregion.dates-reversed", "to", "请给出起止日期，截止日期不能早于开始日期");
        }
    }

    /** An account of the caller's own organisation, recorded by its clerks or finance staff. */
    private Account ownAccount(String accountId, Actor actor) {
        if (!actor.has(Role.CLERK) && !actor.has(Role.FINANCE)) {
            throw Rejection.forbidden("crossregion.account-holder-only", "accountId",
                    "只有账户所属机构的经办或财务人员可以登记银行收支");
        }
        return registry.accounts(actor.orgCode()).stream().filter(a -> a.id().equals(accountId)).findFirst()
                .orElseThrow(() -> Rejection.forbidden("crossregion.account-holder-only", "accountId", "账户 "
                        + accountId + " 不是本机构的账户，只有账户所属机构可以登记其银行收支"));
    }

    private static String voucher(String voucherNo) {
        String voucher = voucherNo == null ? "" : voucherNo.strip();
        if (voucher.isEmpty() || voucher.length() > VOUCHER_LENGTH_MAX) {
            throw new Rejection("crossregion.voucher-missing", "voucherNo", "请填写银行凭证号（最多 "
                    + VOUCHER_LENGTH_MAX + " 个字符）");
        }
        return voucher;
    }

    private BankCharge charge(BankItemStore.ChargeRow c) {
        return new BankCharge(c.id(), c.accountId(), accountName(c.orgCode(), c.accountId()), c.orgCode(),
                orgName(c.orgCode()), c.kind(), c.amount(), c.chargedOn(), c.voucherNo(), c.memo(), c.citation());
    }

    private BankInterest interest(BankItemStore.InterestRow i) {
        return new BankInterest(i.id(), i.accountId(), accountName(i.orgCode(), i.accountId()), i.orgCode(),
                orgName(i.orgCode()), i.ownerRegion(), regionName(i.ownerRegion()), i.sourceRegion(), i.amount(),
                i.receivedOn(), i.voucherNo(), i.derivation(), i.requestId());
    }

    private String accountName(String org, String accountId) {
        return registry.accounts(org).stream().filter(a -> a.id().equals(accountId)).map(Account::accountName)
                .findFirst().orElse(accountId);
    }

    private String orgName(String code) {
        return registry.org(code).map(Org::name).orElse(code);
    }

    private String regionName(String code) {
        return registry.region(code).map(Region::name).orElse(code);
    }
}

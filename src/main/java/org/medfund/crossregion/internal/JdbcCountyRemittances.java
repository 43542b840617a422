package org.medfund.crossregion.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.CountyRemittances;
import org.medfund.crossregion.CountyShare;
import org.medfund.crossregion.CountyShareState;
import org.medfund.crossregion.RegionFundPay;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.policy.PolicyPacks;
import org.medfund.policy.Resolved;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.Region;
import org.medfund.registry.RegionLevel;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county leg of a city quota (guizhou-2017 附件二 一(一)1-2, 二(一)1-2): the split follows the city's pack
 * ({@code crossregion.county-split}); each county's remittance is the transfer {@code
 * crossregion.prepayment.county-to-city} under the share's id, in transit until city finance confirms it.
 */
@Service
class JdbcCountyRemittances implements CountyRemittances {

    static final String REMITTANCE = "crossregion.prepayment.county-to-city";
    static final String SPLIT_RULE = "crossregion.county-split";
    static final String LAST_YEAR_SHARE = "last-year-fund-pay-share";
    static final String ENTRIES = "guizhou-2017 附件二 一(一)1-2、二(一)1-2";
    /** The largest weight accepted: 100 billion yuan, as for the quota's past-years figure. */
    static final long FUND_PAY_FEN_MAX = JdbcQuotas.PAST_YEARS_FEN_MAX;

    private final CountyShareStore store;
    private final QuotaStore quotas;
    private final Registry registry;
    private final PolicyPacks packs;
    private final Ledger ledger;

    JdbcCountyRemittances(CountyShareStore store, QuotaStore quotas, Registry registry, PolicyPacks packs,
                          Ledger ledger) {
        this.store = store;
        this.quotas = quotas;
        this.registry = registry;
        this.packs = packs;
        this.ledger = ledger;
    }

    @Override
    @Transactional
    public List<CountyShare> split(String quotaId, List<RegionFundPay> pastFundPay, LocalDate date, Actor actor) {
        QuotaStore.QuotaRow quota = quotas.quota(quotaId == null ? "" : quotaId, true)
                .filter(q -> registry.canSeeRegion(actor, q.key().cityRegionCode()))
                .orElseThrow(() -> Rejection.notFound("crossregion.quota-unknown", "id", "没有编号为 " + quotaId
                        + " 的预付金"));
        Region city = registry.requireRegion(quota.key().cityRegionCode(), "id");
        Org agency = registry.agencyOf(city.code()).orElseThrow();
        if (!actor.orgCode().equals(agency.code()) || !actor.has(Role.CLERK)) {
            throw Rejection.forbidden("crossregion.city-agency-only", "id", "只有 " + agency.name()
                    + " 的经办人员可以分摊县（区）预付金");
        }
        if (registry.descendants(city.code()).isEmpty()) {
            // The province's own pool (省本级) has no counties: annex 2 一(一)3's 县区部分 exists only in a city's quota.
            throw new Rejection("crossregion.no-counties", "id", city.name() + " 没有下属县（区），预付金不分摊");
        }
        if (date == null) {
            throw new Rejection("crossregion.date-missing", "date", "请填写分摊日期");
        }
        Resolved rule = packs.find(city.code(), date, SPLIT_RULE).orElseThrow(() -> new Rejection(
                "crossregion.no-county-split", "id", city.name() + " 的政策未规定县（区）分摊预付金"));
        if (!LAST_YEAR_SHARE.equals(rule.parameter().value())) {
            throw new IllegalStateException("only the last-year share split is built: " + rule.parameter().value());
        }
        List<RegionFundPay> weights = checked(city, pastFundPay);
        List<CountyShareStore.ShareRow> present = store.sharesOf(quota.id());
        if (!present.isEmpty()) {
            if (sameSplit(present, weights, city)) {
                return present.stream().map(s -> view(s, quota)).toList();
            }
            throw Rejection.conflict("crossregion.quota-split", "pastFundPay", quota.id()
                    + " 已按其他数据分摊到县（区）");
        }
        List<Money> parts = quota.amount().allocate(weights.stream().map(w -> w.lastYearFundPay().fen()).toList());
        Money total = weights.stream().map(RegionFundPay::lastYearFundPay).reduce(Money.ZERO, Money::plus);
        Money cityPart = Money.ZERO;
        for (int i = 0; i < weights.size(); i++) {
            if (weights.get(i).regionCode().equals(city.code())) {
                cityPart = parts.get(i);
            }
        }
        for (int i = 0; i < weights.size(); i++) {
            RegionFundPay w = weights.get(i);
            if (w.regionCode().equals(city.code())) {
                continue;
            }
            Derivation derivation = new Derivation("本季度应上解预付金 × 本县（区）上年异地就医基金支付 ÷ 市本级及各县（区）合计"
                    + "（最大余数法分至分）", List.of(Derivation.Input.money("本季度应上解预付金", quota.amount()),
                    Derivation.Input.money("本县（区）上年异地就医基金支付", w.lastYearFundPay()),
                    Derivation.Input.money("市本级及各县（区）上年合计", total),
                    Derivation.Input.money("市本级部分", cityPart)), rule.citation(), parts.get(i));
            boolean zero = parts.get(i).isZero();
            store.insert(new CountyShareStore.ShareRow(shareId(quota.id(), w.regionCode()), quota.id(),
                    w.regionCode(), w.lastYearFundPay(), parts.get(i), derivation,
                    zero ? CountyShareState.RECEIVED : CountyShareState.SPLIT, date, null, zero ? date : null, null),
                    actor.userId());
        }
        return store.sharesOf(quota.id()).stream().map(s -> view(s, quota)).toList();
    }

    /** The regions of a split: the city itself or its counties, each once, amounts not negative, not all zero. */
    private List<RegionFundPay> checked(Region city, List<RegionFundPay> pastFundPay) {
        if (pastFundPay == null || pastFundPay.isEmpty()) {
            throw new Rejection("crossregion.split-empty", "pastFundPay", "请填写市本级及各县（区）上年异地就医基金支付");
        }
        if (pastFundPay.size() > REGIONS_MAX) {
            throw new Rejection("crossregion.split-too-long", "pastFundPay", "一次最多分摊 " + REGIONS_MAX + " 个地区");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < pastFundPay.size(); i++) {
            RegionFundPay w = pastFundPay.get(i);
            String field = "pastFundPay[" + i + "]";
            String code = w == null ? null : w.regionCode();
            boolean ours = code != null && (code.equals(city.code()) || registry.region(code)
                    .filter(r -> r.level() == RegionLevel.COUNTY && city.code().equals(r.parentCode())).isPresent());
            if (!ours) {
                throw new Rejection("crossregion.region-not-in-city", field + ".regionCode", "地区 " + code + " 不是 "
                        + city.name() + " 或其所辖县（区）");
            }
            if (!seen.add(code)) {
                throw new Rejection("crossregion.region-repeated", field + ".regionCode", "地区 " + code + " 重复填写");
            }
            Money pay = w.lastYearFundPay();
            if (pay == null || pay.isNegative() || pay.fen() > FUND_PAY_FEN_MAX) {
                throw new Rejection("crossregion.fund-pay-invalid", field + ".lastYearFundPay",
                        "请填写上年异地就医基金支付金额（不能为负）");
            }
        }
        if (pastFundPay.stream().allMatch(w -> w.lastYearFundPay().isZero())) {
            throw new Rejection("crossregion.split-all-zero", "pastFundPay", "上年异地就医基金支付全部为零，无法分摊");
        }
        return pastFundPay.stream().sorted(Comparator.comparing(RegionFundPay::regionCode)).toList();
    }

    private static boolean sameSplit(List<CountyShareStore.ShareRow> present, List<RegionFundPay> weights,
                                     Region city) {
        List<RegionFundPay> counties = weights.stream().filter(w -> !w.regionCode().equals(city.code())).toList();
        return present.size() == counties.size() && present.stream().allMatch(s -> counties.stream().anyMatch(
                w -> w.regionCode().equals(s.countyRegionCode()) && w.lastYearFundPay().equals(s.pastFundPay())));
    }

    @Override
    @Transactional
    public CountyShare remit(String shareId, LocalDate date, Actor actor) {
        CountyShareStore.ShareRow share = locked(shareId, actor);
        Org countyFinance = registry.financeOf(share.countyRegionCode()).orElseThrow();
        if (!actor.orgCode().equals(countyFinance.code()) || !actor.has(Role.FINANCE)) {
            throw Rejection.forbidden("crossregion.county-finance-only", "id", "只有 " + countyFinance.name()
                    + " 的财务人员可以划拨县（区）预付金");
        }
        QuotaStore.QuotaRow quota = quotas.quota(share.quotaId(), false).orElseThrow();
        if (share.state() != CountyShareState.SPLIT) {
            return repeatOrRefuse(share, quota, CountyShareState.SPLIT, date, share.remittedOn());
        }
        checkDate(date, share.splitOn());
        String city = quota.key().cityRegionCode();
        Map<String, String> parties = Map.of("county-finance", countyFinance.code(), "county-agency",
                registry.agencyOf(share.countyRegionCode()).orElseThrow().code(), "city-finance",
                registry.financeOf(city).orElseThrow().code(), "city-agency",
                registry.agencyOf(city).orElseThrow().code());
        parties.values().forEach(ledger::openBook);
        String county = regionName(share.countyRegionCode());
        ledger.post(new BusinessEvent(REMITTANCE, share.id(), date, YearMonth.from(date), share.amount(), parties,
                null, "crossregion-county-share", share.id(), share.derivation().citation().split(",")[0], ENTRIES,
                county + " " + quota.key().label() + "预付金（县区部分）划拨" + regionName(city) + "财政专户"));
        store.setTransfer(share.id(), share.id());
        store.step(share.id(), CountyShareState.SPLIT, CountyShareState.REMITTED, "remitted_on", date);
        return view(store.share(share.id(), false).orElseThrow(), quota);
    }

    @Override
    @Transactional
    public CountyShare receive(String shareId, LocalDate date, Actor actor) {
        CountyShareStore.ShareRow share = locked(shareId, actor);
        QuotaStore.QuotaRow quota = quotas.quota(share.quotaId(), false).orElseThrow();
        Org cityFinance = registry.financeOf(quota.key().cityRegionCode()).orElseThrow();
        if (!actor.orgCode().equals(cityFinance.code()) || !actor.has(Role.FINANCE)) {
            throw Rejection.forbidden("crossregion.city-finance-only", "id", "只有 " + cityFinance.name()
                    + " 的财务人员可以确认县（区）预付金到账");
        }
        if (share.state() != CountyShareState.REMITTED) {
            return repeatOrRefuse(share, quota, CountyShareState.REMITTED, date, share.receivedOn());
        }
        checkDate(date, share.remittedOn());
        ledger.confirmReceipt(share.transferId(), date, share.transferId() + ":receipt");
        store.step(share.id(), CountyShareState.REMITTED, CountyShareState.RECEIVED, "received_on", date);
        return view(store.share(share.id(), false).orElseThrow(), quota);
    }

    @Override
    public List<CountyShare> shares(int year, int quarter, Actor actor) {
        List<CountyShare> visible = new ArrayList<>();
        for (CountyShareStore.ShareRow s : store.sharesOfQuarter(year, quarter, SHARES_MAX)) {
            if (registry.canSeeRegion(actor, s.countyRegionCode())) {
                visible.add(view(s, quotas.quota(s.quotaId(), false).orElseThrow()));
            }
        }
        return visible;
    }

    /** A share the caller can see, locked; one outside the scope answers as unknown, so ids cannot be probed. */
    private CountyShareStore.ShareRow locked(String shareId, Actor actor) {
        return store.share(shareId == null ? "" : shareId, true)
                .filter(s -> registry.canSeeRegion(actor, s.countyRegionCode()))
                .orElseThrow(() -> Rejection.notFound("crossregion.county-share-unknown", "id", "没有编号为 "
                        + shareId + " 的县（区）预付金"));
    }

    private CountyShare repeatOrRefuse(CountyShareStore.ShareRow s, QuotaStore.QuotaRow quota,
                                       CountyShareState expected, LocalDate date, LocalDate doneOn) {
        if (date != null && date.equals(doneOn)) {
            return view(s, quota);
        }
        throw Rejection.conflict("crossregion.county-share-state", "id", "县（区）预付金 " + s.id() + " 当前为「"
                + s.state().label() + "」，此步骤需要「" + expected.label() + "」");
    }

    private static void checkDate(LocalDate date, LocalDate previousStep) {
        if (date == null) {
            throw new Rejection("crossregion.date-missing", "date", "请填写日期");
        }
        if (date.isBefore(previousStep)) {
            throw new Rejection("crossregion.dates-reversed", "date", "日期不能早于上一步骤 " + previousStep);
        }
    }

    private CountyShare view(CountyShareStore.ShareRow s, QuotaStore.QuotaRow quota) {
        return new CountyShare(s.id(), s.quotaId(), quota.key(), s.countyRegionCode(),
                regionName(s.countyRegionCode()), s.pastFundPay(), s.amount(), s.derivation(), s.state(),
                new CountyShare.CountySteps(s.splitOn(), s.remittedOn(), s.receivedOn(), s.transferId()));
    }

    private String regionName(String code) {
        return registry.region(code).map(Region::name).orElse(code);
    }

    static String shareId(String quotaId, String county) {
        return quotaId + "-" + county;
    }
}

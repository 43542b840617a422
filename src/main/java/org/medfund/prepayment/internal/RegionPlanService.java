package org.medfund.prepayment.internal;

import java.time.LocalDate;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.medfund.claims.PlaceOfSettlement;
import org.medfund.claims.SettlementTotals;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.ledger.BusinessDates;
import org.medfund.prepayment.Regime;
import org.medfund.prepayment.RegionPlan;
import org.medfund.prepayment.RegionPlans;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Region;
import org.medfund.registry.RegionLevel;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link RegionPlans}: Henan's in-province cross-region prepayment plans (henan-2023 二(二) "省内异地就医统筹基金预拨由省医保中心按规定生成
 * 各统筹区预拨计划"). The province centre generates, for each insured pooling region (city, Henan pools at city level)
 * and fund, the region's plan: the same rule as the hospitals' 预拨 — factor × last year's monthly average of actual
 * pooled-fund pay, here of the region's insured persons settled in other regions of the province — netted (轧差)
 * against the region's plan of the year before. The treatment regions the money went to are listed in the
 * derivation. A plan posts nothing itself; {@link RegionPlanPaymentService} moves its netted money.
 */
@Service
class RegionPlanService implements RegionPlans {

    private final PrepaymentService prepayments;
    private final SettlementTotals totals;
    private final Registry registry;
    private final RegionPlanStore store;
    private final BusinessDates dates;

    RegionPlanService(PrepaymentService prepayments, SettlementTotals totals, Registry registry,
                      RegionPlanStore store, BusinessDates dates) {
        this.dates = dates;
        this.prepayments = prepayments;
        this.totals = totals;
        this.registry = registry;
        this.store = store;
    }

    /**
     * Generates the year's plans of the actor's province. A region's plan is issued once: running again leaves the
     * issued plans unchanged (corrections are a matter for the year-end clearing) and only adds regions and funds
     * that had no plan yet.
     */
    @Override
    @Transactional
    public List<RegionPlan> generate(int year, LocalDate date, Actor actor) {
        Org centre = registry.requireOrg(actor.orgCode(), "org");
        Access.requireRole(actor, Role.CLERK);
        Region province = registry.requireRegion(centre.regionCode(), "org");
        if (centre.kind() != OrgKind.SETTLEMENT_CENTRE || province.level() != RegionLevel.PROVINCE) {
            throw Rejection.forbidden("prepayment.province-centre-only", "org",
                    "省内异地就医预拨计划由省医保中心生成（henan-2023 二(二)）");
        }
        dates.checkYear(year, "year");
        dates.check(date, "date");
        Regime regime = prepayments.regime(province.code(), date);
        regime.requireStarted(year);
        if (!regime.places().contains(PlaceOfSettlement.IN_PROVINCE)) {
            throw new Rejection("prepayment.no-region-plans", "org", regime.packId()
                    + " 的预拨不含省内异地就医，无需生成统筹区预拨计划");
        }
        Year lastYear = Year.of(year - 1);
        // insured pooling region → fund → month → pay, and region → fund → treatment region → pay
        Map<String, Map<String, SortedMap<java.time.YearMonth, Money>>> monthly = new TreeMap<>();
        Map<String, Map<String, Map<String, Money>>> byTreatment = new TreeMap<>();
        for (SettlementTotals.CrossRegionMonth m : totals.inProvinceCrossRegion(province.code(), lastYear)) {
            if (!regime.insuranceTypes().contains(m.insuranceType())) {
                continue;
            }
            String insured = poolingRegion(m.insuredRegion());
            monthly.computeIfAbsent(insured, k -> new TreeMap<>()).computeIfAbsent(m.insuranceType(),
                    k -> new TreeMap<>()).merge(m.month(), m.pooledFundPay(), Money::plus);
            byTreatment.computeIfAbsent(insured, k -> new TreeMap<>()).computeIfAbsent(m.insuranceType(),
                    k -> new TreeMap<>()).merge(poolingRegion(m.treatmentRegion()), m.pooledFundPay(), Money::plus);
        }
        String citation = regime.citation(Regime.FACTOR) + "（省内异地就医统筹基金预拨计划）";
        java.util.SortedSet<String> regions = new java.util.TreeSet<>(monthly.keySet());
        for (Region region : registry.descendants(province.code())) {
            if (region.level() == RegionLevel.CITY) {
                regions.add(region.code());
            }
        }
        regions.addAll(store.regions(year - 1));
        for (String regionCode : regions) {
            for (String fund : regime.insuranceTypes()) {
                SortedMap<java.time.YearMonth, Money> months = monthly.getOrDefault(regionCode, Map.of())
                        .getOrDefault(fund, new TreeMap<>());
                Money previous = store.sized(year - 1, regionCode, fund);
                if (store.issued(year, regionCode, fund) || months.isEmpty() && previous.isZero()) {
                    continue;
                }
                Derivation base = Sizing.monthlyAverageTimes(months, lastYear, regime.factor(),
                        regime.averageBasis(), citation);
                List<Derivation.Input> inputs = new ArrayList<>(base.inputs());
                byTreatment.getOrDefault(regionCode, Map.of()).getOrDefault(fund, Map.of()).forEach((t, pay) ->
                        inputs.add(Derivation.Input.money(lastYear + " 年在 " + name(t) + "（" + t + "）就医", pay)));
                inputs.add(Derivation.Input.money(year - 1 + " 年预拨计划（轧差基数）", previous));
                Derivation derivation = new Derivation(base.formula() + "，参保地为本统筹区、省内异地就医", inputs,
                        citation, base.result());
                store.insert(new RegionPlan("RP-" + year + "-" + regionCode + "-" + fund, year, province.code(),
                        regionCode, name(regionCode), fund, regime.packId(), regime.packVersion(), base.result(),
                        previous, derivation, actor.userId(), date));
            }
        }
        return plans(year, actor);
    }

    /** Plans of a year the actor may see: the province centre all, a city its own. */
    @Override
    public List<RegionPlan> plans(int year, Actor actor) {
        return store.plans(year, this::name).stream().filter(p -> visible(actor, p)).toList();
    }

    /** Regions the registry does not hold are visible to whoever sees the whole province. */
    private boolean visible(Actor actor, RegionPlan plan) {
        return registry.region(plan.regionCode()).isPresent() ? registry.canSeeRegion(actor, plan.regionCode())
                : registry.canSeeRegion(actor, plan.provinceCode());
    }

    /**
     * Henan pools at city level: a county code counts for its city. Codes the registry does not hold (the registry
     * carries the seed regions only) follow the administrative code structure: the city is the first four digits
     * followed by 00.
     */
    private String poolingRegion(String code) {
        if (registry.region(code).isEmpty()) {
            return code.length() == 6 && !code.endsWith("0000") ? code.substring(0, 4) + "00" : code;
        }
        return prepayments.cityOf(code).code();
    }

    private String name(String code) {
        return registry.region(code).map(Region::name).orElse(code);
    }
}

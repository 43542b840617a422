package org.medfund.prepayment;

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
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Region;
import org.medfund.registry.RegionLevel;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Henan's in-province cross-region prepayment plans (henan-2023 二(二) "省内异地就医统筹基金预拨由省医保中心按规定生成
 * 各统筹区预拨计划"). The province centre generates, for each insured pooling region (city, Henan pools at city level)
 * and fund, the region's plan: the same rule as the hospitals' 预拨 — factor × last year's monthly average of actual
 * pooled-fund pay, here of the region's insured persons settled in other regions of the province — netted (轧差)
 * against the region's plan of the year before. The treatment regions the money went to are listed in the
 * derivation. A plan is data for the province's cross-region clearing; it posts nothing itself.
 */
@Service
public class RegionPlans {

    /** One region's plan for one fund. {@code difference} = sized − previous: positive 补拨, negative 收回. */
    public record RegionPlan(String id, int year, String provinceCode, String regionCode, String regionName,
                             String insuranceType, String packId, int packVersion, Money sized, Money previous,
                             Derivation derivation, String generatedBy, LocalDate generatedOn) {

        public Money difference() {
            return sized.minus(previous);
        }
    }

    private final Prepayments prepayments;
    private final SettlementTotals totals;
    private final Registry registry;
    private final JdbcClient jdbc;
    private final BusinessDates dates;

    RegionPlans(Prepayments prepayments, SettlementTotals totals, Registry registry, JdbcClient jdbc,
                BusinessDates dates) {
        this.dates = dates;
        this.prepayments = prepayments;
        this.totals = totals;
        this.registry = registry;
        this.jdbc = jdbc;
    }

    /**
     * Generates the year's plans of the actor's province. A region's plan is issued once: running again leaves the
     * issued plans unchanged (corrections are a matter for the year-end clearing) and only adds regions and funds
     * that had no plan yet.
     */
    @Transactional
    public List<RegionPlan> generate(int year, LocalDate date, Actor actor) {
        Org centre = registry.requireOrg(actor.orgCode(), "org");
        Prepayments.requireRole(actor, Role.CLERK);
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
        regions.addAll(jdbc.sql("select distinct region_code from prepayment_region_plan where prepayment_year = :y")
                .param("y", year - 1).query(String.class).list());
        for (String regionCode : regions) {
            for (String fund : regime.insuranceTypes()) {
                SortedMap<java.time.YearMonth, Money> months = monthly.getOrDefault(regionCode, Map.of())
                        .getOrDefault(fund, new TreeMap<>());
                Money previous = previous(year - 1, regionCode, fund);
                if (issued(year, regionCode, fund) || months.isEmpty() && previous.isZero()) {
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
                insert(new RegionPlan("RP-" + year + "-" + regionCode + "-" + fund, year, province.code(),
                        regionCode, name(regionCode), fund, regime.packId(), regime.packVersion(), base.result(),
                        previous, derivation, actor.userId(), date));
            }
        }
        return plans(year, actor);
    }

    /** Plans of a year the actor may see: the province centre all, a city its own. */
    public List<RegionPlan> plans(int year, Actor actor) {
        return jdbc.sql("select * from prepayment_region_plan where prepayment_year = :y "
                        + "order by region_code, insurance_type")
                .param("y", year)
                .query((rs, n) -> new RegionPlan(rs.getString("id"), rs.getInt("prepayment_year"),
                        rs.getString("province_code"), rs.getString("region_code"), name(rs.getString("region_code")),
                        rs.getString("insurance_type"), rs.getString("pack_id"), rs.getInt("pack_version"),
                        Money.ofFen(rs.getLong("sized_fen")), Money.ofFen(rs.getLong("previous_fen")),
                        new Derivation(rs.getString("formula"), Store.inputs(rs.getString("inputs")),
                                rs.getString("citation"), Money.ofFen(rs.getLong("sized_fen"))),
                        rs.getString("generated_by"), rs.getObject("generated_on", LocalDate.class)))
                .list().stream().filter(p -> visible(actor, p)).toList();
    }

    /** Regions the registry does not hold are visible to whoever sees the whole province. */
    private boolean visible(Actor actor, RegionPlan plan) {
        return registry.region(plan.regionCode()).isPresent() ? registry.canSeeRegion(actor, plan.regionCode())
                : registry.canSeeRegion(actor, plan.provinceCode());
    }

    private boolean issued(int year, String region, String fund) {
        return jdbc.sql("""
                select count(*) from prepayment_region_plan
                where prepayment_year = :y and region_code = :r and insurance_type = :f""")
                .param("y", year).param("r", region).param("f", fund).query(Long.class).single() > 0;
    }

    private Money previous(int year, String region, String fund) {
        return jdbc.sql("""
                select sized_fen from prepayment_region_plan
                where prepayment_year = :y and region_code = :r and insurance_type = :f""")
                .param("y", year).param("r", region).param("f", fund).query(Long.class).optional()
                .map(Money::ofFen).orElse(Money.ZERO);
    }

    private void insert(RegionPlan p) {
        jdbc.sql("""
                insert into prepayment_region_plan (id, prepayment_year, province_code, region_code, insurance_type,
                    pack_id, pack_version, sized_fen, previous_fen, formula, citation, inputs, generated_by,
                    generated_on)
                values (:id, :y, :p, :r, :f, :pack, :v, :sized, :prev, :formula, :citation, :inputs, :by, :on)""")
                .param("id", p.id()).param("y", p.year()).param("p", p.provinceCode()).param("r", p.regionCode())
                .param("f", p.insuranceType()).param("pack", p.packId()).param("v", p.packVersion())
                .param("sized", p.sized().fen()).param("prev", p.previous().fen())
                .param("formula", p.derivation().formula()).param("citation", p.derivation().citation())
                .param("inputs", Store.inputsText(p.derivation())).param("by", p.generatedBy())
                .param("on", p.generatedOn()).update();
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

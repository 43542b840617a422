package org.medfund.crossregion.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfund.calendar.BusinessCalendar;
import org.medfund.calendar.DeadlineRule;
import org.medfund.calendar.Due;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.ClearingOutcome;
import org.medfund.crossregion.ClearingStepKind;
import org.medfund.crossregion.CrossRegionAnnualClearing;
import org.medfund.crossregion.RemittanceState;
import org.medfund.crossregion.ReservePot;
import org.medfund.crossregion.ReserveState;
import org.medfund.ledger.BusinessDates;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.policy.Parameter;
import org.medfund.policy.PolicyPacks;
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
 * {@link CrossRegionAnnualClearing} (henan-2023 三(四)). Money held at the province for a region and type: the
 * resident reserve's two pots as withheld (390, 一(二)) and the employee remittances province finance received (310,
 * 一(三)). The result is posted as a carry in both finance books ({@code crossregion.annual.surplus-out/-in},
 * {@code crossregion.annual.shortfall-out/-in}, posting-rules.txt): out of last year's account (period December) and
 * into the allocation it offsets or burdens; where a shortfall goes is decided in docs/decisions.md.
 */
@Service
class JdbcAnnualClearing implements CrossRegionAnnualClearing {

    /** The only reading of 三(四) the engine knows: a surplus offsets this year's money, a shortfall the next. */
    static final String ANNUAL_SURPLUS = "crossregion.annual-surplus";
    static final String OFFSET_NEXT_YEAR = "offset-next-year";
    static final List<String> TYPES = List.of(JdbcCrossRegionFunding.RESIDENT, JdbcCrossRegionFunding.EMPLOYEE);

    private final JdbcClient jdbc;
    private final Registry registry;
    private final PolicyPacks packs;
    private final BusinessCalendar calendar;
    private final BusinessDates dates;
    private final Ledger ledger;
    private final CarryBook carries;

    JdbcAnnualClearing(JdbcClient jdbc, Registry registry, PolicyPacks packs, BusinessCalendar calendar,
                       BusinessDates dates, Ledger ledger, CarryBook carries) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.packs = packs;
        this.calendar = calendar;
        this.dates = dates;
        this.ledger = ledger;
        this.carries = carries;
    }

    @Override
    @Transactional
    public AnnualClearing clear(ClearingDraft draft, Actor actor) {
        Region province = centreProvince(actor);
        int year = dates.checkYear(draft.year(), "year");
        LocalDate on = dates.check(draft.date(), "date").value();
        if (on.getYear() <= year) {
            throw new Rejection("crossregion.clearing-too-early", "date", year + " 年度的清算应在年度结束后进行（"
                    + (year + 1) + " 年 3 月底前）");
        }
        FundingRegime regime = FundingRegime.resolve(packs, province.code(), on);
        requireOffsetReading(regime);
        String source = text(draft.costSource());
        Map<String, Money> cleared = checkCosts(province, draft.costs());
        Optional<AnnualClearing> existing = clearing(province.code(), year);
        if (existing.isPresent()) {
            if (sameFigures(existing.get(), cleared, source)) {
                return existing.get();
            }
            throw Rejection.conflict("crossregion.annual-cleared", "year", year + " 年度异地就医资金已于 "
                    + existing.get().clearedOn() + " 清算，清算结果不能改写");
        }
        Due due = calendar.due(annualRule(regime), YearMonth.of(year + 1, 3));
        String citation = regime.citation(ANNUAL_SURPLUS);
        jdbc.sql("""
                insert into cr_annual_clearing (province_code, clear_year, pack_id, pack_version, due_date, due_basis,
                    cost_source, citation, cleared_by, cleared_on)
                values (:p, :y, :pack, :v, :due, :basis, :source, :citation, :by, :on)""")
                .param("p", province.code()).param("y", year).param("pack", regime.packId())
                .param("v", regime.packVersion()).param("due", due.date()).param("basis", due.basis())
                .param("source", source).param("citation", citation).param("by", actor.userId()).param("on", on)
                .update();
        for (Region region : poolingRegions(province)) {
            for (String type : TYPES) {
                String key = region.code() + "/" + type;
                Funding funding = funding(province.code(), year, region.code(), type);
                if (funding.total().isZero() && !cleared.containsKey(key)) {
                    continue;
                }
                Money cost = Optional.ofNullable(cleared.get(key)).orElseThrow(() -> new Rejection(
                        "crossregion.cleared-cost-missing", "costs", region.name() + " "
                        + typeName(type) + " 上年有资金 " + funding.total().toYuanText() + " 元，请填写其清算费用"));
                insertLine(province, year, region, type, funding, cost, source, citation, on);
            }
        }
        AnnualClearing done = clearing(province.code(), year).orElseThrow();
        // The carries into this year's allocations are counted in its lines above; what no allocation took is
        // settled here, once.
        carries.settle(province.code(), year);
        for (ClearingLine line : done.lines()) {
            post(province, year, line, regime, on);
            if (line.outcome() != ClearingOutcome.BALANCED) {
                carries.open(province.code(), year, line.regionCode(), line.insuranceType(),
                        new CarryBook.Allocation(line.target(), line.targetLabel()), line.balance().negate());
            }
            if (reserveAlreadyWithheld(province.code(), line)) {
                // This year's reserve was withheld before the clearing (January): the surplus offsets it at once,
                // given back to the region out of the withheld subsidy.
                int reserveYear = line.target().getYear();
                CarryBook.Taken taken = carries.takeIntoReserve(province.code(), reserveYear, line.regionCode(), on,
                        regime.packId());
                carries.release(province.code(), reserveYear, line.regionCode(), taken, on, regime.packId());
            }
        }
        return done;
    }

    @Override
    public Optional<AnnualClearing> clearing(int year, Actor actor) {
        Region province = provinceOf(actor);
        return clearing(province.code(), year).map(c -> new AnnualClearing(c.provinceCode(), c.year(), c.dueDate(),
                c.provisional(), c.clearedOn(), c.clearedBy(), c.costSource(), c.citation(), c.lines().stream()
                .filter(l -> registry.canSeeRegion(actor, l.regionCode())).toList()));
    }

    @Override
    @Transactional
    public CarryLine confirmRelease(long carryId, LocalDate date, Actor actor) {
        Region region = Actors.requireAt(registry, actor, RegionLevel.CITY, OrgKind.FINANCE, Role.FINANCE,
                "crossregion.region-finance-only", "结余抵扣退还的资金由统筹区财政部门确认到账");
        CarryLine carry = carries.line(carryId);
        if (!carry.source().regionCode().equals(region.code())) {
            throw Rejection.notFound("crossregion.carry-not-found", "carryId", "没有编号为 " + carryId + " 的年度清算结转");
        }
        if (carry.use().release() != null && carry.use().release().receivedOn() == null) {
            dates.check(date, "date").inBook(actor.orgCode()).notBefore(carry.use().appliedOn(), "退还日期");
        }
        return carries.confirmRelease(carryId, date);
    }

    @Override
    public List<CarryLine> carries(int targetYear, Actor actor) {
        Region province = provinceOf(actor);
        return carries.lines(province.code(), dates.checkYear(targetYear, "year")).stream()
                .filter(c -> registry.canSeeRegion(actor, c.source().regionCode())).toList();
    }

    @Override
    public LocalDate dueDate(int year, Actor actor) {
        FundingRegime regime = FundingRegime.resolve(packs, provinceOf(actor).code(), LocalDate.of(year + 1, 1, 1));
        return calendar.deadline(annualRule(regime), YearMonth.of(year + 1, 3));
    }

    // --- the amounts ---

    /** What the province held for a region and type last year, part by part (pots or quarters). */
    record Funding(List<Derivation.Input> parts, Money total) {
    }

    private Funding funding(String province, int year, String region, String type) {
        List<Derivation.Input> parts = new ArrayList<>();
        Money total = Money.ZERO;
        if (type.equals(JdbcCrossRegionFunding.RESIDENT)) {
            List<Map<String, Object>> shares = jdbc.sql("""
                    select s.pot, s.amount_fen + s.carry_fen as withheld_fen from cr_reserve_share s
                    join cr_reserve r on r.province_code = s.province_code and r.reserve_year = s.reserve_year
                    where s.province_code = :p and s.reserve_year = :y and s.region_code = :r and r.state = :state
                    order by s.pot desc""").param("p", province).param("y", year).param("r", region)
                    .param("state", ReserveState.WITHHELD.name()).query().listOfRows();
            for (Map<String, Object> share : shares) {
                Money amount = Money.ofFen(((Number) share.get("withheld_fen")).longValue());
                parts.add(Derivation.Input.money(year + " 年预留资金（" + ReservePot.valueOf((String) share.get("pot"))
                        .label() + "，实际预留）", amount));
                total = total.plus(amount);
            }
        } else {
            List<Map<String, Object>> lines = jdbc.sql("""
                    select n.remit_quarter, l.amount_fen from cr_remit_line l
                    join cr_remit_notice n on n.id = l.notice_id
                    where n.province_code = :p and n.remit_year = :y and l.region_code = :r and l.state = :state
                    order by n.remit_quarter""").param("p", province).param("y", year).param("r", region)
                    .param("state", RemittanceState.RECEIVED.name()).query().listOfRows();
            for (Map<String, Object> line : lines) {
                Money amount = Money.ofFen(((Number) line.get("amount_fen")).longValue());
                parts.add(Derivation.Input.money(year + " 年第 " + line.get("remit_quarter") + " 季度上解资金（已到账）",
                        amount));
                total = total.plus(amount);
            }
        }
        // Remitted (or withheld) − carry: last year's surplus that offset this year's allocation is money of this
        // year, last year's shortfall added to it is not (三(四); decisions.md "Henan annual clearing's carry").
        CarryBook.Held carried = carries.held(province, year, region, type);
        parts.addAll(carried.parts());
        total = total.plus(carried.total());
        if (parts.isEmpty() && total.isZero()) {
            parts.add(Derivation.Input.money(year + " 年" + (type.equals(JdbcCrossRegionFunding.RESIDENT)
                    ? "预留资金（未预留）" : "上解资金（无已到账）"), Money.ZERO));
        }
        return new Funding(parts, total);
    }

    private void insertLine(Region province, int year, Region region, String type, Funding funding, Money cost,
                            String source, String citation, LocalDate clearedOn) {
        Money balance = funding.total().minus(cost);
        ClearingOutcome outcome = balance.isPositive() ? ClearingOutcome.SURPLUS
                : balance.isNegative() ? ClearingOutcome.SHORTFALL : ClearingOutcome.BALANCED;
        CarryBook.Allocation target = target(province.code(), year, type, outcome, clearedOn);
        List<Derivation.Input> inputs = new ArrayList<>(funding.parts());
        inputs.add(Derivation.Input.money(year + " 年清算费用（来源：" + source + "）", cost));
        inputs.add(Derivation.Input.money("结余（正）或不足（负）", balance));
        inputs.add(new Derivation.Input("处理", outcome.label() + (outcome == ClearingOutcome.BALANCED ? ""
                : "：计入" + target.label())));
        String formula = (type.equals(JdbcCrossRegionFunding.RESIDENT) ? "上年实际预留资金（省内 + 跨省异地就医预付金）"
                : "上年已到账的职工医保上解资金") + " − 计入上年的清算结转（结余抵扣为负，不足补足为正） − 上年清算费用";
        Derivation derivation = new Derivation(formula, inputs, citation, balance);
        jdbc.sql("""
                insert into cr_annual_clearing_line (province_code, clear_year, region_code, insurance_type,
                    funded_fen, cleared_fen, outcome, target_period, target_label, formula, inputs)
                values (:p, :y, :r, :t, :funded, :cleared, :outcome, :target, :label, :formula, :inputs)""")
                .param("p", province.code()).param("y", year).param("r", region.code()).param("t", type)
                .param("funded", funding.total().fen()).param("cleared", cost.fen()).param("outcome", outcome.name())
                .param("target", target.period().toString()).param("label", target.label())
                .param("formula", formula).param("inputs", inputsText(derivation)).update();
    }

    /** Where a year's result goes (decisions.md "Henan annual clearing"). */
    private CarryBook.Allocation target(String province, int year, String type, ClearingOutcome outcome,
                                        LocalDate clearedOn) {
        if (type.equals(JdbcCrossRegionFunding.RESIDENT)) {
            // A surplus offsets this year's reserve; a shortfall the next reserve not yet withheld.
            int reserveYear = year + 1;
            if (outcome == ClearingOutcome.SHORTFALL && reserveWithheld(province, reserveYear)) {
                reserveYear++;
            }
            return new CarryBook.Allocation(YearMonth.of(reserveYear, 1), CarryBook.reserveLabel(reserveYear));
        }
        // Both go to the first employee remittance not yet notified whose notice can still be issued (a notice
        // precedes its quarter, 一(三)): a quarter already begun on the clearing day is passed over.
        return carries.firstOpenQuarter(province, clearedOn);
    }

    /** A resident surplus whose target, this year's reserve, was withheld before the clearing (usually January). */
    private boolean reserveAlreadyWithheld(String province, ClearingLine line) {
        return line.outcome() == ClearingOutcome.SURPLUS && line.insuranceType().equals(JdbcCrossRegionFunding.RESIDENT)
                && reserveWithheld(province, line.target().getYear());
    }

    private boolean reserveWithheld(String province, int year) {
        return jdbc.sql("select count(*) from cr_reserve where province_code = :p and reserve_year = :y and state = :s")
                .param("p", province).param("y", year).param("s", ReserveState.WITHHELD.name()).query(Long.class)
                .single() > 0;
    }

    /** The carry of one line: out of last year's account (December), into the target allocation's period. */
    private void post(Region province, int year, ClearingLine line, FundingRegime regime, LocalDate on) {
        if (line.outcome() == ClearingOutcome.BALANCED) {
            return;
        }
        String rule = line.outcome() == ClearingOutcome.SURPLUS ? "crossregion.annual.surplus" : "crossregion.annual.shortfall";
        Map<String, String> parties = Map.of("region-finance", regionFinance(line.regionCode()).code(),
                "province-finance", registry.financeOf(province.code()).orElseThrow().code());
        String id = "cr-annual-" + province.code() + "-" + year + "-" + line.regionCode() + "-" + line.insuranceType();
        String what = year + " 年异地就医资金年度清算" + (line.outcome() == ClearingOutcome.SURPLUS ? "结余" : "不足");
        YearMonth last = YearMonth.of(year, 12);
        ledger.post(new BusinessEvent(rule + "-out", id + "-out", on, last, line.balance().abs(), parties,
                line.insuranceType(), "cr_annual_clearing", province.code() + "-" + year, regime.packId(),
                "henan-2023 三(四)", memo(last, line.insuranceType(), what + "，结转出上年账")));
        ledger.post(new BusinessEvent(rule + "-in", id + "-in", on, line.target(), line.balance().abs(), parties,
                line.insuranceType(), "cr_annual_clearing", province.code() + "-" + year, regime.packId(),
                "henan-2023 三(四)", memo(line.target(), line.insuranceType(), what + "，计入" + line.targetLabel())));
    }

    // --- reading ---

    private Optional<AnnualClearing> clearing(String province, int year) {
        return jdbc.sql("select * from cr_annual_clearing where province_code = :p and clear_year = :y")
                .param("p", province).param("y", year)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_date", LocalDate.class);
                    return new AnnualClearing(province, year, due, calendar.provisional(due),
                            rs.getObject("cleared_on", LocalDate.class), rs.getString("cleared_by"),
                            rs.getString("cost_source"), rs.getString("citation"), List.of());
                }).optional().map(c -> new AnnualClearing(c.provinceCode(), c.year(), c.dueDate(), c.provisional(),
                        c.clearedOn(), c.clearedBy(), c.costSource(), c.citation(), jdbc.sql("""
                        select * from cr_annual_clearing_line where province_code = :p and clear_year = :y
                        order by region_code, insurance_type desc""").param("p", province).param("y", year)
                        .query((rs, n) -> line(rs, c.citation())).list()));
    }

    private ClearingLine line(ResultSet rs, String citation) throws SQLException {
        Money funded = Money.ofFen(rs.getLong("funded_fen"));
        Money cleared = Money.ofFen(rs.getLong("cleared_fen"));
        List<Derivation.Input> inputs = new ArrayList<>();
        for (String text : rs.getString("inputs").split("\n")) {
            int tab = text.indexOf('\t');
            if (tab > 0) {
                inputs.add(new Derivation.Input(text.substring(0, tab), text.substring(tab + 1)));
            }
        }
        String type = rs.getString("insurance_type");
        return new ClearingLine(rs.getString("region_code"), name(rs.getString("region_code")), type, typeName(type),
                funded, cleared, ClearingOutcome.valueOf(rs.getString("outcome")),
                YearMonth.parse(rs.getString("target_period")), rs.getString("target_label"),
                new Derivation(rs.getString("formula"), inputs, citation, funded.minus(cleared)));
    }

    private static boolean sameFigures(AnnualClearing existing, Map<String, Money> cleared, String source) {
        Map<String, Money> before = new HashMap<>();
        existing.lines().forEach(l -> before.put(l.regionCode() + "/" + l.insuranceType(), l.cleared()));
        return existing.costSource().equals(source) && before.equals(cleared);
    }

    private static String inputsText(Derivation derivation) {
        StringBuilder text = new StringBuilder();
        for (Derivation.Input input : derivation.inputs()) {
            text.append(input.name().replace('\t', ' ').replace('\n', ' ')).append('\t')
                    .append(input.value().replace('\n', ' ')).append('\n');
        }
        return text.toString();
    }

    // --- checks ---

    private static void requireOffsetReading(FundingRegime regime) {
        Parameter reading = regime.pack().parameters().get(ANNUAL_SURPLUS);
        if (reading == null || !OFFSET_NEXT_YEAR.equals(reading.value())) {
            throw new IllegalStateException("unknown annual surplus rule in " + regime.pack().label());
        }
    }

    private static DeadlineRule annualRule(FundingRegime regime) {
        return regime.deadline(ClearingStepKind.ANNUAL_CLEARING.rule()).orElseThrow(() ->
                new IllegalStateException(regime.pack().label() + " lacks " + ClearingStepKind.ANNUAL_CLEARING.rule()));
    }

    private Map<String, Money> checkCosts(Region province, List<ClearedCost> costs) {
        if (costs == null || costs.isEmpty() || costs.size() > JdbcCrossRegionFunding.REGIONS_MAX) {
            throw new Rejection("crossregion.costs-missing", "costs", "请按统筹区和险种填写上年清算费用");
        }
        Map<String, Money> byKey = new HashMap<>();
        for (int i = 0; i < costs.size(); i++) {
            ClearedCost c = costs.get(i);
            String field = "costs[" + i + "]";
            if (c == null) {
                throw new Rejection("crossregion.costs-missing", field, "第 " + (i + 1) + " 行为空");
            }
            Region region = registry.region(c.regionCode() == null ? "" : c.regionCode()).orElseThrow(() ->
                    new Rejection("crossregion.region-unknown", field + ".regionCode", "未知统筹区编码 " + c.regionCode()));
            if (region.level() != RegionLevel.CITY || !province.code().equals(region.parentCode())) {
                throw new Rejection("crossregion.not-pooling-region", field + ".regionCode", region.name()
                        + " 不是本省的统筹区（河南省为市级统筹）");
            }
            if (!TYPES.contains(c.insuranceType())) {
                throw new Rejection("crossregion.insurance-type-invalid", field + ".insuranceType",
                        "险种应为 390（城乡居民）或 310（城镇职工）");
            }
            Money cost = c.clearedCost();
            if (cost == null || cost.isNegative() || cost.fen() > JdbcCrossRegionFunding.COST_FEN_MAX) {
                throw new Rejection("crossregion.cost-invalid", field + ".clearedCost", "清算费用应为 0 至 1000 亿元");
            }
            if (byKey.put(c.regionCode() + "/" + c.insuranceType(), cost) != null) {
                throw new Rejection("crossregion.cost-duplicate", field, region.name() + " 的" + typeName(
                        c.insuranceType()) + "重复填写");
            }
        }
        return byKey;
    }

    private static String text(String source) {
        if (source == null || source.isBlank() || source.length() > JdbcCrossRegionFunding.SOURCE_LENGTH_MAX) {
            throw new Rejection("crossregion.source-missing", "costSource", "请填写清算费用来源（1 至 "
                    + JdbcCrossRegionFunding.SOURCE_LENGTH_MAX + " 字）");
        }
        return source.strip();
    }

    private Region centreProvince(Actor actor) {
        Org own = registry.requireOrg(actor.orgCode(), "orgCode");
        Region region = registry.requireRegion(own.regionCode(), "orgCode");
        if (own.kind() != OrgKind.SETTLEMENT_CENTRE || !actor.has(Role.CLERK) || region.level() != RegionLevel.PROVINCE) {
            throw Rejection.forbidden("crossregion.centre-only", "orgCode", "异地就医年度清算由省医保中心与各统筹区完成");
        }
        return region;
    }

    private Region provinceOf(Actor actor) {
        return Actors.provinceOf(registry, actor);
    }

    private List<Region> poolingRegions(Region province) {
        return registry.descendants(province.code()).stream().filter(r -> r.level() == RegionLevel.CITY
                && province.code().equals(r.parentCode())).toList();
    }

    private Org regionFinance(String regionCode) {
        return registry.financeOf(regionCode).orElseThrow(() -> Rejection.conflict("crossregion.no-finance",
                "regionCode", "统筹区 " + name(regionCode) + " 没有登记财政部门"));
    }

    private String memo(YearMonth period, String type, String content) {
        return "所属期间 " + period + "；险种 " + typeName(type) + "；" + content;
    }

    private String typeName(String type) {
        return registry.insuranceType(type).map(t -> t.name()).orElse(type);
    }

    private String name(String code) {
        return registry.region(code).map(Region::name).orElse(code);
    }
}

package org.medfund.prepayment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medfund.calendar.DeadlineRule;
import org.medfund.claims.PlaceOfSettlement;
import org.medfund.common.Rejection;
import org.medfund.policy.Parameter;
import org.medfund.policy.PolicyPack;
import org.medfund.policy.PolicyPacks;
import org.medfund.policy.Resolved;

/**
 * The prepayment rules in force for a region on a date: the pack that defines {@code prepayment.factor} most
 * specifically (Xinyang hospitals follow henan-2023 until xinyang-2025 is in force, DESIGN.md §7), and only that
 * pack version's other prepayment parameters — a rule Xinyang leaves out (e.g. the grade floor) is not borrowed from
 * Henan. Every accessor names the parameter it reads, so a pack parameter no accessor reads is found by
 * {@code PackParametersTest}.
 */
public record Regime(String packId, int packVersion, Map<String, Resolved> parameters) {

    public static final String FACTOR = "prepayment.factor";
    private static final String GROUP = "prepayment";

    public Regime {
        parameters = Map.copyOf(parameters);
    }

    public static Regime resolve(PolicyPacks packs, String regionCode, LocalDate date) {
        Resolved factor = packs.find(regionCode, date, FACTOR).orElseThrow(() -> new Rejection(
                "prepayment.no-regime", "regionCode", "地区 " + regionCode + " 在 " + date + " 没有生效的预付金政策"));
        return of(packs.packInForce(factor.packId(), date).orElseThrow());
    }

    /** The regime of one pack version, as it produced a row whatever is in force today. */
    public static Regime of(PolicyPacks packs, String packId, int version) {
        PolicyPack pack = packs.versions(packId).stream().filter(p -> p.version() == version).findFirst()
                .orElseThrow(() -> new IllegalStateException("no pack " + packId + " v" + version));
        return of(pack);
    }

    private static Regime of(PolicyPack pack) {
        Map<String, Resolved> found = new HashMap<>();
        for (Parameter parameter : pack.parameters().values()) {
            if (PolicyPack.group(parameter.name()).equals(GROUP)) {
                found.put(parameter.name(), new Resolved(parameter, pack.id(), pack.version()));
            }
        }
        return new Regime(pack.id(), pack.version(), found);
    }

    public Optional<Resolved> find(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    public Resolved require(String name) {
        return find(name).orElseThrow(() -> new Rejection("prepayment.rule-missing", "packId",
                "政策包 " + packId + " v" + packVersion + " 未规定 " + name + "，该办理事项不适用"));
    }

    public String citation(String name) {
        return require(name).citation();
    }

    private boolean flag(String name) {
        return find(name).map(r -> r.parameter().flag()).orElse(false);
    }

    public BigDecimal factor() {
        return require(FACTOR).parameter().decimal();
    }

    /** Xinyang: hospitals apply (art. 6(一)); Henan: the agency sizes every hospital in scope. */
    public boolean applicationRequired() {
        return flag("prepayment.on-application");
    }

    public Optional<Integer> gradeMin() {
        return find("prepayment.min-grade").map(r -> r.parameter().integer());
    }

    /** Henan 二(二): a hospital without a service agreement recording the prepayment terms is not prepaid. */
    public Optional<Resolved> agreementRequired() {
        return find("prepayment.agreement-required").filter(r -> r.parameter().flag());
    }

    /**
     * Henan 二(二) "统筹基金预拨工作于 2024 年 1 月开始实施": a prepayment year before the first period is refused, naming
     * the article. A pack without the rule has no start of its own (its effective date governs).
     */
    public void requireStarted(int year) {
        Optional<Resolved> first = find("prepayment.first-period");
        if (first.isPresent() && YearMonth.of(year, 1).isBefore(YearMonth.parse(first.get().parameter().value()))) {
            throw new Rejection("prepayment.not-started", "year", year + " 年不预拨：预拨工作自 "
                    + first.get().parameter().value() + " 开始实施（" + first.get().citation() + "）");
        }
    }

    /** Art. 7: the months of expenditure the fund's balance must cover; empty where the pack sets no gate. */
    public Optional<BigDecimal> monthsPayableMin(String insuranceType) {
        return find("prepayment.months-payable-min." + insuranceType).map(r -> r.parameter().decimal());
    }

    /** Art. 7: whether a deficit last year or a projected one closes the fund (with the article). */
    public Optional<Resolved> deficitBlocks() {
        return find("prepayment.deficit-blocks").filter(r -> r.parameter().flag());
    }

    /** Art. 7 "按照 12 个月滚动测算": how many projected months the rolling forecast holds. */
    public int forecastMonths() {
        return require("prepayment.rolling-forecast-months").parameter().integer();
    }

    public AverageBasis averageBasis() {
        return AverageBasis.parse(require("prepayment.average-basis").parameter().value());
    }

    /** Places of settlement counted in sizing; Henan includes in-province cross-region, Xinyang art. 8 not. */
    public Set<PlaceOfSettlement> places() {
        Set<PlaceOfSettlement> places = EnumSet.noneOf(PlaceOfSettlement.class);
        Arrays.stream(require("prepayment.places").parameter().value().split(",")).map(String::strip)
                .map(PlaceOfSettlement::valueOf).forEach(places::add);
        return places;
    }

    /** Henan: pay by (prepayment.deadline); Xinyang: apply by (prepayment.apply-by); applied to January. */
    public DeadlineRule deadline() {
        return require(applicationRequired() ? "prepayment.apply-by" : "prepayment.deadline").parameter().deadline();
    }

    /** Henan 二(二) 轧差: the new amount is netted against what the hospital still holds (null: no netting). */
    public Optional<Resolved> resizedYearly() {
        return find("prepayment.resize-yearly").filter(r -> r.parameter().flag());
    }

    /** Xinyang art. 6(五): clear by the end of January of the next year (rule applied to that January). */
    public DeadlineRule clearingDeadline() {
        return require("prepayment.clear-by").parameter().deadline();
    }

    /** Xinyang art. 6(五) 全额冲抵或全额交回, or partial offsets allowed. */
    public ClearingRule clearing() {
        return ClearingRule.parse(require("prepayment.clearing").parameter().value());
    }

    /** Xinyang art. 6(五) "对未按规定清算的…不得受理其次年预付金申请". */
    public Optional<Resolved> unclearedBlocksApplication() {
        return find("prepayment.uncleared-blocks-next-year").filter(r -> r.parameter().flag());
    }

    /** Xinyang art. 5: the city bureau and finance may adjust the amount (refused where the pack has no such rule). */
    public Resolved emergencyAdjustment() {
        Resolved rule = require("prepayment.emergency-adjustable");
        if (!rule.parameter().flag()) {
            throw new Rejection("prepayment.rule-missing", "packId", packId + " 不允许调整预付金规模（" + rule.citation()
                    + "）");
        }
        return rule;
    }

    public int workingDays(String name) {
        return require(name).parameter().integer();
    }

    /** The funds the pack prepays, each sized and paid on its own (both packs: 310, 390). */
    public List<String> insuranceTypes() {
        return Arrays.stream(require("prepayment.insurance-types").parameter().value().split(","))
                .map(String::strip).toList();
    }

    /** Art. 10: the recovery triggers the pack knows (none when it has no such rule); raising another is refused. */
    public Set<RecoveryTrigger> recoveryTriggers() {
        return find("prepayment.recovery-triggers").isEmpty() ? EnumSet.noneOf(RecoveryTrigger.class)
                : triggers("prepayment.recovery-triggers");
    }

    /**
     * Art. 10 last paragraph: working days the hospital has to return the money itself before offsets start for this
     * trigger ("存在上述第一至五条情形的…10 个工作日内全额退回"); 0 = recovered at once, by offset or return.
     */
    public int returnWorkingDays(RecoveryTrigger trigger) {
        return find("prepayment.recovery-return-triggers").isPresent()
                && triggers("prepayment.recovery-return-triggers").contains(trigger)
                ? workingDays("prepayment.recovery-return-working-days") : 0;
    }

    private Set<RecoveryTrigger> triggers(String name) {
        Set<RecoveryTrigger> triggers = EnumSet.noneOf(RecoveryTrigger.class);
        for (String item : require(name).parameter().value().split(",")) {
            triggers.add(RecoveryTrigger.ofItem(item.strip()));
        }
        return triggers;
    }

    /**
     * Art. 11 "应停止向定点医疗机构拨付医保结算费用，并向…法院依法申请强制执行": the rule that lets the agency declare a
     * prepayment unrecoverable, which stops the hospital's settlement payments; refused where the pack has none.
     */
    public Resolved unrecoverableRule() {
        Resolved rule = require("prepayment.unrecoverable-stops-payments");
        if (!rule.parameter().flag()) {
            throw new Rejection("prepayment.rule-missing", "packId", packId + " 未规定无法收回预付金的处理（"
                    + rule.citation() + "）");
        }
        return rule;
    }

    /** Art. 11, 15: the write-off after government approval, kept in the 备查簿; refused where the pack has none. */
    public Resolved writeOffRule() {
        Resolved rule = require("prepayment.write-off-memo");
        if (!rule.parameter().flag()) {
            throw new Rejection("prepayment.rule-missing", "packId", packId + " 未规定预付金核销（" + rule.citation()
                    + "）");
        }
        return rule;
    }
}

package org.medfund.prepayment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medfund.calendar.DeadlineRule;
import org.medfund.claims.PlaceOfSettlement;
import org.medfund.common.Rejection;
import org.medfund.policy.PolicyPacks;
import org.medfund.policy.Resolved;

/**
 * The prepayment rules in force for a region on a date: the pack that defines {@code prepayment.factor} most
 * specifically (Xinyang hospitals follow henan-2023 until xinyang-2025 is in force, DESIGN.md §7), and only that
 * pack's other prepayment parameters — a rule Xinyang leaves out (e.g. the grade floor) is not borrowed from Henan.
 */
public record Regime(String packId, int packVersion, Map<String, Resolved> parameters) {

    static final String FACTOR = "prepayment.factor";
    static final String[] NAMES = {FACTOR, "prepayment.deadline", "prepayment.apply-by", "prepayment.min-grade",
        "prepayment.months-payable-min.310", "prepayment.months-payable-min.390", "prepayment.clear-by",
        "prepayment.average-basis", "prepayment.places", "prepayment.on-application", "prepayment.insurance-types",
        "prepayment.fund-within-working-days", "prepayment.pay-within-working-days",
        "prepayment.recovery-return-working-days", "prepayment.agreement-required"};

    public Regime {
        parameters = Map.copyOf(parameters);
    }

    static Regime resolve(PolicyPacks packs, String regionCode, LocalDate date) {
        Resolved factor = packs.find(regionCode, date, FACTOR).orElseThrow(() -> new Rejection(
                "prepayment.no-regime", "regionCode", "地区 " + regionCode + " 在 " + date + " 没有生效的预付金政策"));
        Map<String, Resolved> found = new java.util.HashMap<>();
        for (String name : NAMES) {
            packs.find(regionCode, date, name)
                    .filter(r -> r.packId().equals(factor.packId()) && r.packVersion() == factor.packVersion())
                    .ifPresent(r -> found.put(name, r));
        }
        return new Regime(factor.packId(), factor.packVersion(), found);
    }

    Optional<Resolved> find(String name) {
        return Optional.ofNullable(parameters.get(name));
    }

    Resolved require(String name) {
        return find(name).orElseThrow(() -> new Rejection("prepayment.rule-missing", "packId",
                "政策包 " + packId + " v" + packVersion + " 未规定 " + name + "，该办理事项不适用"));
    }

    String citation(String name) {
        return require(name).citation();
    }

    BigDecimal factor() {
        return require(FACTOR).parameter().decimal();
    }

    /** Xinyang: hospitals apply (art. 6(一)); Henan: the agency sizes every hospital in scope. */
    boolean applicationRequired() {
        return find("prepayment.on-application").map(r -> r.parameter().flag()).orElse(false);
    }

    Optional<Integer> gradeMin() {
        return find("prepayment.min-grade").map(r -> r.parameter().integer());
    }

    Optional<BigDecimal> monthsPayableMin(String insuranceType) {
        return find("prepayment.months-payable-min." + insuranceType).map(r -> r.parameter().decimal());
    }

    Sizing.AverageBasis averageBasis() {
        return Sizing.AverageBasis.parse(find("prepayment.average-basis").map(r -> r.parameter().value())
                .orElse(null));
    }

    /** Places of settlement counted in sizing; Henan includes in-province cross-region, Xinyang art. 8 not. */
    Set<PlaceOfSettlement> places() {
        String text = find("prepayment.places").map(r -> r.parameter().value()).orElse("LOCAL,IN_PROVINCE");
        Set<PlaceOfSettlement> places = EnumSet.noneOf(PlaceOfSettlement.class);
        Arrays.stream(text.split(",")).map(String::strip).map(PlaceOfSettlement::valueOf).forEach(places::add);
        return places;
    }

    /** Henan: pay by (prepayment.deadline); Xinyang: apply by (prepayment.apply-by); applied to January. */
    DeadlineRule deadline() {
        return require(applicationRequired() ? "prepayment.apply-by" : "prepayment.deadline").parameter().deadline();
    }

    /** Xinyang art. 6(五): clear by the end of January of the next year (rule applied to that January). */
    DeadlineRule clearingDeadline() {
        return require("prepayment.clear-by").parameter().deadline();
    }

    int workingDays(String name) {
        return require(name).parameter().integer();
    }

    /** The funds the pack prepays (both packs: 310, 390). */
    List<String> insuranceTypes() {
        return find("prepayment.insurance-types").map(r -> List.of(r.parameter().value().split(",")))
                .orElse(List.of("310", "390")).stream().map(String::strip).toList();
    }
}

package org.medfund.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One version of the rules of one policy document.
 *
 * @param id e.g. {@code henan-2023}
 * @param version 1, 2, …: a parameter change is a new version with its own effective date
 * @param documentNo e.g. 豫财社〔2023〕178号
 * @param seed the seed document number, e.g. "000"
 * @param regionCode the region it governs (applies to that region and its descendants)
 * @param effectiveUntil null when open-ended
 * @param issuedOn null when the seed does not state it
 * @param effectiveConfigured true when the seed does not state the effective date and it is configuration
 * @param parameters rule name → parameter
 * @param governs rule groups (the part of a rule name before the first dot, e.g. {@code prepayment}) this pack
 *     governs entirely: for those groups, rules it does not define are not inherited from its ancestors' packs
 */
public record PolicyPack(String id, int version, String title, String documentNo, String issuers, String seed,
                         String regionCode, LocalDate issuedOn, LocalDate effectiveFrom, LocalDate effectiveUntil,
                         boolean effectiveConfigured, Map<String, Parameter> parameters, List<String> governs) {

    public PolicyPack {
        parameters = Map.copyOf(parameters);
        governs = List.copyOf(governs);
    }

    /** The rule group of a rule name: {@code prepayment} for {@code prepayment.factor}. */
    public static String group(String rule) {
        int dot = rule.indexOf('.');
        return dot < 0 ? rule : rule.substring(0, dot);
    }

    /** Whether this pack replaces its ancestors' packs for the rule's group. */
    public boolean governs(String rule) {
        return governs.contains(group(rule));
    }

    public boolean inForceOn(LocalDate date) {
        return !date.isBefore(effectiveFrom) && (effectiveUntil == null || !date.isAfter(effectiveUntil));
    }

    /** When the pack is in force, in Chinese: "2023-07-01 起" or "… 至 …", noting a configured date. */
    public String effectiveText() {
        return effectiveFrom + (effectiveUntil == null ? " 起" : " 至 " + effectiveUntil)
                + (effectiveConfigured ? "（生效日期原文未载明，为配置值）" : "");
    }

    /** e.g. "henan-2023 v1". */
    public String label() {
        return id + " v" + version;
    }
}

package org.medfund.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Versioned, effective-dated policy packs (DESIGN.md §7), one per seed document. A rule asked for region R on date
 * D resolves to the most specific pack in force for R or one of its ancestors on D that defines that rule.
 */
public interface PolicyPacks {

    List<PolicyPack> packs();

    Optional<PolicyPack> pack(String packId);

    /**
     * Resolves a rule (parameter name such as {@code prepayment.factor}) for a region on a date. No pack in force
     * defining it is a Rejection with code {@code policy.no-rule}.
     */
    Resolved resolve(String regionCode, LocalDate date, String rule);

    /** Like resolve, but empty when no pack in force defines the rule. */
    Optional<Resolved> find(String regionCode, LocalDate date, String rule);
}

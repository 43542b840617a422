package org.medfund.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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

    /**
     * Every version of a pack, oldest first (empty when the id is unknown). {@link #pack(String)} answers the
     * newest version.
     */
    List<PolicyPack> versions(String packId);

    /** The version of a pack in force on a date, if any. */
    Optional<PolicyPack> packInForce(String packId, LocalDate date);

    /**
     * The shipped packs without Spring, for plain tests: {@code lineage} maps a region code to the codes of the
     * region and its ancestors, most specific first (what {@code Registry.lineage} gives), and answers an empty list
     * for an unknown code.
     */
    static PolicyPacks shipped(Function<String, List<String>> lineage) {
        return new PackResolution(PackFile.loadShipped(), lineage);
    }
}

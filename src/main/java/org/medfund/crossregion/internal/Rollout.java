package org.medfund.crossregion.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.medfund.crossregion.FilingType;
import org.medfund.policy.PolicyPacks;
import org.medfund.policy.Resolved;
import org.medfund.registry.Region;
import org.medfund.registry.Registry;
import org.springframework.stereotype.Component;

/**
 * When direct settlement opened for a filing type in an insured region (guizhou-2017 一, 二(一): 先异地安置后转诊转院，先部分
 * 地区试运行). Pack data: {@code crossregion.go-live.<type>.<region>} for a region that went live on its own date (a
 * pilot), else {@code crossregion.go-live.<type>} for the rest; the region's own code is tried first, then its
 * ancestors'. No rule means the type is not open in that region.
 */
@Component
class Rollout {

    static final String RULE = "crossregion.go-live.";

    private final PolicyPacks packs;
    private final Registry registry;

    Rollout(PolicyPacks packs, Registry registry) {
        this.packs = packs;
        this.registry = registry;
    }

    /** The go-live date and the rule that set it, or empty when the type is not open there on that date's packs. */
    Optional<GoLive> goLive(FilingType type, String insuredRegion, LocalDate date) {
        for (Region region : registry.lineage(insuredRegion)) {
            Optional<Resolved> own = packs.find(insuredRegion, date, RULE + type.key() + "." + region.code());
            if (own.isPresent()) {
                return Optional.of(goLive(own.get()));
            }
        }
        return packs.find(insuredRegion, date, RULE + type.key()).map(Rollout::goLive);
    }

    record GoLive(LocalDate date, Resolved rule) {
    }

    private static GoLive goLive(Resolved rule) {
        try {
            return new GoLive(LocalDate.parse(rule.parameter().value()), rule);
        } catch (DateTimeParseException e) {
            throw new IllegalStateException("pack rule " + rule.parameter().name() + " is not a date", e);
        }
    }
}

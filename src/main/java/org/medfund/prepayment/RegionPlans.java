package org.medfund.prepayment;

import java.time.LocalDate;
import java.util.List;
import org.medfund.registry.Actor;

/**
 * Henan's in-province cross-region prepayment plans (henan-2023 二(二) "省内异地就医统筹基金预拨由省医保中心按规定生成
 * 各统筹区预拨计划"): data for the province's cross-region clearing. They post nothing themselves; their netted money
 * moves through {@link RegionPlanPayments}.
 */
public interface RegionPlans {

    /** Generates the year's plans of the actor's province; issued plans are never changed by a re-run. */
    List<RegionPlan> generate(int year, LocalDate date, Actor actor);

    /** Plans of a year the actor may see: the province centre all, a city its own. */
    List<RegionPlan> plans(int year, Actor actor);
}

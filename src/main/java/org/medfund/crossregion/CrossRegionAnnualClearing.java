package org.medfund.crossregion;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.registry.Actor;

/**
 * Henan's annual cross-region clearing (henan-2023 三(四)): by the end of March (shifted past holidays, 二(二) "下同")
 * the province centre and the regions check last year's accounts and clear the reserve. Per pooling region and
 * insurance type, last year's money at the province (the resident reserve withheld, 390; the employee remittances
 * received, 310) is set against the year's cleared cost: a surplus offsets this year's resident reserve or employee
 * remittance of that type, a shortfall is added to the next allocation. Each line keeps its derivation and is posted
 * as a carry from last year's account into the account it burdens or relieves.
 */
public interface CrossRegionAnnualClearing {

    /** The year's cleared cost of one region and insurance type, from the centre's account check. */
    record ClearedCost(String regionCode, String insuranceType, Money clearedCost) {
    }

    /** The province centre's clearing of a year: the cleared costs, where they come from, and the day. */
    record ClearingDraft(int year, List<ClearedCost> costs, String costSource, LocalDate date) {
    }

    /** One region's and insurance type's clearing: money held, cost cleared, what is left and where it goes. */
    record ClearingLine(String regionCode, String regionName, String insuranceType, String insuranceTypeName,
                        Money funded, Money cleared, ClearingOutcome outcome, YearMonth target, String targetLabel,
                        Derivation derivation) {

        /** Funded − cleared: positive a surplus, negative a shortfall. */
        public Money balance() {
            return funded.minus(cleared);
        }
    }

    /** A year's clearing of a province with its due date (end of March of the next year, shifted) and lines. */
    record AnnualClearing(String provinceCode, int year, LocalDate dueDate, boolean provisional, LocalDate clearedOn,
                          String clearedBy, String costSource, String citation, List<ClearingLine> lines) {

        public boolean late() {
            return clearedOn.isAfter(dueDate);
        }
    }

    /** Which clearing a carry comes from: region, insurance type, cleared year and the article (三(四)). */
    record CarrySource(String regionCode, String regionName, String insuranceType, String insuranceTypeName,
                       int clearYear, String citation) {
    }

    /**
     * The allocation a carry goes into (the first month of a remittance quarter or of a reserve year) and its amount,
     * signed as it changes the amount due: positive adds a shortfall, negative offsets a surplus.
     */
    record CarryTarget(YearMonth period, String label, Money amount) {
    }

    /**
     * What became of a carry: taken (signed like the amount), forwarded to the next allocation, where and when; and
     * for a surplus that offset a reserve already withheld, its release to the region (null otherwise).
     */
    record CarryUse(CarryState state, Money applied, Money forwarded, String appliedTo, LocalDate appliedOn,
                    CarryRelease release) {
    }

    /** The transfer that gives a region back the withheld subsidy a surplus offset; in transit until received. */
    record CarryRelease(String transferId, LocalDate receivedOn) {
    }

    /** One carry of an annual clearing's result into an allocation (henan-2023 三(四)). */
    record CarryLine(long id, CarrySource source, CarryTarget target, CarryUse use) {
    }

    /** The province centre clears a year; the same figures again answer the first clearing. */
    AnnualClearing clear(ClearingDraft draft, Actor actor);

    /** A year's clearing, the lines the actor may see. */
    Optional<AnnualClearing> clearing(int year, Actor actor);

    /** The region's finance department confirms the release of a surplus (a carry's transfer) arrived. */
    CarryLine confirmRelease(long carryId, LocalDate date, Actor actor);

    /** The carries into a year's allocations (its remittance quarters and its reserve) that the actor may see. */
    List<CarryLine> carries(int targetYear, Actor actor);

    /** The day a year's clearing is due in the actor's province: the end of March of the next year, shifted. */
    LocalDate dueDate(int year, Actor actor);
}

package org.medfund.crossregion;

import java.time.LocalDate;
import java.util.List;
import org.medfund.common.Money;
import org.medfund.registry.Actor;

/**
 * Cross-region care (DESIGN.md §3): filing, designation, suspension, benefit parameters and the discharge desk's
 * real-time settlement. The regime is the insured region's policy pack (guizhou-2017 for Guizhou insured). Every
 * refusal is a {@link org.medfund.common.Rejection} with a stable {@code crossregion.*} code.
 */
public interface CrossRegion {

    /** Filing lines per exchange file. */
    int FILE_LINES_MAX = 200_000;
    /** Fee lines per settlement request (14 national categories × 3 catalogue classes fit easily). */
    int FEE_LINES_MAX = 100;
    /** Fee detail lines per settlement. */
    int DETAILS_MAX = 5_000;

    /** The insured region's agency files a person (guizhou-2017 三(一)). */
    Filing file(FilingDraft draft, Actor actor);

    /**
     * Filings of a card: the insured region's agencies and the centre see theirs; a hospital or treatment-region
     * agency sees the filings whose target covers it (guizhou-2017 三(一): 就医地经办机构和定点医疗机构能够准确地获取).
     */
    List<Filing> filings(String cardNo, Actor actor);

    /** Filings of an insured region (and its counties) as the exchange file, for the province and the nation. */
    String exportFilings(String regionCode, Actor actor);

    /** Imports an exchange file, all or nothing; filings already present unchanged are counted, not duplicated. */
    FilingImport importFilings(String fileText, Actor actor);

    /** Lines read, filings added, filings already present. */
    record FilingImport(int lines, int added, int alreadyPresent) {
    }

    /** The province centre designates a hospital for cross-province direct settlement (guizhou-2017 四(三)). */
    Designation designate(String hospitalCode, LocalDate effectiveFrom, LocalDate effectiveTo, Actor actor);

    List<Designation> designations(String hospitalCode, Actor actor);

    /** The province centre suspends an insured region's direct settlement (guizhou-2017 五(一)). */
    Suspension suspend(String regionCode, LocalDate startedOn, String reason, Actor actor);

    /** Lifts a suspension from a date on (the region has paid). */
    Suspension lift(long suspensionId, LocalDate liftedOn, Actor actor);

    List<Suspension> suspensions(Actor actor);

    /** Sets the insured region's benefit for a fund and year (guizhou-2017 四(二)); replaces an earlier setting. */
    BenefitRule setBenefitRule(BenefitRule rule, Actor actor);

    List<BenefitRule> benefitRules(String regionCode, int year, Actor actor);

    /** The insured region records a person's personal-account balance available for settlements away. */
    Money setAccountBalance(String insuredRegionCode, String cardNo, Money balance, Actor actor);

    /** Computes a settlement for the calling hospital; writes nothing. */
    Settlement preview(SettlementRequest request, Actor actor);

    /**
     * Settles and books the visit for the calling hospital: once per hospital settlement id (a repeat with the same
     * content answers the first result, a different content is a 409).
     */
    Settlement settle(SettlementRequest request, Actor actor);

    /** Reverses a settlement as a whole (冲正): the annual use and the account balance get it back. */
    Settlement reverse(String hospitalSettlementId, LocalDate date, Actor actor);

    Settlement settlement(String hospitalCode, String hospitalSettlementId, Actor actor);

    /**
     * Matches fee details sent later to a settlement (guizhou-2017 三(二)): per national category and catalogue class
     * they must add up to the settled lines, all or nothing.
     */
    Settlement attachDetails(String hospitalSettlementId, List<FeeDetail> details, Actor actor);
}

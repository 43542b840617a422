package org.medfund.crossregion;

import java.time.LocalDate;
import java.util.List;
import org.medfund.registry.Actor;

/**
 * Prepay, then clear (guizhou-2017 三(三), 五(一)(二), 附件一 一–三): the province centre sizes each city's quarterly
 * quota, the city agency confirms it, city finance reviews it and remits from its special account to the provincial
 * special account (a ledger transfer, in transit until the province confirms the receipt); usage warnings and the
 * emergency top-up; suspension of a city that remits late; the annex 1 timetable as obligations. Regime-neutral:
 * every number and due date comes from the city's policy pack.
 */
public interface CrossRegionQuotas {

    /** Obligations listed per call. */
    int OBLIGATIONS_MAX = 2_000;

    /** Sizes a quota: the first one pays {@code crossregion.first-prepayment-months}, later ones are re-sized. */
    Quota size(QuotaRequest request, Actor actor);

    /** The city agency confirms its quota (附件一 一(二)). */
    Quota confirm(String quotaId, LocalDate date, Actor actor);

    /** City finance reviews the confirmed quota (附件一 一(二)). */
    Quota review(String quotaId, LocalDate date, Actor actor);

    /** City finance remits the reviewed quota to the provincial special account: the sending books post now. */
    Quota remit(String quotaId, LocalDate date, Actor actor);

    /** The province centre confirms the receipt: the receiving books post; a late-payment suspension is lifted. */
    Quota receive(String quotaId, LocalDate date, Actor actor);

    /** Opens the emergency top-up of a quarter whose usage is red (五(二)). */
    Quota topUp(QuotaKey key, LocalDate date, Actor actor);

    Quota quota(String quotaId, Actor actor);

    /** Quotas of a quarter the caller may see. */
    List<Quota> quotas(int year, int quarter, Actor actor);

    /** Usage of a city's quarter on a date: settled fund pay of its insured (and counties') ÷ the quarter's levels. */
    Usage usage(QuotaKey key, LocalDate date, Actor actor);

    /**
     * Suspends direct settlement of every city with a quota not remitted after its due date (五(一)), if its pack says
     * delaying suspends; answers the suspensions made.
     */
    List<Suspension> suspendLatePayers(LocalDate date, Actor actor);

    /** Creates the quarter's timetable obligations for a province (idempotent). */
    List<Obligation> openTimetable(String provinceCode, int year, int quarter, Actor actor);

    /** Marks an obligation done; doing a step that starts a relative deadline opens that obligation. */
    Obligation complete(long obligationId, LocalDate date, Actor actor);

    /** Obligations the caller owes or may see, due in a date range, open ones first by due date. */
    List<Obligation> obligations(LocalDate from, LocalDate to, Actor actor);
}

package org.medfund.settlement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;

/**
 * Monthly reconciliation (henan-2023 三(一), hainan-2020 art. 16): a hospital applies with its 3201 totals (and 3202
 * records); the agency's figures come from stored settlements; the hospital's named clerk checks, a different
 * reviewer confirms. Applying closes the month to new records (later ones go into the next month).
 */
public interface Reconciliations {

    /** Reconciliations a list shows at most (newest period first); the month filter narrows it. */
    int LIST_MAX = 5_000;

    /** The due date of a hospital's application for a month, with the rule and its citation (null: no rule). */
    record Deadline(LocalDate dueDate, String rule, String citation) {
    }

    /**
     * Names the clerk responsible for a hospital's reconciliation (henan-2023 三(一) 专人对账): an enabled user of the
     * hospital's settling agency holding the clerk role, since only that clerk may check the hospital's months.
     */
    void assignClerk(Actor actor, String hospitalCode, String clerkUser);

    Optional<String> clerkOf(String hospitalCode);

    /** Due date of the application for month M from the policy pack in force for the hospital's region. */
    Deadline deadline(String hospitalCode, YearMonth period);

    /** A hospital applies to reconcile a month; idempotent on the request id. */
    ReconciliationView apply(Actor actor, ReconciliationApplication app, LocalDate appliedOn, String requestId);

    /** The hospital's named clerk checks the application (专人对账). */
    ReconciliationView check(Actor actor, long id, LocalDate on);

    /** A reviewer other than the clerk who checked confirms the reconciliation. */
    ReconciliationView confirm(Actor actor, long id, LocalDate on);

    ReconciliationView view(Actor actor, long id);

    List<ReconciliationView.Difference> differences(Actor actor, long id);

    /**
     * Reconciliations the actor may see, newest period first, at most {@link #LIST_MAX} (hospital: its own; agency:
     * those it settles).
     */
    List<ReconciliationView> list(Actor actor, YearMonth period);

    /**
     * Reconciliations of every agency whose region the actor may see (a city clerk: its own and its counties'), of one
     * month or of all months (null), newest period first and at most {@link #LIST_MAX}; a hospital its own.
     */
    List<ReconciliationView> inScope(Actor actor, YearMonth period);

    /** Codes of the agencies of the regions the actor may see: its own region first, then the sub-regions. */
    List<String> agenciesInScope(Actor actor);

    /**
     * Every hospital the agency settles, with its application for the month: due date, status, overdue flag
     * (not applied by the due date, or applied late) as of {@code today}.
     */
    List<ReconciliationView.Obligation> obligations(Actor actor, YearMonth period, LocalDate today);

    /** Hospitals whose settling agency is this one (handan-2020 art. 11: city-managed ones by the city). */
    List<Org> hospitalsSettledBy(Org agency);

    /**
     * What one line of a payment batch pays for (issue 13, from an amount to its source records): the hospital's
     * reconciliations the batch took in, scoped like {@link #view}.
     */
    List<ReconciliationView> ofBatch(Actor actor, long batchId, String hospitalCode);

    /** The payment batch that took in a reconciliation, once it was prepared (the way back from source to payment). */
    Optional<Long> batchOf(Actor actor, long id);
}

package org.medfund.settlement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.medfund.common.Money;

/**
 * A reconciliation as shown to the hospital and the agency.
 *
 * @param status {@link ReconciliationStatus}: applied, checked by the named clerk, confirmed, paid
 * @param stmtRslt 0 when every 3201 group matched, 1 otherwise
 * @param cycle the settlement month it is paid with: the period itself, or later when applied late
 */
public record ReconciliationView(long id, String hospitalCode, String hospitalName, String agencyCode,
                                 YearMonth period, YearMonth cycle, LocalDate appliedOn, LocalDate dueDate,
                                 boolean late, String deadlineRule, String citation, ReconciliationStatus status,
                                 String stmtRslt,
                                 String clerkUser, String checkedBy, String confirmedBy, List<Group> groups,
                                 long differenceCount) {

    /** The same view with the hospital's name (the store keeps codes; the facade names the hospital). */
    public ReconciliationView withHospitalName(String name) {
        return new ReconciliationView(id, hospitalCode, name, agencyCode, period, cycle, appliedOn, dueDate, late,
                deadlineRule, citation, status, stmtRslt, clerkUser, checkedBy, confirmedBy, groups, differenceCount);
    }

    public ReconciliationView {
        groups = List.copyOf(groups);
    }

    /** The same reconciliation with its 3201 groups (the store reads them for many reconciliations at once). */
    public ReconciliationView withGroups(List<Group> all) {
        return new ReconciliationView(id, hospitalCode, hospitalName, agencyCode, period, cycle, appliedOn, dueDate,
                late, deadlineRule, citation, status, stmtRslt, clerkUser, checkedBy, confirmedBy, all,
                differenceCount);
    }

    /** Every 3201 group and every 3202 record matched (stmt_rslt 0). */
    public boolean matched() {
        return MATCHED.equals(stmtRslt);
    }

    /** The national stmt_rslt code of a matched reconciliation or group (对账结果：0 相符). */
    static final String MATCHED = "0";

    /** One 3201 group: the hospital's figures beside the agency's, stmt_rslt 0 or 1. */
    public record Group(String insutype, String clrType, long hospitalCount, Money hospitalMedfee,
                        Money hospitalFund, Money hospitalAccount, long agencyCount, Money agencyMedfee,
                        Money agencyFund, Money agencyAccount, Money agencyPooledFund, String stmtRslt) {

        public boolean matched() {
            return MATCHED.equals(stmtRslt);
        }
    }

    /** One 3202 difference: stmt_rslt 1 agency only, 2 hospital only, 3 amounts differ. */
    public record Difference(String setlId, String stmtRslt, Money hospitalMedfee, Money hospitalFund,
                             Money hospitalAccount, Money agencyMedfee, Money agencyFund, Money agencyAccount) {
    }

    /**
     * One line of the obligations list: a hospital's reconciliation application for a month, its due date and
     * where it stands ({@link ReconciliationStatus#NOT_APPLIED} before it applies); {@code overdue} when it was not
     * applied by the due date (or applied late).
     *
     * @param provisional the due date lies in a year whose holiday notice is not loaded yet (暂定)
     */
    public record Obligation(String hospitalCode, String hospitalName, YearMonth period, LocalDate dueDate,
                             boolean provisional, String deadlineRule, ReconciliationStatus status, boolean overdue,
                             Long reconciliationId, String clerkUser) {
    }
}

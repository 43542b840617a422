package org.medfund.settlement;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.medfund.common.Money;
import org.medfund.registry.Actor;

/**
 * Clearing applications (national 3203 医药机构费用结算/清算申请) and their withdrawal (3204) before approval. A hospital
 * applies for one clearing type of a settlement month whose reconciliations were confirmed; the amounts must be the
 * agency's confirmed figures. Paying the cycle approves open applications; a withdrawn one can be applied again.
 */
public interface ClearingApplications {

    /** Clearing applications a hospital's list shows at most (newest first). */
    int LIST_MAX = 500;

    /** A 3203 application; {@code setlym} is the settlement month (cycle). */
    record Application(@NotNull String hospitalCode, @NotNull YearMonth setlym, @NotNull String clrType,
                       @NotNull String clrWay, @PositiveOrZero long psntime, @NotNull Money medfeeSumamt,
                       @NotNull Money medSumfee, @NotNull Money fundAppySum, @NotNull Money cashPayamt,
                       @NotNull Money acctPay, @NotNull LocalDate begndate, @NotNull LocalDate enddate) {
    }

    record Stored(long id, Application application, ClearingStatus status, LocalDate appliedOn,
                  LocalDate withdrawnOn) {
    }

    /** The hospital applies (3203); idempotent on the request id. */
    Stored apply(Actor actor, Application application, LocalDate on, String requestId);

    /** 3204: withdraws an application that has not been approved (paid) yet. */
    Stored withdraw(Actor actor, long id, LocalDate on);

    /** A hospital's clearing applications, newest first, at most {@link #LIST_MAX}. */
    List<Stored> list(String hospitalCode);
}

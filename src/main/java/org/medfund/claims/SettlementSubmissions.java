package org.medfund.claims;

import java.time.YearMonth;
import java.util.function.Consumer;
import org.medfund.registry.Actor;

/**
 * A hospital's own view of what it sent (issue 5, "hospital's own view (its submissions …)"): the stored records of
 * one accounting month, reversals included, for the hospital itself or an organisation whose scope covers it.
 */
public interface SettlementSubmissions {

    /** A month read at once; a month of a very large hospital is a few hundred thousand visits. */
    int MONTH_ROWS_MAX = 500_000;

    /** A stored record: what the hospital sent, the month it is accounted in, and the reversal that undid it. */
    record Submitted(SettlementRecord record, YearMonth period, String reversedBy) {
    }

    /**
     * Every record of the hospital's accounting month in {@code setl_id} order, handed to {@code each} one at a time
     * (a month can be large). Refused when the caller may not see the hospital or the month exceeds
     * {@link #MONTH_ROWS_MAX}; returns the number of records.
     */
    long forEach(Actor actor, String hospitalCode, YearMonth period, Consumer<Submitted> each);
}

package org.medfund.prepayment;

import java.time.LocalDate;
import java.util.List;
import org.medfund.registry.Actor;

/**
 * The inputs of Xinyang's art. 7 gate per pooling region, fund and prepayment year (xinyang-2025 art. 7), recorded by
 * a clerk with evidence and confirmed by another; once the books hold last year they are read from the books.
 */
public interface FundStatuses {

    /** A city clerk records the art. 7 inputs of a fund for a prepayment year. Idempotent per request id. */
    FundRecord record(String regionCode, String insuranceType, int year, FundFigures figures, String evidence,
                      LocalDate date, Actor actor, String requestId);

    /** A reviewer other than the recording clerk confirms; from then it is the record the gate uses. */
    FundRecord confirm(long id, Actor actor);

    /** The records of a region and year, newest first. */
    List<FundRecord> records(String regionCode, int year, Actor actor);

    /** The art. 7 inputs the gate uses, and where they came from. */
    EffectiveFundStatus effective(String regionCode, String fund, int year);

    /** Whether the fund's own books hold last year (every agency book of the pooling region closed through December). */
    boolean booksHold(String regionCode, String fund, int year);
}

package org.medfund.prepayment;

import java.util.List;
import org.medfund.common.Money;

/**
 * What the art. 7 gate (xinyang-2025 art. 7) judges one fund by.
 *
 * @param lastYear last year's 12 actual months
 * @param forecast the projected months of the rolling forecast for the prepayment year
 */
public record FundStatus(String insuranceType, Money accumulatedBalance, List<FundMonth> lastYear,
                         List<FundMonth> forecast) {

    public FundStatus {
        lastYear = List.copyOf(lastYear);
        forecast = List.copyOf(forecast);
    }
}

package org.medfund.prepayment;

import java.util.List;
import org.medfund.common.Money;

/**
 * The figures of a recorded art. 7 fund status (xinyang-2025 art. 7).
 *
 * @param accumulatedBalance null (and {@code lastYear} empty) when the books hold them
 * @param forecast the rolling forecast, {@code prepayment.rolling-forecast-months} months from January
 */
public record FundFigures(Money accumulatedBalance, List<FundMonth> lastYear, List<FundMonth> forecast) {

    public FundFigures {
        lastYear = List.copyOf(lastYear);
        forecast = List.copyOf(forecast);
    }
}

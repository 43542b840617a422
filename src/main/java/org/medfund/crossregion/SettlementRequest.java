package org.medfund.crossregion;

import java.time.LocalDate;
import java.util.List;

/**
 * A discharge-desk settlement request from a hospital (guizhou-2017 三(二)).
 *
 * @param hospitalSettlementId the hospital's own settlement id ({@code setl_id}); one settlement per id
 * @param cardNo the social-security card number (guizhou-2017 六(二))
 * @param date the settlement (discharge) date: filing, designation, rollout, suspension and year follow it
 * @param useAccount whether the person lets the personal account pay (national {@code acct_used_flag})
 */
public record SettlementRequest(String hospitalSettlementId, String cardNo, String insuredRegionCode,
                                String insuranceType, LocalDate date, List<FeeLine> lines, boolean useAccount) {

    public SettlementRequest {
        lines = lines == null ? List.of() : List.copyOf(lines);
    }
}

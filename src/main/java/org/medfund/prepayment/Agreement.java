package org.medfund.prepayment;

import java.math.BigDecimal;
import java.time.LocalDate;

/** A service agreement with its prepayment terms (henan-2023 二(二) last paragraph, xinyang-2025 art. 18). */
public record Agreement(String hospitalCode, String agreementNo, LocalDate validFrom, LocalDate validUntil,
                        String prepaymentTerms, boolean medicalCommunity, BigDecimal communityFactor) {
}

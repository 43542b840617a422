package org.medfund.ledger;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Map;
import java.util.UUID;
import org.medfund.common.Money;

/** Builds business events and unique organisation codes for ledger tests. */
final class Events {

    private Events() {
    }

    /** A code no other test uses, e.g. {@code T3f9a2c-AGENCY}. */
    static String unique(String suffix) {
        return "T" + UUID.randomUUID().toString().substring(0, 8) + "-" + suffix;
    }

    static String requestId() {
        return "test-" + UUID.randomUUID();
    }

    static BusinessEvent event(String type, LocalDate date, String yuan, Map<String, String> parties) {
        return new BusinessEvent(type, requestId(), date, YearMonth.from(date), Money.ofYuan(yuan), parties, "310",
                "test-document", UUID.randomUUID().toString().substring(0, 8), "xinyang-2025", "xinyang-2025 art. 15",
                "测试: " + type);
    }
}

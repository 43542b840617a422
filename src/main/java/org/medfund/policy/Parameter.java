package org.medfund.policy;

import java.math.BigDecimal;
import org.medfund.calendar.DeadlineRule;

/**
 * A policy parameter as text with the article it comes from. Typed accessors parse it.
 *
 * @param article e.g. "henan-2023 二(二)"
 * @param note a short Chinese explanation
 */
public record Parameter(String name, String value, String article, String note) {

    public BigDecimal decimal() {
        return new BigDecimal(value);
    }

    public int integer() {
        return Integer.parseInt(value);
    }

    public boolean flag() {
        return Boolean.parseBoolean(value);
    }

    public DeadlineRule deadline() {
        return DeadlineRule.parse(value);
    }
}

package org.medfund.crossregion;

/** One city's (市州) quota period and scope. */
public record QuotaKey(String cityRegionCode, int year, int quarter, QuotaScope scope) {

    public String label() {
        return year + " 年第 " + quarter + " 季度" + scope.label();
    }
}

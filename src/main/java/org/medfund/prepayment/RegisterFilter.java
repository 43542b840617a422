package org.medfund.prepayment;

/** Which register rows to list; a null part does not filter. */
public record RegisterFilter(Integer year, String hospitalCode, String insuranceType, PrepaymentStatus status,
                             String packId) {

    public static RegisterFilter year(int year) {
        return new RegisterFilter(year, null, null, null, null);
    }

    public static RegisterFilter hospital(Integer year, String hospitalCode, String insuranceType) {
        return new RegisterFilter(year, hospitalCode, insuranceType, null, null);
    }

    public static RegisterFilter status(PrepaymentStatus status) {
        return new RegisterFilter(null, null, null, status, null);
    }
}

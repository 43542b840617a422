package org.medfund.registry;

/** National insurance type code (险种): 310 employee basic medical, 390 resident basic medical, 510 maternity, … */
public record InsuranceType(String code, String name) {
}

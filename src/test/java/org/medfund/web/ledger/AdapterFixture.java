package org.medfund.web.ledger;

/** Stands for any class of one web adapter in {@code ArchitectureTest.rulesCatchAWrongImport} (test sources only). */
public final class AdapterFixture {

    private AdapterFixture() {
    }
}

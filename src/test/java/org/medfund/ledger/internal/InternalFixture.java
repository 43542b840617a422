package org.medfund.ledger.internal;

/** Stands for any internal class in {@code ArchitectureTest.rulesCatchAWrongImport} (test sources only). */
public final class InternalFixture {

    private InternalFixture() {
    }
}

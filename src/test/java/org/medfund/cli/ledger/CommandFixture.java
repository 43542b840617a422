package org.medfund.cli.ledger;

/** Stands for any class of one CLI adapter in {@code ArchitectureTest.rulesCatchAWrongImport} (test sources only). */
public final class CommandFixture {

    private CommandFixture() {
    }
}

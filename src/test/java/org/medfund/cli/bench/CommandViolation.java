package org.medfund.cli.bench;

import org.medfund.cli.ledger.CommandFixture;

/**
 * A deliberately wrong class for {@code ArchitectureTest.rulesCatchAWrongImport}: one CLI adapter must not use
 * another's classes, only the {@code cli} shell. It lives in the test sources only.
 */
public final class CommandViolation {

    private CommandViolation() {
    }

    static String other() {
        return CommandFixture.class.getName();
    }
}

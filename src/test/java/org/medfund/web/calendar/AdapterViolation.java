package org.medfund.web.calendar;

import org.medfund.web.ledger.AdapterFixture;

/**
 * A deliberately wrong class for {@code ArchitectureTest.rulesCatchAWrongImport}: one web adapter must not use
 * another's classes, only the web shell. It lives in the test sources only.
 */
public final class AdapterViolation {

    private AdapterViolation() {
    }

    static String other() {
        return AdapterFixture.class.getName();
    }
}

package org.medfund.calendar;

import org.medfund.ledger.internal.InternalFixture;
import org.medfund.web.MedfundUser;

/**
 * A deliberately wrong class for {@code ArchitectureTest.rulesCatchAWrongImport}: the calendar must use neither the
 * web shell nor another capability's internals. It lives in the test sources only.
 */
public final class ArchitectureViolation {

    private ArchitectureViolation() {
    }

    static String both() {
        return MedfundUser.class.getName() + InternalFixture.class.getName();
    }
}

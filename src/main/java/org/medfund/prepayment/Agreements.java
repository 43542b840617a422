package org.medfund.prepayment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.medfund.registry.Actor;

/**
 * Service agreements with their prepayment terms, maker-checker with evidence: no prepayment without one in force
 * (henan-2023 二(二) last paragraph, xinyang-2025 art. 18). Confirming a version that ends the hospital's last
 * agreement takes it out of the prepayment scope ({@link Recoveries#leaveScope}).
 */
public interface Agreements {

    /** A clerk records an agreement (or a new version of one); it waits for a reviewer. Idempotent per request id. */
    AgreementRecord record(Agreement agreement, String evidence, Actor actor, String requestId);

    /** A reviewer other than the recording clerk confirms a recorded version. Confirming again changes nothing. */
    AgreementRecord confirm(long id, LocalDate date, Actor actor);

    /** Every recorded version of a hospital's agreements, newest first. */
    List<AgreementRecord> records(String hospitalCode, Actor actor);

    /** Recorded versions waiting for a reviewer, of the hospitals the actor may see. */
    List<AgreementRecord> pending(Actor actor);

    /** The confirmed agreement in force on a date, if any. */
    Optional<Agreement> inForce(String hospitalCode, LocalDate date);
}

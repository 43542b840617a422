package org.medfund.prepayment;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.medfund.common.Money;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;

/**
 * Xinyang's application route (xinyang-2025): the hospital applies by Jan 15 with the annex form (art. 6(一)), the
 * county agency reviews the five conditions of art. 3, each fund passes the art. 7 gate and is sized by art. 4, then
 * the art. 6 workflow steps run with their actors, due dates and overdue flags; art. 5 adjusts the amount.
 */
public interface Applications {

    /** The hospital applies (art. 6(一)); late applications are accepted but flagged. */
    Application apply(String hospitalCode, int year, ApplicationForm form, LocalDate date, Actor actor);

    /** The county agency reviews (art. 6(二)): findings, eligibility (art. 3), sizing behind the art. 7 gate. */
    List<Prepayment> review(String applicationId, List<Finding> findings, LocalDate date, Actor actor);

    /** Art. 3(一) "正常结算满一个自然年度以上" from the settlement data. */
    SettledYear settledYear(Org hospital, int prepaymentYear, Regime regime);

    /** Completes a workflow step in order (art. 6); the bureau review approves, PAID disburses. */
    StepState complete(String prepaymentId, WorkflowStep step, LocalDate date, Actor actor, String requestId);

    /** The receiving agency confirms that the money of a FUNDED or COUNTY_SHARED step arrived (art. 6(四)). */
    StepState confirmReceipt(String prepaymentId, WorkflowStep step, LocalDate date, Actor actor);

    /** Art. 5: the amount adjusted after the city bureau and finance consult; only before approval. */
    Prepayment adjust(String prepaymentId, Money amount, String decisionNo, String reason, Actor actor);

    /** An application the actor may see; not found otherwise, so ids do not leak. */
    Application application(String id, Actor actor);

    Optional<Application> application(String id);

    List<Application> applications(int year, Actor actor);

    List<Finding> findings(String applicationId);

    List<StepState> steps(String prepaymentId);

    /** Workflow steps with a due date not yet done, for the deadline list. */
    List<StepState> openSteps(Actor actor);
}

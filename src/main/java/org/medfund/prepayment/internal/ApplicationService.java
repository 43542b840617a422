package org.medfund.prepayment.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medfund.calendar.BusinessCalendar;
import org.medfund.calendar.Due;
import org.medfund.claims.SettlementTotals;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.policy.Resolved;
import org.medfund.ledger.BusinessDates;
import org.medfund.prepayment.Application;
import org.medfund.prepayment.ApplicationForm;
import org.medfund.prepayment.ApplicationStatus;
import org.medfund.prepayment.Applications;
import org.medfund.prepayment.EffectiveFundStatus;
import org.medfund.prepayment.Finding;
import org.medfund.prepayment.Prepayment;
import org.medfund.prepayment.PrepaymentStatus;
import org.medfund.prepayment.Regime;
import org.medfund.prepayment.RegisterFilter;
import org.medfund.prepayment.SettledYear;
import org.medfund.prepayment.StepState;
import org.medfund.prepayment.WorkflowStep;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link Applications}, Xinyang's application route (xinyang-2025): the hospital applies by Jan 15 with the annex form (art. 6(一)), the county
 * agency reviews the five conditions of art. 3 with its finance department, each fund passes the art. 7 gate and is
 * sized by art. 4, then the art. 6 workflow steps run with their actors, due dates and overdue flags.
 */
@Service
class ApplicationService implements Applications {

    private final PrepaymentService prepayments;
    private final RecoveryService recoveries;
    private final Registry registry;
    private final BusinessCalendar calendar;
    private final ApplicationStore store;
    private final StepStore stepStore;
    private final RegisterStore register;
    private final Funding funding;
    private final FundStatusService fundStatuses;
    private final SettlementTotals totals;
    private final BusinessDates dates;

    ApplicationService(PrepaymentService prepayments, RecoveryService recoveries, Registry registry,
                       BusinessCalendar calendar, ApplicationStore store, StepStore stepStore, RegisterStore register,
                       Funding funding, FundStatusService fundStatuses, SettlementTotals totals, BusinessDates dates) {
        this.dates = dates;
        this.funding = funding;
        this.fundStatuses = fundStatuses;
        this.totals = totals;
        this.prepayments = prepayments;
        this.recoveries = recoveries;
        this.registry = registry;
        this.calendar = calendar;
        this.store = store;
        this.stepStore = stepStore;
        this.register = register;
    }

    /**
     * The hospital applies (art. 6(一)). Refused when its pack is not an application regime or it has not cleared an
     * earlier prepayment (art. 6(五) "不得受理"). Late applications are accepted but flagged (原则上 by Jan 15).
     */
    @Override
    @Transactional
    public Application apply(String hospitalCode, int year, ApplicationForm form, LocalDate date, Actor actor) {
        Org hospital = registry.requireOrg(hospitalCode, "hospitalCode");
        if (!registry.canSeeOrg(actor, hospitalCode)) {
            throw Rejection.forbidden("prepayment.out-of-scope", "hospitalCode", "只能为本机构申请预付金");
        }
        if (form == null) {
            throw new Rejection("prepayment.form-incomplete", "form", "缺少申请书内容");
        }
        form.validate();
        dates.checkYear(year, "year");
        dates.check(date, "date");
        Regime regime = prepayments.regime(hospital.regionCode(), date);
        if (!regime.applicationRequired()) {
            throw new Rejection("prepayment.no-application", "hospitalCode", regime.packId()
                    + " 由经办机构直接核定预拨，无需申请（" + regime.citation(Regime.FACTOR) + "）");
        }
        String id = "PA-" + year + "-" + hospitalCode;
        Optional<Application> existing = application(id);
        if (existing.isPresent()) {
            return existing.get();
        }
        Optional<Resolved> blocks = regime.unclearedBlocksApplication();
        if (blocks.isPresent() && !recoveries.cleared(hospitalCode)) {
            throw Rejection.conflict("prepayment.not-cleared", "hospitalCode",
                    "上一年度预付金未按规定清算，不予受理（" + blocks.get().citation() + "）");
        }
        Due due = prepayments.due(regime, year);
        store.insert(id, year, hospitalCode, regime.packId(), form, date, due, actor.userId());
        return application(id).orElseThrow();
    }

    /**
     * The county agency reviews (art. 6(二)): records the five findings, decides eligibility (art. 3, (五) from the
     * register), and for an eligible hospital sizes each fund (art. 4) behind the art. 7 gate. Creates the rows
     * and the workflow steps.
     */
    @Override
    @Transactional
    public List<Prepayment> review(String applicationId, List<Finding> findings,
                                               LocalDate date, Actor actor) {
        Access.requireRole(actor, Role.CLERK);
        Application application = application(applicationId).orElseThrow(() -> Rejection.notFound(
                "prepayment.application-not-found", "applicationId", "申请 " + applicationId + " 不存在"));
        prepayments.requireStaff(actor, application.hospitalCode());
        BusinessDates.BusinessDate on = dates.check(date, "date");
        if (application.status() != ApplicationStatus.SUBMITTED) {
            return rows(application);
        }
        on.notBefore(application.submittedOn(), "申请日期");
        List<Finding> recorded = new ArrayList<>();
        for (Finding finding : findings) {
            recorded.add(new Finding(finding.condition(), finding.met(), finding.evidence(),
                    actor.userId()));
        }
        Org hospital = registry.requireOrg(application.hospitalCode(), "hospitalCode");
        Eligibility.Outcome outcome = Eligibility.xinyang(recorded, recoveries.cleared(application.hospitalCode()),
                settledYear(hospital, application.year(), prepayments.regime(hospital.regionCode(), date)));
        for (Finding finding : recorded) {
            store.insertFinding(applicationId, finding);
        }
        store.reviewed(applicationId, outcome.eligible() ? ApplicationStatus.ELIGIBLE : ApplicationStatus.REFUSED,
                outcome.refusals(), actor.userId(), date);
        if (!outcome.eligible()) {
            return List.of();
        }
        return sizeFunds(application, date, actor);
    }

    /**
     * Art. 3(一) "正常结算满一个自然年度以上" from the settlement data: the months of the year before the prepayment year
     * in which the hospital had settlements of any fund the pack prepays (places as the pack counts them).
     */
    @Override
    public SettledYear settledYear(Org hospital, int prepaymentYear, Regime regime) {
        java.util.SortedSet<Integer> months = new java.util.TreeSet<>();
        for (String fund : regime.insuranceTypes()) {
            totals.pooledFundPayByMonth(hospital.code(), fund, java.time.Year.of(prepaymentYear - 1), regime.places())
                    .keySet().forEach(month -> months.add(month.getMonthValue()));
        }
        return new SettledYear(prepaymentYear - 1, months);
    }

    private List<Prepayment> sizeFunds(Application application, LocalDate date, Actor actor) {
        Org hospital = registry.requireOrg(application.hospitalCode(), "hospitalCode");
        Regime regime = prepayments.regime(hospital.regionCode(), date);
        String cityCode = prepayments.cityOf(hospital.regionCode()).code();
        List<Prepayment> rows = new ArrayList<>();
        for (String fund : regime.insuranceTypes()) {
            String gateReasons = null;
            Optional<BigDecimal> monthsMin = regime.monthsPayableMin(fund);
            if (monthsMin.isPresent()) {
                EffectiveFundStatus status = fundStatuses.effective(cityCode, fund, application.year());
                FundGate.Result gate = FundGate.evaluate(status.status(), monthsMin.get(),
                        regime.deficitBlocks().isPresent(), regime.citation("prepayment.months-payable-min." + fund));
                gateReasons = gate.open() ? null : String.join("；", gate.reasons()) + "（基金数据来源："
                        + status.source().label() + "）";
            }
            Prepayment row = prepayments.sizeOne(hospital, fund, application.year(), regime, date, actor,
                    application.id(), gateReasons);
            createSteps(row, hospital, application, date, actor);
            rows.add(row);
        }
        return rows;
    }

    private void createSteps(Prepayment row, Org hospital, Application application, LocalDate date,
                             Actor actor) {
        String cityCode = prepayments.cityOf(hospital.regionCode()).code();
        String cityAgency = registry.agencyOf(cityCode).map(Org::code).orElse(row.payerOrgCode());
        String bureau = registry.orgs(cityCode, OrgKind.BUREAU).stream().findFirst().map(Org::code)
                .orElse(cityAgency);
        String finance = registry.financeOf(cityCode).map(Org::code).orElse(cityAgency);
        stepStore.doneAtOnce(row.id(), WorkflowStep.APPLIED, hospital.code(), application.dueOn(), application.submittedOn(),
                application.submittedBy());
        // The agency that will pay the hospital reviews it: the county centre, or the city centre for city-level ones.
        stepStore.doneAtOnce(row.id(), WorkflowStep.COUNTY_REVIEWED, row.payerOrgCode(), null, date, actor.userId());
        if (row.status() == PrepaymentStatus.CLOSED) {
            return;
        }
        stepStore.planned(row.id(), WorkflowStep.CITY_AGGREGATED, cityAgency);
        stepStore.planned(row.id(), WorkflowStep.BUREAU_REVIEWED, bureau);
        stepStore.planned(row.id(), WorkflowStep.FUNDED, finance);
        if (!row.payerOrgCode().equals(cityAgency)) {
            stepStore.planned(row.id(), WorkflowStep.COUNTY_SHARED, cityAgency);
        }
        stepStore.planned(row.id(), WorkflowStep.PAID, row.payerOrgCode());
    }

    /**
     * Completes a workflow step in order. The bureau review is the checker: it approves the row (maker-checker
     * against the clerk who prepared it); funding due = review + 10 working days; payment due = funds at the paying
     * centre + 3 working days; paying disburses through the ledger.
     */
    @Override
    @Transactional
    public StepState complete(String prepaymentId, WorkflowStep step, LocalDate date, Actor actor, String requestId) {
        Prepayment row = prepayments.require(prepaymentId, actor);
        List<StepState> steps = steps(prepaymentId);
        StepState state = steps.stream().filter(s -> s.step() == step).findFirst().orElseThrow(() ->
                new Rejection("prepayment.step-unknown", "step", "该预付金没有步骤 " + step.label()));
        // The date itself is checked before the repeat answer: a bad date is refused even for a done step.
        BusinessDates.BusinessDate on = dates.check(date, "date");
        if (state.doneOn() != null) {
            return state;
        }
        if (step.transfersFunds()) {
            // These steps move money out of the actor's book (PAID books through disburse, which checks its own).
            on.inBook(state.actorOrgCode());
        }
        for (StepState earlier : steps) {
            if (earlier.step().ordinal() < step.ordinal() && earlier.doneOn() == null) {
                throw Rejection.conflict("prepayment.step-order", "step", "须先完成：" + earlier.step().label());
            }
            // Business dates do not run backwards: a step cannot be done before the one it follows.
            if (earlier.step().ordinal() < step.ordinal()) {
                on.notBefore(earlier.doneOn(), earlier.step().label() + " 的完成日期");
            }
        }
        if (!actor.orgCode().equals(state.actorOrgCode()) && !actor.userId().equals("system")) {
            throw Rejection.forbidden("prepayment.step-actor", "step", step.label() + " 应由 " + state.actorOrgCode()
                    + " 办理");
        }
        Regime regime = prepayments.regime(row.regionCode(), date);
        if (step == WorkflowStep.BUREAU_REVIEWED) {
            prepayments.approve(prepaymentId, date, actor);
            dueNext(prepaymentId, WorkflowStep.FUNDED, calendar.dueAfterWorkingDays(date,
                    regime.workingDays("prepayment.fund-within-working-days")));
        } else if (step == WorkflowStep.FUNDED || step == WorkflowStep.COUNTY_SHARED) {
            // The money moves for every row ready at this step with the same receiver and fund (art. 6(三)(四)).
            sendFunds(row, step, steps, state, date, actor);
            return steps(prepaymentId).stream().filter(s -> s.step() == step).findFirst().orElseThrow();
        } else if (step == WorkflowStep.PAID) {
            StepState funded = fundingStep(steps);
            if (funded != null && (funded.receivedOn() == null || funded.receivedOn().isAfter(date))) {
                throw Rejection.conflict("prepayment.funds-in-transit", "step", "预付资金尚在途，须由 "
                        + receiverOf(row, funded.step(), steps) + " 确认到账后方可拨付（xinyang-2025 art. 6(四)）");
            }
            prepayments.disburse(prepaymentId, date, true, actor, requestId);
        }
        stepStore.done(prepaymentId, step, date, actor.userId());
        return steps(prepaymentId).stream().filter(s -> s.step() == step).findFirst().orElseThrow();
    }

    private void sendFunds(Prepayment row, WorkflowStep step, List<StepState> steps, StepState state,
                           LocalDate date, Actor actor) {
        String receiver = receiverOf(row, step, steps);
        List<StepStore.Ready> ready;
        if (step == WorkflowStep.FUNDED) {
            ready = funding.readyToFund(state.actorOrgCode(), receiver, row.insuranceType(), row.year(), date);
        } else {
            StepState funded = steps.stream().filter(s -> s.step() == WorkflowStep.FUNDED).findFirst().orElseThrow();
            if (funded.receivedOn() == null || funded.receivedOn().isAfter(date)) {
                throw Rejection.conflict("prepayment.funds-in-transit", "step", "财政拨入市级支出户的资金尚未确认到账，"
                        + "不能转拨县区（xinyang-2025 art. 6(三)(四)）");
            }
            ready = funding.readyToShare(state.actorOrgCode(), receiver, row.insuranceType(), row.year(), date);
        }
        if (ready.stream().noneMatch(r -> r.prepaymentId().equals(row.id()))) {
            throw new IllegalStateException(row.id() + " is not ready at " + step + " although its earlier steps are done");
        }
        funding.send(step, ready, state.actorOrgCode(), receiver, row.insuranceType(), row.year(), row.packId(), date,
                actor.userId());
        for (StepStore.Ready r : ready) {
            if (steps(r.prepaymentId()).stream().noneMatch(s -> s.step() == WorkflowStep.PAID && s.dueOn() != null)
                    && fundingStep(steps(r.prepaymentId())).receivedOn() != null) {
                paidDue(r.prepaymentId(), date, row);
            }
        }
    }

    /** The step whose money the paying centre pays from: COUNTY_SHARED for county hospitals, else FUNDED. */
    private static StepState fundingStep(List<StepState> steps) {
        StepState last = null;
        for (StepState s : steps) {
            if (s.step() == WorkflowStep.FUNDED || s.step() == WorkflowStep.COUNTY_SHARED) {
                last = s;
            }
        }
        return last;
    }

    /** FUNDED is received by the city centre; COUNTY_SHARED by the paying county centre. */
    private static String receiverOf(Prepayment row, WorkflowStep step, List<StepState> steps) {
        if (step == WorkflowStep.COUNTY_SHARED) {
            return row.payerOrgCode();
        }
        return steps.stream().filter(s -> s.step() == WorkflowStep.CITY_AGGREGATED).findFirst().map(StepState::actorOrgCode)
                .orElse(row.payerOrgCode());
    }

    /** Art. 6(四): the paying centre pays within 3 working days of the money arriving. */
    private void paidDue(String prepaymentId, LocalDate arrived, Prepayment row) {
        Regime regime = prepayments.regime(row.regionCode(), arrived);
        dueNext(prepaymentId, WorkflowStep.PAID, calendar.dueAfterWorkingDays(arrived,
                regime.workingDays("prepayment.pay-within-working-days")));
    }

    /**
     * The receiving agency confirms that the money of a FUNDED or COUNTY_SHARED step arrived in its expenditure
     * account: the ledger posts its side of the transfer, every row the transfer carried is marked received, and the
     * paying centre's 3-working-day payment due date starts for the rows it will pay (art. 6(四) "资金到位后").
     * Confirming again changes nothing.
     */
    @Override
    @Transactional
    public StepState confirmReceipt(String prepaymentId, WorkflowStep step, LocalDate date, Actor actor) {
        Prepayment row = prepayments.require(prepaymentId, actor);
        if (step != WorkflowStep.FUNDED && step != WorkflowStep.COUNTY_SHARED) {
            throw new Rejection("prepayment.no-transfer", "step", step.label() + " 不涉及资金划转");
        }
        List<StepState> steps = steps(prepaymentId);
        StepState state = steps.stream().filter(s -> s.step() == step).findFirst().orElseThrow(() ->
                new Rejection("prepayment.step-unknown", "step", "该预付金没有步骤 " + step.label()));
        String receiver = receiverOf(row, step, steps);
        if (!actor.orgCode().equals(receiver) && !actor.userId().equals("system")) {
            throw Rejection.forbidden("prepayment.step-actor", "step", "到账应由收款方 " + receiver + " 确认");
        }
        if (state.doneOn() == null) {
            throw Rejection.conflict("prepayment.step-order", "step", "须先完成：" + step.label());
        }
        BusinessDates.BusinessDate on = dates.check(date, "date");
        if (state.receivedOn() != null) {
            return state;
        }
        on.inBook(receiver).notBefore(state.doneOn(), "拨出日期");
        for (String carried : funding.receive(state.transferId(), date)) {
            List<StepState> carriedSteps = steps(carried);
            if (fundingStep(carriedSteps).receivedOn() != null) {
                paidDue(carried, date, row);
            }
        }
        return steps(prepaymentId).stream().filter(s -> s.step() == step).findFirst().orElseThrow();
    }

    private void dueNext(String prepaymentId, WorkflowStep step, Due due) {
        stepStore.due(prepaymentId, step, due);
    }

    /**
     * Art. 5: after the city bureau and finance consult, the amount is adjusted; the decision is recorded in the
     * derivation. Only before approval.
     */
    @Override
    @Transactional
    public Prepayment adjust(String prepaymentId, Money amount, String decisionNo, String reason,
                                         Actor actor) {
        Prepayment row = prepayments.require(prepaymentId, actor);
        Access.requireRole(actor, Role.CLERK);
        if (row.status() != PrepaymentStatus.PREPARED) {
            throw Rejection.conflict("prepayment.not-prepared", "prepaymentId", "只能在审核前调整预付金规模");
        }
        if (decisionNo == null || decisionNo.isBlank() || reason == null || reason.isBlank()) {
            throw new Rejection("prepayment.decision-missing", "decisionNo", "须记录市级医保、财政部门会商决定及事由");
        }
        if (amount.isNegative()) {
            throw new Rejection("prepayment.amount-negative", "amount", "预付金规模不能为负数");
        }
        Resolved rule = prepayments.regimeOf(row).emergencyAdjustment();
        Derivation adjusted = Sizing.adjusted(row.derivation(), amount, decisionNo, reason, rule.citation());
        register.adjust(prepaymentId, adjusted, amount.minus(row.outstandingBefore()).max(Money.ZERO));
        return register.prepayment(prepaymentId).orElseThrow();
    }

    // ---- queries

    /** An application the actor may see (its hospital in scope); not found otherwise, so ids do not leak. */
    @Override
    public Application application(String id, Actor actor) {
        return application(id).filter(a -> registry.canSeeOrg(actor, a.hospitalCode())).orElseThrow(() ->
                Rejection.notFound("prepayment.application-not-found", "applicationId", "申请 " + id + " 不存在"));
    }

    @Override
    public Optional<Application> application(String id) {
        return store.application(id);
    }

    @Override
    public List<Application> applications(int year, Actor actor) {
        return store.ids(year).stream().map(id -> application(id).orElseThrow())
                .filter(a -> registry.canSeeOrg(actor, a.hospitalCode())).toList();
    }

    @Override
    public List<Finding> findings(String applicationId) {
        return store.findings(applicationId);
    }

    @Override
    public List<StepState> steps(String prepaymentId) {
        return stepStore.steps(prepaymentId);
    }

    /** Workflow steps with a due date not yet done, for the deadline list (overdue ones flagged by the page). */
    @Override
    public List<StepState> openSteps(Actor actor) {
        return stepStore.open().stream().filter(o -> registry.canSeeOrg(actor, o.hospitalCode()))
                .map(StepStore.OpenStep::state).toList();
    }

    private List<Prepayment> rows(Application application) {
        return register.prepayments(RegisterFilter.hospital(application.year(), application.hospitalCode(), null));
    }
}

package org.medfund.prepayment;

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
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Xinyang's application route (xinyang-2025): the hospital applies by Jan 15 with the annex form (art. 6(一)), the county
 * agency reviews the five conditions of art. 3 with its finance department, each fund passes the art. 7 gate and is
 * sized by art. 4, then the art. 6 workflow steps run with their actors, due dates and overdue flags.
 */
@Service
public class Applications {

    /** The art. 6 steps in order; the first two are done by {@link #apply} and {@link #review}. */
    public enum Step {
        APPLIED("医疗机构提出申请", "xinyang-2025 art. 6(一)"),
        COUNTY_REVIEWED("县区经办机构商同级财政核定", "xinyang-2025 art. 6(二)"),
        CITY_AGGREGATED("市级经办机构审核汇总", "xinyang-2025 art. 6(二)"),
        BUREAU_REVIEWED("市级医保部门审核（复核）", "xinyang-2025 art. 6(三)"),
        FUNDED("市级财政 10 个工作日内拨入市级支出户", "xinyang-2025 art. 6(三)"),
        COUNTY_SHARED("市级拨付县区医保中心支出户", "xinyang-2025 art. 6(四)"),
        PAID("经办机构 3 个工作日内拨付医疗机构", "xinyang-2025 art. 6(四)");

        private final String label;
        private final String article;

        Step(String label, String article) {
            this.label = label;
            this.article = article;
        }

        public String label() {
            return label;
        }

        public String article() {
            return article;
        }
    }

    public record Application(String id, int year, String hospitalCode, String packId, LocalDate submittedOn,
                              LocalDate dueOn, ApplicationForm form, String status, String refusals,
                              String submittedBy, String reviewedBy) {

        public boolean late() {
            return submittedOn.isAfter(dueOn);
        }
    }

    /**
     * One art. 6 step of a row.
     *
     * @param transferId the ledger transfer that carried the money at FUNDED / COUNTY_SHARED (null elsewhere, or when
     *                   the row had nothing to pay)
     * @param receivedOn when the receiving agency confirmed the money arrived (null while in transit)
     */
    public record StepState(String prepaymentId, Step step, String actorOrgCode, LocalDate dueOn, LocalDate doneOn,
                            String doneBy, String transferId, LocalDate receivedOn) {

        public boolean inTransit() {
            return transferId != null && receivedOn == null;
        }

        public boolean overdue(LocalDate asOf) {
            return dueOn != null && (doneOn == null ? asOf.isAfter(dueOn) : doneOn.isAfter(dueOn));
        }
    }

    private final Prepayments prepayments;
    private final Recoveries recoveries;
    private final Registry registry;
    private final BusinessCalendar calendar;
    private final JdbcClient jdbc;
    private final Store store;
    private final Funding funding;
    private final FundStatuses fundStatuses;
    private final SettlementTotals totals;
    private final BusinessDates dates;

    Applications(Prepayments prepayments, Recoveries recoveries, Registry registry, BusinessCalendar calendar,
                 JdbcClient jdbc, Store store, Funding funding, FundStatuses fundStatuses, SettlementTotals totals,
                 BusinessDates dates) {
        this.dates = dates;
        this.funding = funding;
        this.fundStatuses = fundStatuses;
        this.totals = totals;
        this.prepayments = prepayments;
        this.recoveries = recoveries;
        this.registry = registry;
        this.calendar = calendar;
        this.jdbc = jdbc;
        this.store = store;
    }

    /**
     * The hospital applies (art. 6(一)). Refused when its pack is not an application regime or it has not cleared an
     * earlier prepayment (art. 6(五) "不得受理"). Late applications are accepted but flagged (原则上 by Jan 15).
     */
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
        jdbc.sql("""
                insert into prepayment_application (id, prepayment_year, hospital_code, pack_id, submitted_on, due_on,
                    basic_info, agreement_performance, finances, key_tasks, supervision, penalties_12_months,
                    commitments, status, submitted_by, due_basis)
                values (:id, :year, :h, :pack, :on, :due, :a, :b, :c, :d, :e, :f, :commitments, 'SUBMITTED', :by,
                    :dueBasis)""")
                .param("id", id).param("year", year).param("h", hospitalCode).param("pack", regime.packId())
                .param("on", date).param("due", due.date()).param("dueBasis", due.basis()).param("a", form.basicInfo())
                .param("b", form.agreementPerformance()).param("c", form.finances()).param("d", form.keyTasks())
                .param("e", form.supervision()).param("f", form.penaltiesIn12Months())
                .param("commitments", "专款专用;承担责任;配合退回;真实完整").param("by", actor.userId()).update();
        return application(id).orElseThrow();
    }

    /**
     * The county agency reviews (art. 6(二)): records the five findings, decides eligibility (art. 3, (五) from the
     * register), and for an eligible hospital sizes each fund (art. 4) behind the art. 7 gate. Creates the rows
     * and the workflow steps.
     */
    @Transactional
    public List<Prepayments.Prepayment> review(String applicationId, List<Eligibility.Finding> findings,
                                               LocalDate date, Actor actor) {
        Prepayments.requireRole(actor, Role.CLERK);
        Application application = application(applicationId).orElseThrow(() -> Rejection.notFound(
                "prepayment.application-not-found", "applicationId", "申请 " + applicationId + " 不存在"));
        prepayments.requireStaff(actor, application.hospitalCode());
        BusinessDates.BusinessDate on = dates.check(date, "date");
        if (!application.status().equals("SUBMITTED")) {
            return rows(application);
        }
        on.notBefore(application.submittedOn(), "申请日期");
        List<Eligibility.Finding> recorded = new ArrayList<>();
        for (Eligibility.Finding finding : findings) {
            recorded.add(new Eligibility.Finding(finding.condition(), finding.met(), finding.evidence(),
                    actor.userId()));
        }
        Org hospital = registry.requireOrg(application.hospitalCode(), "hospitalCode");
        Eligibility.Outcome outcome = Eligibility.xinyang(recorded, recoveries.cleared(application.hospitalCode()),
                settledYear(hospital, application.year(), prepayments.regime(hospital.regionCode(), date)));
        for (Eligibility.Finding finding : recorded) {
            jdbc.sql("""
                    insert into prepayment_finding (application_id, condition_code, met, evidence, reviewer)
                    values (:id, :c, :met, :evidence, :reviewer)""")
                    .param("id", applicationId).param("c", finding.condition().name()).param("met", finding.met())
                    .param("evidence", finding.evidence()).param("reviewer", finding.reviewerUserId()).update();
        }
        jdbc.sql("""
                update prepayment_application set status = :status, refusals = :refusals, reviewed_by = :by,
                  reviewed_on = :on where id = :id""")
                .param("status", outcome.eligible() ? "ELIGIBLE" : "REFUSED")
                .param("refusals", String.join("\n", outcome.refusals())).param("by", actor.userId())
                .param("on", date).param("id", applicationId).update();
        if (!outcome.eligible()) {
            return List.of();
        }
        return sizeFunds(application, date, actor);
    }

    /**
     * Art. 3(一) "正常结算满一个自然年度以上" from the settlement data: the months of the year before the prepayment year
     * in which the hospital had settlements of any fund the pack prepays (places as the pack counts them).
     */
    public Eligibility.SettledYear settledYear(Org hospital, int prepaymentYear, Regime regime) {
        java.util.SortedSet<Integer> months = new java.util.TreeSet<>();
        for (String fund : regime.insuranceTypes()) {
            totals.pooledFundPayByMonth(hospital.code(), fund, java.time.Year.of(prepaymentYear - 1), regime.places())
                    .keySet().forEach(month -> months.add(month.getMonthValue()));
        }
        return new Eligibility.SettledYear(prepaymentYear - 1, months);
    }

    private List<Prepayments.Prepayment> sizeFunds(Application application, LocalDate date, Actor actor) {
        Org hospital = registry.requireOrg(application.hospitalCode(), "hospitalCode");
        Regime regime = prepayments.regime(hospital.regionCode(), date);
        String cityCode = prepayments.cityOf(hospital.regionCode()).code();
        List<Prepayments.Prepayment> rows = new ArrayList<>();
        for (String fund : regime.insuranceTypes()) {
            String gateReasons = null;
            Optional<BigDecimal> monthsMin = regime.monthsPayableMin(fund);
            if (monthsMin.isPresent()) {
                FundStatuses.Effective status = fundStatuses.effective(cityCode, fund, application.year());
                FundGate.Result gate = FundGate.evaluate(status.status(), monthsMin.get(),
                        regime.deficitBlocks().isPresent(), regime.citation("prepayment.months-payable-min." + fund));
                gateReasons = gate.open() ? null : String.join("；", gate.reasons()) + "（基金数据来源："
                        + status.source().label() + "）";
            }
            Prepayments.Prepayment row = prepayments.sizeOne(hospital, fund, application.year(), regime, date, actor,
                    application.id(), gateReasons);
            createSteps(row, hospital, application, date, actor);
            rows.add(row);
        }
        return rows;
    }

    private void createSteps(Prepayments.Prepayment row, Org hospital, Application application, LocalDate date,
                             Actor actor) {
        String cityCode = prepayments.cityOf(hospital.regionCode()).code();
        String cityAgency = registry.agencyOf(cityCode).map(Org::code).orElse(row.payerOrgCode());
        String bureau = registry.orgs(cityCode, OrgKind.BUREAU).stream().findFirst().map(Org::code)
                .orElse(cityAgency);
        String finance = registry.financeOf(cityCode).map(Org::code).orElse(cityAgency);
        insertStep(row.id(), Step.APPLIED, hospital.code(), application.dueOn(), application.submittedOn(),
                application.submittedBy());
        // The agency that will pay the hospital reviews it: the county centre, or the city centre for city-level ones.
        insertStep(row.id(), Step.COUNTY_REVIEWED, row.payerOrgCode(), null, date, actor.userId());
        if (row.status().equals("CLOSED")) {
            return;
        }
        insertStep(row.id(), Step.CITY_AGGREGATED, cityAgency, null, null, null);
        insertStep(row.id(), Step.BUREAU_REVIEWED, bureau, null, null, null);
        insertStep(row.id(), Step.FUNDED, finance, null, null, null);
        if (!row.payerOrgCode().equals(cityAgency)) {
            insertStep(row.id(), Step.COUNTY_SHARED, cityAgency, null, null, null);
        }
        insertStep(row.id(), Step.PAID, row.payerOrgCode(), null, null, null);
    }

    private void insertStep(String prepaymentId, Step step, String actorOrg, LocalDate due, LocalDate done,
                            String doneBy) {
        jdbc.sql("""
                insert into prepayment_step (prepayment_id, step, seq, actor_org_code, due_on, done_on, done_by)
                values (:id, :step, :seq, :actor, :due, :done, :by)""")
                .param("id", prepaymentId).param("step", step.name()).param("seq", step.ordinal())
                .param("actor", actorOrg).param("due", due).param("done", done).param("by", doneBy).update();
    }

    /**
     * Completes a workflow step in order. The bureau review is the checker: it approves the row (maker-checker
     * against the clerk who prepared it); funding due = review + 10 working days; payment due = funds at the paying
     * centre + 3 working days; paying disburses through the ledger.
     */
    @Transactional
    public StepState complete(String prepaymentId, Step step, LocalDate date, Actor actor, String requestId) {
        Prepayments.Prepayment row = prepayments.require(prepaymentId, actor);
        List<StepState> steps = steps(prepaymentId);
        StepState state = steps.stream().filter(s -> s.step() == step).findFirst().orElseThrow(() ->
                new Rejection("prepayment.step-unknown", "step", "该预付金没有步骤 " + step.label()));
        // The date itself is checked before the repeat answer: a bad date is refused even for a done step.
        BusinessDates.BusinessDate on = dates.check(date, "date");
        if (state.doneOn() != null) {
            return state;
        }
        if (step == Step.FUNDED || step == Step.COUNTY_SHARED) {
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
        if (step == Step.BUREAU_REVIEWED) {
            prepayments.approve(prepaymentId, date, actor);
            dueNext(prepaymentId, Step.FUNDED, calendar.dueAfterWorkingDays(date,
                    regime.workingDays("prepayment.fund-within-working-days")));
        } else if (step == Step.FUNDED || step == Step.COUNTY_SHARED) {
            // The money moves for every row ready at this step with the same receiver and fund (art. 6(三)(四)).
            sendFunds(row, step, steps, state, date, actor);
            return steps(prepaymentId).stream().filter(s -> s.step() == step).findFirst().orElseThrow();
        } else if (step == Step.PAID) {
            StepState funded = fundingStep(steps);
            if (funded != null && (funded.receivedOn() == null || funded.receivedOn().isAfter(date))) {
                throw Rejection.conflict("prepayment.funds-in-transit", "step", "预付资金尚在途，须由 "
                        + receiverOf(row, funded.step(), steps) + " 确认到账后方可拨付（xinyang-2025 art. 6(四)）");
            }
            prepayments.disburse(prepaymentId, date, true, actor, requestId);
        }
        jdbc.sql("update prepayment_step set done_on = :d, done_by = :by where prepayment_id = :id and step = :s")
                .param("d", date).param("by", actor.userId()).param("id", prepaymentId).param("s", step.name())
                .update();
        return steps(prepaymentId).stream().filter(s -> s.step() == step).findFirst().orElseThrow();
    }

    private void sendFunds(Prepayments.Prepayment row, Step step, List<StepState> steps, StepState state,
                           LocalDate date, Actor actor) {
        String receiver = receiverOf(row, step, steps);
        List<Funding.Ready> ready;
        if (step == Step.FUNDED) {
            ready = funding.readyToFund(state.actorOrgCode(), receiver, row.insuranceType(), row.year(), date);
        } else {
            StepState funded = steps.stream().filter(s -> s.step() == Step.FUNDED).findFirst().orElseThrow();
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
        for (Funding.Ready r : ready) {
            if (steps(r.prepaymentId()).stream().noneMatch(s -> s.step() == Step.PAID && s.dueOn() != null)
                    && fundingStep(steps(r.prepaymentId())).receivedOn() != null) {
                paidDue(r.prepaymentId(), date, row);
            }
        }
    }

    /** The step whose money the paying centre pays from: COUNTY_SHARED for county hospitals, else FUNDED. */
    private static StepState fundingStep(List<StepState> steps) {
        StepState last = null;
        for (StepState s : steps) {
            if (s.step() == Step.FUNDED || s.step() == Step.COUNTY_SHARED) {
                last = s;
            }
        }
        return last;
    }

    /** FUNDED is received by the city centre; COUNTY_SHARED by the paying county centre. */
    private static String receiverOf(Prepayments.Prepayment row, Step step, List<StepState> steps) {
        if (step == Step.COUNTY_SHARED) {
            return row.payerOrgCode();
        }
        return steps.stream().filter(s -> s.step() == Step.CITY_AGGREGATED).findFirst().map(StepState::actorOrgCode)
                .orElse(row.payerOrgCode());
    }

    /** Art. 6(四): the paying centre pays within 3 working days of the money arriving. */
    private void paidDue(String prepaymentId, LocalDate arrived, Prepayments.Prepayment row) {
        Regime regime = prepayments.regime(row.regionCode(), arrived);
        dueNext(prepaymentId, Step.PAID, calendar.dueAfterWorkingDays(arrived,
                regime.workingDays("prepayment.pay-within-working-days")));
    }

    /**
     * The receiving agency confirms that the money of a FUNDED or COUNTY_SHARED step arrived in its expenditure
     * account: the ledger posts its side of the transfer, every row the transfer carried is marked received, and the
     * paying centre's 3-working-day payment due date starts for the rows it will pay (art. 6(四) "资金到位后").
     * Confirming again changes nothing.
     */
    @Transactional
    public StepState confirmReceipt(String prepaymentId, Step step, LocalDate date, Actor actor) {
        Prepayments.Prepayment row = prepayments.require(prepaymentId, actor);
        if (step != Step.FUNDED && step != Step.COUNTY_SHARED) {
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

    private void dueNext(String prepaymentId, Step step, Due due) {
        jdbc.sql("update prepayment_step set due_on = :due, due_basis = :basis where prepayment_id = :id and step = :s")
                .param("due", due.date()).param("basis", due.basis()).param("id", prepaymentId)
                .param("s", step.name()).update();
    }

    /**
     * Art. 5: after the city bureau and finance consult, the amount is adjusted; the decision is recorded in the
     * derivation. Only before approval.
     */
    @Transactional
    public Prepayments.Prepayment adjust(String prepaymentId, Money amount, String decisionNo, String reason,
                                         Actor actor) {
        Prepayments.Prepayment row = prepayments.require(prepaymentId, actor);
        Prepayments.requireRole(actor, Role.CLERK);
        if (!row.status().equals("PREPARED")) {
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
        store.adjust(prepaymentId, adjusted, amount.minus(row.outstandingBefore()).max(Money.ZERO));
        return store.prepayment(prepaymentId).orElseThrow();
    }

    // ---- queries

    /** An application the actor may see (its hospital in scope); not found otherwise, so ids do not leak. */
    public Application application(String id, Actor actor) {
        return application(id).filter(a -> registry.canSeeOrg(actor, a.hospitalCode())).orElseThrow(() ->
                Rejection.notFound("prepayment.application-not-found", "applicationId", "申请 " + id + " 不存在"));
    }

    public Optional<Application> application(String id) {
        return jdbc.sql("select * from prepayment_application where id = :id").param("id", id)
                .query((rs, n) -> new Application(rs.getString("id"), rs.getInt("prepayment_year"),
                        rs.getString("hospital_code"), rs.getString("pack_id"),
                        rs.getObject("submitted_on", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                        new ApplicationForm(rs.getString("basic_info"), rs.getString("agreement_performance"),
                                rs.getString("finances"), rs.getString("key_tasks"), rs.getString("supervision"),
                                rs.getString("penalties_12_months"), true, true, true, true),
                        rs.getString("status"), rs.getString("refusals"), rs.getString("submitted_by"),
                        rs.getString("reviewed_by")))
                .optional();
    }

    public List<Application> applications(int year, Actor actor) {
        return jdbc.sql("select id from prepayment_application where prepayment_year = :y order by hospital_code")
                .param("y", year).query(String.class).list().stream()
                .map(id -> application(id).orElseThrow())
                .filter(a -> registry.canSeeOrg(actor, a.hospitalCode())).toList();
    }

    public List<Eligibility.Finding> findings(String applicationId) {
        return jdbc.sql("select * from prepayment_finding where application_id = :id order by condition_code")
                .param("id", applicationId)
                .query((rs, n) -> new Eligibility.Finding(Eligibility.Condition.valueOf(rs.getString("condition_code")),
                        rs.getBoolean("met"), rs.getString("evidence"), rs.getString("reviewer")))
                .list();
    }

    public List<StepState> steps(String prepaymentId) {
        return jdbc.sql("select * from prepayment_step where prepayment_id = :id order by seq")
                .param("id", prepaymentId)
                .query((rs, n) -> new StepState(rs.getString("prepayment_id"), Step.valueOf(rs.getString("step")),
                        rs.getString("actor_org_code"), rs.getObject("due_on", LocalDate.class),
                        rs.getObject("done_on", LocalDate.class), rs.getString("done_by"),
                        rs.getString("transfer_id"), rs.getObject("received_on", LocalDate.class)))
                .list();
    }

    /** Workflow steps with a due date not yet done, for the deadline list (overdue ones flagged by the page). */
    public List<StepState> openSteps(Actor actor) {
        return jdbc.sql("""
                select s.*, p.hospital_code from prepayment_step s join prepayment p on p.id = s.prepayment_id
                where s.done_on is null and s.due_on is not null order by s.due_on, s.prepayment_id limit 500""")
                .query((rs, n) -> registry.canSeeOrg(actor, rs.getString("hospital_code"))
                        ? new StepState(rs.getString("prepayment_id"), Step.valueOf(rs.getString("step")),
                        rs.getString("actor_org_code"), rs.getObject("due_on", LocalDate.class), null, null,
                        rs.getString("transfer_id"), rs.getObject("received_on", LocalDate.class))
                        : null)
                .list().stream().filter(java.util.Objects::nonNull).toList();
    }

    private List<Prepayments.Prepayment> rows(Application application) {
        return store.prepayments(new Prepayments.Filter(application.year(), application.hospitalCode(), null, null,
                null));
    }
}

package org.medfund.settlement.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfund.calendar.BusinessCalendar;
import org.medfund.claims.SettlementRecords;
import org.medfund.claims.SettlingAgency;
import org.medfund.common.Fingerprint;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.common.RequestLog;
import org.medfund.ledger.BusinessDates;
import org.medfund.policy.PolicyPacks;
import org.medfund.policy.Resolved;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.medfund.settlement.internal.ReconciliationRules.Figures;
import org.medfund.settlement.internal.ReconciliationRules.GroupKey;
import org.medfund.settlement.ReconciliationApplication;
import org.medfund.settlement.ReconciliationStatus;
import org.medfund.settlement.ReconciliationView;
import org.medfund.settlement.StaffDirectory;
import org.medfund.settlement.Reconciliations;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly reconciliation (henan-2023 三(一), hainan-2020 art. 16): a hospital applies with its 3201 totals (and 3202
 * records); the agency's figures come from stored settlements; the hospital's named clerk checks, a different
 * reviewer confirms. Applying closes the month to new records (later ones go into the next month).
 */
@Service
class JdbcReconciliations implements Reconciliations {


    static final String RULE_APPLY_BY = "reconciliation.apply-by";
    static final String RULE_LATE_ROLLS = "reconciliation.late-rolls-to-next-month";
    /** Usernames are at most 60 characters (app_user.username). */
    static final int CLERK_LENGTH_MAX = 60;

    private final Registry registry;
    private final PolicyPacks policy;
    private final BusinessCalendar calendar;
    private final SettlementRecords records;
    private final ReconciliationStore store;
    private final RequestLog requestLog;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final BusinessDates dates;
    private final StaffDirectory staff;

    JdbcReconciliations(Registry registry, PolicyPacks policy, BusinessCalendar calendar, SettlementRecords records,
                    ReconciliationStore store, RequestLog requestLog, JdbcClient jdbc, Clock clock,
                    BusinessDates dates, StaffDirectory staff) {
        this.dates = dates;
        this.staff = staff;
        this.registry = registry;
        this.policy = policy;
        this.calendar = calendar;
        this.records = records;
        this.store = store;
        this.requestLog = requestLog;
        this.jdbc = jdbc;
        this.clock = clock;
    }


    /**
     * Names the clerk responsible for a hospital's reconciliation (henan-2023 三(一) 专人对账): an enabled user of the
     * hospital's settling agency holding the clerk role, since only that clerk may check the hospital's months.
     */
    @Transactional
    public void assignClerk(Actor actor, String hospitalCode, String clerkUser) {
        Org hospital = hospital(hospitalCode);
        Org agency = agencyOf(hospital);
        requireAgencyRole(actor, agency, Role.CLERK, Role.ADMIN);
        if (clerkUser == null || clerkUser.isBlank() || clerkUser.length() > CLERK_LENGTH_MAX) {
            throw new Rejection("settlement.bad-clerk", "clerk", "须指定对账专人（1–" + CLERK_LENGTH_MAX + " 字符的用户名）");
        }
        if (!staff.isActive(clerkUser, agency.code(), Role.CLERK)) {
            throw new Rejection("settlement.bad-clerk", "clerk", "对账专人须为 " + agency.name()
                    + " 在用的经办人员账号（角色：经办）");
        }
        jdbc.sql("delete from stl_clerk where fixmedins_code = :h").param("h", hospitalCode).update();
        jdbc.sql("""
                insert into stl_clerk (fixmedins_code, agency_code, clerk_user, assigned_by, assigned_at)
                values (:h, :a, :c, :by, :at)""")
                .param("h", hospitalCode).param("a", agency.code()).param("c", clerkUser)
                .param("by", actor.userId()).param("at", Timestamp.from(Instant.now(clock))).update();
    }

    public Optional<String> clerkOf(String hospitalCode) {
        return jdbc.sql("select clerk_user from stl_clerk where fixmedins_code = :h").param("h", hospitalCode)
                .query(String.class).optional();
    }

    /** Due date of the application for month M from the policy pack in force for the hospital's region. */
    public Deadline deadline(String hospitalCode, YearMonth period) {
        return deadline(hospitalCode, period, calendar);
    }

    /** The same on a given calendar (before and after a holiday notice is loaded). */
    Deadline deadline(String hospitalCode, YearMonth period, BusinessCalendar on) {
        Org hospital = hospital(hospitalCode);
        Optional<Resolved> rule = policy.find(hospital.regionCode(), period.plusMonths(1).atDay(1), RULE_APPLY_BY);
        if (rule.isEmpty()) {
            return new Deadline(null, null, null);
        }
        return new Deadline(on.deadline(rule.get().parameter().deadline(), period),
                rule.get().parameter().value(), rule.get().citation());
    }

    /** A hospital applies to reconcile a month; idempotent on the request id. */
    @Transactional
    public ReconciliationView apply(Actor actor, ReconciliationApplication app, LocalDate appliedOn,
                                    String requestId) {
        required(app, "application");
        required(appliedOn, "appliedOn");
        Org hospital = hospital(app.hospitalCode());
        if (!actor.orgCode().equals(hospital.code()) && !actor.userId().equals("system")) {
            throw Rejection.forbidden("settlement.out-of-scope", "fixmedins_code", "只能为本机构申请对账");
        }
        required(app.period(), "application.period");
        required(app.totals(), "application.totals");
        dates.check(appliedOn, "appliedOn");
        String fingerprint = Fingerprint.of(app.toString(), appliedOn.toString());
        String id = requestLog.once("stl-cmd.apply@" + hospital.code(), requestId, fingerprint,
                () -> Long.toString(doApply(actor, hospital, app, appliedOn, requestId)));
        return view(actor, Long.parseLong(id));
    }

    private long doApply(Actor actor, Org hospital, ReconciliationApplication app, LocalDate appliedOn,
                         String requestId) {
        YearMonth period = app.period();
        if (!period.isBefore(YearMonth.from(appliedOn))) {
            throw new Rejection("settlement.month-not-over", "period", period + " 尚未结束，不能申请对账");
        }
        if (store.find(hospital.code(), period).isPresent()) {
            throw Rejection.conflict("settlement.already-applied", "period", hospital.code() + " " + period
                    + " 已申请对账");
        }
        validate(app, hospital);
        String clerk = clerkOf(hospital.code()).orElseThrow(() -> new Rejection("settlement.no-clerk",
                "fixmedins_code", "经办机构尚未为 " + hospital.code() + " 指定对账专人（henan-2023 三(一)）"));
        Deadline deadline = deadline(hospital.code(), period);
        // A late application joins a later cycle only where the pack says so (henan-2023 三(一), hainan-2020 art. 16
        // "顺延至下(个)月结算"); elsewhere it is flagged late and settled with its own month.
        boolean rolls = policy.find(hospital.regionCode(), period.plusMonths(1).atDay(1), RULE_LATE_ROLLS)
                .map(r -> r.parameter().flag()).orElse(false);
        YearMonth cycle = !rolls ? period : ReconciliationRules.cycle(period, appliedOn,
                c -> deadline.rule() == null ? null : deadline(hospital.code(), c).dueDate());
        // Close the month first, so that records arriving from now on go into the next month.
        records.closeMonth(hospital.code(), period, Instant.now(clock));
        Map<GroupKey, Figures> agencyTotals = new HashMap<>();
        Map<GroupKey, Money> agencyPooled = new HashMap<>();
        for (SettlementRecords.GroupTotal g : records.totals(hospital.code(), period)) {
            GroupKey key = new GroupKey(g.insuranceType(), g.clearingType());
            agencyTotals.put(key, new Figures(g.count(), g.medfeeSum(), g.fundPaySum(), g.accountPay()));
            agencyPooled.put(key, g.pooledFundPay());
        }
        Map<GroupKey, Figures> hospitalTotals = new HashMap<>();
        for (ReconciliationApplication.Total t : app.totals()) {
            hospitalTotals.put(new GroupKey(t.insutype(), t.clrType()),
                    new Figures(t.count(), t.medfeeSumamt(), t.fundPaySumamt(), t.acctPay()));
        }
        List<ReconciliationRules.GroupResult> groups = ReconciliationRules.compareTotals(hospitalTotals,
                agencyTotals);
        List<ReconciliationRules.RecordResult> diffs = app.details().isEmpty() ? List.of()
                : ReconciliationRules.compareRecords(details(app), agencyRecords(hospital.code(), period));
        boolean balanced = groups.stream().allMatch(g -> g.result().equals(ReconciliationRules.MATCHED))
                && diffs.isEmpty();
        long id = store.insert(hospital.code(), agencyOf(hospital).code(), period, cycle, appliedOn, deadline,
                deadline.dueDate() != null && appliedOn.isAfter(deadline.dueDate()),
                balanced ? ReconciliationRules.MATCHED : ReconciliationRules.GROUP_DIFFERS,
                actor.userId(), clerk, requestId);
        store.insertGroups(id, groups, agencyPooled);
        store.insertDiffs(id, diffs);
        return id;
    }

    private void validate(ReconciliationApplication app, Org hospital) {
        if (app.totals().size() > ReconciliationApplication.TOTAL_LINES_MAX
                || app.details().size() > ReconciliationApplication.DETAIL_LINES_MAX) {
            throw new Rejection("settlement.too-many-lines", "totals", "对账行数超过上限");
        }
        String settling = SettlingAgency.regionCode(registry, hospital);
        java.util.Set<GroupKey> keys = new java.util.HashSet<>();
        for (int i = 0; i < app.totals().size(); i++) {
            ReconciliationApplication.Total t = required(app.totals().get(i), "application.totals[" + i + "]");
            String at = "application.totals[" + i + "].";
            code(t.insutype(), at + "insutype");
            code(t.clrType(), at + "clrType");
            if (!"0".equals(t.refdSetlFlag()) && !"1".equals(t.refdSetlFlag())) {
                throw new Rejection("settlement.bad-flag", at + "refdSetlFlag", "refd_setl_flag 须为 0 或 1");
            }
            if (!app.period().atDay(1).equals(t.stmtBegndate()) || !app.period().atEndOfMonth().equals(t.stmtEnddate())) {
                throw new Rejection("settlement.bad-dates", "stmt_begndate", "对账起止日期须为 " + app.period()
                        + " 的首日与末日");
            }
            if (!settling.equals(t.setlOptins())) {
                throw new Rejection("settlement.bad-optins", "setl_optins", "结算经办机构应为 " + settling);
            }
            if (t.count() < 0 || t.medfeeSumamt() == null || t.fundPaySumamt() == null || t.acctPay() == null) {
                throw new Rejection("settlement.bad-total", "fixmedins_setl_cnt", "对账总额不完整");
            }
            if (!keys.add(new GroupKey(t.insutype(), t.clrType()))) {
                throw new Rejection("settlement.duplicate-group", "clr_type", "险种 " + t.insutype() + " 清算类别 "
                        + t.clrType() + " 重复");
            }
        }
    }

    /** A national code field: 1 to 6 digits. */
    private static void code(String value, String field) {
        required(value, field);
        if (!value.matches("\\d{1,6}")) {
            throw new Rejection("settlement.bad-code", field, field + " 须为 1–6 位数字代码");
        }
    }

    private static Map<String, Figures> details(ReconciliationApplication app) {
        Map<String, Figures> map = new HashMap<>();
        for (int i = 0; i < app.details().size(); i++) {
            ReconciliationApplication.Detail d = required(app.details().get(i), "application.details[" + i + "]");
            String at = "application.details[" + i + "].";
            required(d.setlId(), at + "setlId");
            required(d.medfeeSumamt(), at + "medfeeSumamt");
            required(d.fundPaySumamt(), at + "fundPaySumamt");
            required(d.acctPay(), at + "acctPay");
            if (map.put(d.setlId(), ReconciliationRules.record(d.medfeeSumamt(), d.fundPaySumamt(), d.acctPay()))
                    != null) {
                throw new Rejection("settlement.duplicate-setl-id", "setl_id", "明细中 setl_id 重复：" + d.setlId());
            }
        }
        return map;
    }

    private Map<String, Figures> agencyRecords(String hospitalCode, YearMonth period) {
        Map<String, Figures> map = new HashMap<>();
        records.records(hospitalCode, period).forEach((id, r) -> map.put(id,
                ReconciliationRules.record(r.medfeeSum(), r.fundPaySum(), r.accountPay())));
        return map;
    }

    /** The hospital's named clerk checks the application (专人对账). */
    @Transactional
    public ReconciliationView check(Actor actor, long id, LocalDate on) {
        required(on, "date");
        ReconciliationView r = view(actor, id);
        requireAgencyRole(actor, registry.requireOrg(r.agencyCode(), "agency"), Role.CLERK);
        dates.check(on, "date").notBefore(r.appliedOn(), "对账申请日期");
        if (!actor.userId().equals(r.clerkUser())) {
            throw Rejection.forbidden("settlement.not-the-clerk", "user", "对账由专人 " + r.clerkUser() + " 负责核对");
        }
        if (r.status() != ReconciliationStatus.APPLIED) {
            throw Rejection.conflict("settlement.bad-status", "status", "状态为" + r.status().label() + "，不能核对");
        }
        store.setStatus(id, ReconciliationStatus.APPLIED, ReconciliationStatus.CHECKED, "checked_by", actor.userId(), "checked_on", on);
        return view(actor, id);
    }

    /** A reviewer other than the clerk who checked confirms the reconciliation. */
    @Transactional
    public ReconciliationView confirm(Actor actor, long id, LocalDate on) {
        required(on, "date");
        ReconciliationView r = view(actor, id);
        requireAgencyRole(actor, registry.requireOrg(r.agencyCode(), "agency"), Role.REVIEWER);
        dates.check(on, "date").notBefore(store.checkedOn(id), "核对日期");
        if (r.status() != ReconciliationStatus.CHECKED) {
            throw Rejection.conflict("settlement.bad-status", "status", "状态为" + r.status().label()
                    + "，须先经专人核对");
        }
        if (actor.userId().equals(r.checkedBy())) {
            throw Rejection.forbidden("settlement.same-user", "user", "复核人不能是核对人 " + r.checkedBy());
        }
        store.setStatus(id, ReconciliationStatus.CHECKED, ReconciliationStatus.CONFIRMED, "confirmed_by", actor.userId(), "confirmed_on", on);
        return view(actor, id);
    }

    public ReconciliationView view(Actor actor, long id) {
        ReconciliationView r = store.view(id).orElseThrow(() -> Rejection.notFound("settlement.not-found", "id",
                "对账申请不存在：" + id));
        if (!registry.canSeeOrg(actor, r.hospitalCode()) && !registry.canSeeOrg(actor, r.agencyCode())) {
            throw Rejection.forbidden("settlement.out-of-scope", "id", "无权查看该对账申请");
        }
        return named(r);
    }

    public List<ReconciliationView.Difference> differences(Actor actor, long id) {
        view(actor, id);
        return store.differences(id);
    }

    /** Reconciliations the actor may see, newest period first (hospital: its own; agency: those it settles). */
    @Override
    public List<ReconciliationView> inScope(Actor actor, YearMonth period) {
        Org org = registry.requireOrg(actor.orgCode(), "org");
        if (org.isHospital()) {
            return list(actor, period);
        }
        return store.listOfAgencies(agenciesInScope(actor), period).stream()
                .filter(r -> registry.canSeeOrg(actor, r.hospitalCode()))
                .toList();
    }

    @Override
    public List<String> agenciesInScope(Actor actor) {
        Org org = registry.requireOrg(actor.orgCode(), "org");
        if (org.isHospital()) {
            return List.of();
        }
        List<String> regions = new ArrayList<>();
        regions.add(org.regionCode());
        registry.descendants(org.regionCode()).forEach(r -> regions.add(r.code()));
        return regions.stream().filter(region -> registry.canSeeRegion(actor, region))
                .flatMap(region -> registry.agencyOf(region).stream()).map(Org::code).distinct().toList();
    }

    public List<ReconciliationView> list(Actor actor, YearMonth period) {
        return store.list(actor.orgCode(), period).stream()
                .filter(r -> registry.canSeeOrg(actor, r.hospitalCode()) || actor.orgCode().equals(r.agencyCode()))
                .map(this::named).toList();
    }

    /** Names the hospital of a stored view (the API and exports print it next to the code). */
    private ReconciliationView named(ReconciliationView r) {
        return r.withHospitalName(registry.org(r.hospitalCode()).map(Org::name).orElse(r.hospitalCode()));
    }

    /**
     * Every hospital the agency settles, with its application for the month: due date, status, overdue flag
     * (not applied by the due date, or applied late) as of {@code today}.
     */
    public List<ReconciliationView.Obligation> obligations(Actor actor, YearMonth period, LocalDate today) {
        required(period, "period");
        required(today, "today");
        Org agency = registry.requireOrg(actor.orgCode(), "org");
        List<ReconciliationView.Obligation> list = new ArrayList<>();
        for (Org hospital : hospitalsSettledBy(agency)) {
            Deadline d = deadline(hospital.code(), period);
            Optional<ReconciliationView> r = store.find(hospital.code(), period).flatMap(store::view);
            boolean overdue = r.map(ReconciliationView::late)
                    .orElse(d.dueDate() != null && today.isAfter(d.dueDate()));
            list.add(new ReconciliationView.Obligation(hospital.code(), hospital.name(), period, d.dueDate(),
                    d.dueDate() != null && calendar.provisional(d.dueDate()), d.rule(),
                    r.map(ReconciliationView::status).orElse(ReconciliationStatus.NOT_APPLIED), overdue,
                    r.map(ReconciliationView::id).orElse(null), clerkOf(hospital.code()).orElse(null)));
        }
        return list;
    }

    /** Hospitals whose settling agency is this one (handan-2020 art. 11: city-managed ones by the city). */
    public List<Org> hospitalsSettledBy(Org agency) {
        List<String> regions = new ArrayList<>();
        regions.add(agency.regionCode());
        registry.descendants(agency.regionCode()).forEach(r -> regions.add(r.code()));
        List<Org> hospitals = new ArrayList<>();
        for (String region : regions) {
            for (Org h : registry.hospitals(region)) {
                if (h.designated() && agencyOf(h).code().equals(agency.code())) {
                    hospitals.add(h);
                }
            }
        }
        return hospitals;
    }

    Org hospital(String code) {
        Org org = registry.requireOrg(code, "fixmedins_code");
        if (!org.isHospital()) {
            throw new Rejection("settlement.not-a-hospital", "fixmedins_code", code + " 不是定点医药机构");
        }
        return org;
    }

    Org agencyOf(Org hospital) {
        String region = SettlingAgency.regionCode(registry, hospital);
        return registry.agencyOf(region).orElseThrow(() -> new IllegalStateException("no agency for " + region));
    }

    /** A command's business date or body is input: missing, it is refused naming the field, never a null write. */
    static <T> T required(T value, String field) {
        if (value == null) {
            throw new Rejection("settlement.field-missing", field, "缺少必填项：" + field);
        }
        return value;
    }

    static void requireAgencyRole(Actor actor, Org agency, Role... roles) {
        boolean role = java.util.Arrays.stream(roles).anyMatch(actor::has);
        if (!actor.orgCode().equals(agency.code()) || !role) {
            throw Rejection.forbidden("settlement.forbidden", "user", "须为 " + agency.name() + " 的"
                    + java.util.Arrays.toString(roles) + "用户");
        }
    }

    @Override
    public List<ReconciliationView> ofBatch(Actor actor, long batchId, String hospitalCode) {
        return store.ofBatch(batchId, hospitalCode).stream()
                .filter(r -> registry.canSeeOrg(actor, r.hospitalCode()) || registry.canSeeOrg(actor, r.agencyCode()))
                .toList();
    }

    @Override
    public Optional<Long> batchOf(Actor actor, long id) {
        view(actor, id);
        return store.batchOf(id);
    }
}

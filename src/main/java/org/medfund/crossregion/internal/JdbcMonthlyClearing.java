package org.medfund.crossregion.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfund.calendar.BusinessCalendar;
import org.medfund.calendar.Due;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.AdvanceRecoveryKind;
import org.medfund.crossregion.ClearingPlanState;
import org.medfund.crossregion.ClearingStepKind;
import org.medfund.crossregion.CrossRegionFunding;
import org.medfund.crossregion.HospitalPayState;
import org.medfund.crossregion.MonthlyClearing;
import org.medfund.crossregion.ReservePot;
import org.medfund.ledger.BusinessDates;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.policy.PolicyPacks;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Region;
import org.medfund.registry.RegionLevel;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The monthly clearing engine of the henan-2023 regime (三(二)(三), 四(二)(三)). The plan is computed set-based: one
 * GROUP BY per table over the month's rows, so a month of millions of settlements costs a few statements; the
 * postings then run per region, insurance type and hospital, never per settlement. The insured region's charge of
 * resident care is the use of its in-province reserve pot (recorded through {@link CrossRegionFunding}, which posts
 * {@code crossregion.reserve.used}); employee care is charged to its remitted money by
 * {@code crossregion.clearing.insured-charged}. Money then flows province finance → centre → treatment region →
 * hospitals by the {@code crossregion.clearing.*} rules of posting-rules.txt.
 */
@Service
class JdbcMonthlyClearing implements MonthlyClearing {

    static final String NEGATIVE_PLAN_ADVANCED = "crossregion.negative-plan-advanced";
    static final String ARTICLE_PLAN = "henan-2023 三(二)";
    static final String ARTICLE_PAY = "henan-2023 三(三)";

    private final JdbcClient jdbc;
    private final Registry registry;
    private final PolicyPacks packs;
    private final BusinessCalendar calendar;
    private final BusinessDates dates;
    private final Ledger ledger;
    private final CrossRegionFunding funding;
    private final ClearingRows rows;

    JdbcMonthlyClearing(JdbcClient jdbc, Registry registry, PolicyPacks packs, BusinessCalendar calendar,
                        BusinessDates dates, Ledger ledger, CrossRegionFunding funding, ClearingRows rows) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.packs = packs;
        this.calendar = calendar;
        this.dates = dates;
        this.ledger = ledger;
        this.funding = funding;
        this.rows = rows;
    }

    /** The pooling regions with rows of the month on either side (treatment or insured). */
    static List<String> regionsWithRows(JdbcClient jdbc, String provinceCode, YearMonth period) {
        return jdbc.sql("""
                select treatment_region from cr_mc_row where province_code = :p and period = :m
                union select insured_region from cr_mc_row where province_code = :p and period = :m""")
                .param("p", provinceCode).param("m", period.toString()).query(String.class).list()
                .stream().sorted().toList();
    }

    // --- data and its confirmation (三(二): by the 18th) ---

    @Override
    @Transactional
    public ImportResult importRows(YearMonth period, String csv, Actor actor) {
        Region province = requireProvince(actor, OrgKind.SETTLEMENT_CENTRE, Role.CLERK, "crossregion.centre-only",
                "异地就医清算数据由省医保中心从异地就医管理子系统导入");
        requirePeriod(period);
        FundingRegime.resolve(packs, province.code(), period.atDay(1));
        return rows.importRows(province, period, csv);
    }

    @Override
    @Transactional
    public DataConfirmation confirmData(YearMonth period, LocalDate date, Actor actor) {
        Region region = requireCity(actor, OrgKind.AGENCY, Role.CLERK, "crossregion.region-agency-only",
                "异地就医清算数据由各统筹区经办机构确认");
        requirePeriod(period);
        LocalDate on = dates.check(date, "date").notBefore(period.atDay(1), "清算期间首日").value();
        Optional<DataConfirmation> done = confirmations(List.of(region.code()), period).stream().findFirst();
        if (done.isPresent()) {
            return done.get();
        }
        FundingRegime regime = FundingRegime.resolve(packs, region.parentCode(), period.atDay(1));
        Due due = calendar.due(regime.deadline(ClearingStepKind.CONFIRM_DATA.rule()).orElseThrow(), period);
        Map<String, Object> sums = jdbc.sql("""
                select count(*) as n,
                    coalesce(sum(case when treatment_region = :r then fund_fen else 0 end), 0) as here,
                    coalesce(sum(case when insured_region = :r then fund_fen else 0 end), 0) as elsewhere
                from cr_mc_row where province_code = :p and period = :m
                    and (treatment_region = :r or insured_region = :r)""")
                .param("r", region.code()).param("p", region.parentCode()).param("m", period.toString())
                .query().singleRow();
        jdbc.sql("""
                insert into cr_mc_confirmation (region_code, period, due_date, confirmed_by, confirmed_on, rows_count,
                    treated_here_fen, insured_elsewhere_fen) values (:r, :m, :due, :by, :on, :n, :here, :elsewhere)""")
                .param("r", region.code()).param("m", period.toString()).param("due", due.date())
                .param("by", actor.userId()).param("on", on).param("n", number(sums.get("n")))
                .param("here", number(sums.get("here"))).param("elsewhere", number(sums.get("elsewhere"))).update();
        return confirmations(List.of(region.code()), period).get(0);
    }

    @Override
    public List<DataConfirmation> dataConfirmations(YearMonth period, Actor actor) {
        requirePeriod(period);
        Region province = provinceOf(actor);
        List<String> visible = poolingRegions(province).stream().map(Region::code)
                .filter(r -> registry.canSeeRegion(actor, r)).toList();
        return confirmations(visible, period);
    }

    // --- the plan (三(二)) ---

    @Override
    @Transactional
    public Plan generatePlan(YearMonth period, LocalDate date, Actor actor) {
        Region province = requireProvince(actor, OrgKind.SETTLEMENT_CENTRE, Role.CLERK, "crossregion.centre-only",
                "拨付计划及收付款通知书由省医保中心生成");
        requirePeriod(period);
        LocalDate on = dates.check(date, "date").notBefore(period.atDay(1), "清算期间首日").value();
        Optional<Plan> existing = plan(province.code(), period, null);
        if (existing.isPresent()) {
            return existing.get();
        }
        FundingRegime regime = FundingRegime.resolve(packs, province.code(), period.atDay(1));
        List<String> regions = regionsWithRows(jdbc, province.code(), period);
        if (regions.isEmpty()) {
            throw Rejection.conflict("crossregion.clearing-no-rows", "period", period + " 没有异地就医清算数据");
        }
        List<String> confirmed = confirmations(regions, period).stream().map(DataConfirmation::regionCode).toList();
        List<String> missing = regions.stream().filter(r -> !confirmed.contains(r)).map(this::name).toList();
        if (!missing.isEmpty()) {
            throw Rejection.conflict("crossregion.clearing-unconfirmed", "period", "以下统筹区尚未确认 " + period
                    + " 的异地就医清算数据：" + String.join("、", missing));
        }
        PlanTables.compute(jdbc, province.code(), period);
        List<String> negative = jdbc.sql("""
                select region_code from cr_mc_region where province_code = :p and period = :m
                    and (receive_fen < 0 or owe_fen < 0) order by region_code""")
                .param("p", province.code()).param("m", period.toString()).query(String.class).list();
        if (!negative.isEmpty()) {
            throw Rejection.conflict("crossregion.clearing-region-negative", "period", "统筹区应收或应付合计为负值，"
                    + "需与异地就医管理子系统核对后重新导入：" + String.join("、", negative.stream().map(this::name)
                    .toList()));
        }
        jdbc.sql("""
                insert into cr_mc_plan (province_code, period, pack_id, pack_version, state, generated_by,
                    generated_on) values (:p, :m, :pack, :v, :s, :by, :on)""")
                .param("p", province.code()).param("m", period.toString()).param("pack", regime.packId())
                .param("v", regime.packVersion()).param("s", ClearingPlanState.GENERATED.name())
                .param("by", actor.userId()).param("on", on).update();
        Org provinceFinance = finance(province.code());
        for (RegionLine line : regionLines(province.code(), period)) {
            if (!line.owe().isPositive()) {
                continue;
            }
            String content = "异地就医月度清算：本地参保人员在省内异地就医结算费用";
            if (JdbcCrossRegionFunding.RESIDENT.equals(line.insuranceType())) {
                funding.recordReserveUse(new CrossRegionFunding.ReserveUse(line.regionCode(), ReservePot.IN_PROVINCE,
                        period, line.owe(), period + " 省内异地就医月度清算拨付计划"), on, actor);
            } else {
                post(planRef(province, period), "crossregion.clearing.insured-charged", "cr-mc-charge-" + period + "-"
                        + line.regionCode() + "-" + line.insuranceType(), on, line.owe(),
                        Map.of("region-finance", finance(line.regionCode()).code(), "province-finance",
                                provinceFinance.code()), line.insuranceType(), ARTICLE_PLAN, content);
            }
        }
        return plan(province.code(), period, null).orElseThrow();
    }

    @Override
    public Optional<Plan> plan(YearMonth period, Actor actor) {
        requirePeriod(period);
        return plan(provinceOf(actor).code(), period, actor);
    }

    // --- the money (三(三)) ---

    @Override
    @Transactional
    public Plan submitUsagePlan(YearMonth period, LocalDate date, Actor actor) {
        Region province = requireProvince(actor, OrgKind.SETTLEMENT_CENTRE, Role.CLERK, "crossregion.centre-only",
                "异地就医资金用款计划由省医保中心提交省财政厅");
        Plan plan = requirePlan(province, period);
        if (plan.state() != ClearingPlanState.GENERATED) {
            return plan;
        }
        LocalDate on = dates.check(date, "date").notBefore(plan.dates().generatedOn(), "拨付计划生成日期").value();
        setPlan(province, period, ClearingPlanState.SUBMITTED, "submitted_on", on);
        return requirePlan(province, period);
    }

    @Override
    @Transactional
    public Plan fundCentre(YearMonth period, LocalDate date, Actor actor) {
        Region province = requireProvince(actor, OrgKind.FINANCE, Role.FINANCE, "crossregion.finance-only",
                "省财政厅按用款计划拨付至省医保中心支出户");
        Plan plan = requirePlan(province, period);
        if (plan.state() != ClearingPlanState.SUBMITTED) {
            return inState(plan, ClearingPlanState.SUBMITTED, "用款计划尚未提交省财政厅");
        }
        LocalDate on = dates.check(date, "date").inBook(actor.orgCode())
                .notBefore(plan.dates().submittedOn(), "用款计划提交日期").value();
        sendLegs(MoneyLeg.FUNDING, province, plan, on, actor);
        setPlan(province, period, ClearingPlanState.FUNDED, "funded_on", on);
        return requirePlan(province, period);
    }

    @Override
    @Transactional
    public Plan confirmFunding(YearMonth period, LocalDate date, Actor actor) {
        Region province = requireProvince(actor, OrgKind.SETTLEMENT_CENTRE, Role.CLERK, "crossregion.centre-only",
                "省财政厅拨付资金到账由省医保中心确认");
        Plan plan = requirePlan(province, period);
        receiveLegs(MoneyLeg.FUNDING, province, period, plan.regions(), date, actor);
        return requirePlan(province, period);
    }

    @Override
    @Transactional
    public Plan disburse(YearMonth period, LocalDate date, Actor actor) {
        Region province = requireProvince(actor, OrgKind.SETTLEMENT_CENTRE, Role.CLERK, "crossregion.centre-only",
                "省医保中心拨付至各统筹区经办机构支出户");
        Plan plan = requirePlan(province, period);
        if (plan.state() == ClearingPlanState.DISBURSED) {
            return plan;
        }
        inState(plan, ClearingPlanState.FUNDED, "省财政厅尚未拨付至省医保中心支出户");
        if (plan.regions().stream().anyMatch(l -> l.funding() != null && l.funding().receivedOn() == null)) {
            throw Rejection.conflict("crossregion.clearing-not-funded", "period", "省财政厅拨付资金尚未到账确认");
        }
        LocalDate on = dates.check(date, "date").inBook(actor.orgCode())
                .notBefore(plan.dates().fundedOn(), "省财政厅拨付日期").value();
        sendLegs(MoneyLeg.DISBURSEMENT, province, plan, on, actor);
        setPlan(province, period, ClearingPlanState.DISBURSED, "disbursed_on", on);
        return requirePlan(province, period);
    }

    @Override
    @Transactional
    public Plan confirmDisbursement(YearMonth period, LocalDate date, Actor actor) {
        Region region = requireCity(actor, OrgKind.AGENCY, Role.CLERK, "crossregion.region-agency-only",
                "省医保中心拨付资金到账由统筹区经办机构确认");
        Region province = registry.requireRegion(region.parentCode(), "orgCode");
        Plan plan = requirePlan(province, period);
        receiveLegs(MoneyLeg.DISBURSEMENT, province, period, plan.regions().stream()
                .filter(l -> l.regionCode().equals(region.code())).toList(), date, actor);
        return plan(province.code(), period, actor).orElseThrow();
    }

    /**
     * The two transfers of a region line through the centre (三(三)): the 23rd's, province finance → centre, of what
     * the insured region owes, and the 26th's, centre → treatment region, of what it receives. Both move the same way
     * (sent by one side, in transit until the other confirms); only these differ.
     */
    private enum MoneyLeg {
        FUNDING("crossregion.clearing.finance-to-centre", "cr-mc-fund-", "funding_transfer", "funded_on",
                "funding_received_on", "省财政厅拨付日期"),
        DISBURSEMENT("crossregion.clearing.centre-to-region", "cr-mc-pay-", "disbursement_transfer", "disbursed_on",
                "disbursement_received_on", "省医保中心拨付日期");

        final String rule;
        final String transferPrefix;
        final String transferColumn;
        final String sentColumn;
        final String receivedColumn;
        final String sentLabel;

        MoneyLeg(String rule, String transferPrefix, String transferColumn, String sentColumn, String receivedColumn,
                 String sentLabel) {
            this.rule = rule;
            this.transferPrefix = transferPrefix;
            this.transferColumn = transferColumn;
            this.sentColumn = sentColumn;
            this.receivedColumn = receivedColumn;
            this.sentLabel = sentLabel;
        }

        Money amount(RegionLine line) {
            return this == FUNDING ? line.owe() : line.receive();
        }

        Leg of(RegionLine line) {
            return this == FUNDING ? line.funding() : line.disbursement();
        }

        Leg read(ResultSet rs) throws SQLException {
            return leg(rs.getString(transferColumn), rs.getObject(sentColumn, LocalDate.class),
                    rs.getObject(receivedColumn, LocalDate.class));
        }
    }

    /** Sends the leg of every line with money to move, on one day, each transfer with its remark (四(二)). */
    private void sendLegs(MoneyLeg step, Region province, Plan plan, LocalDate on, Actor actor) {
        Org centre = centre(province.code());
        PlanRef ref = planRef(province, plan.period());
        for (RegionLine line : plan.regions()) {
            Money amount = step.amount(line);
            if (!amount.isPositive()) {
                continue;
            }
            String transferId = step.transferPrefix + plan.period() + "-" + line.regionCode() + "-"
                    + line.insuranceType();
            Map<String, String> parties = step == MoneyLeg.FUNDING
                    ? Map.of("province-finance", actor.orgCode(), "region-finance", finance(line.regionCode()).code(),
                            "centre", centre.code())
                    : Map.of("centre", actor.orgCode(), "region-agency", agency(line.regionCode()).code());
            String content = step == MoneyLeg.FUNDING
                    ? "异地就医资金拨付至省医保中心支出户（" + line.regionName() + "参保人员省内异地就医费用）"
                    : "异地就医资金拨付至" + line.regionName() + "经办机构支出户（本地定点医药机构省内异地就医结算费用）";
            post(ref, step.rule, transferId, on, amount, parties, line.insuranceType(), ARTICLE_PAY, content);
            updateLine(province, plan.period(), line, step.transferColumn + " = :t, " + step.sentColumn + " = :on",
                    transferId, on);
        }
    }

    /** Confirms the arrival of the given lines' sent legs not yet received (idempotent: received ones are skipped). */
    private void receiveLegs(MoneyLeg step, Region province, YearMonth period, List<RegionLine> lines, LocalDate date,
                             Actor actor) {
        for (RegionLine line : lines) {
            Leg leg = step.of(line);
            if (leg == null || leg.receivedOn() != null) {
                continue;
            }
            LocalDate on = dates.check(date, "date").inBook(actor.orgCode())
                    .notBefore(leg.sentOn(), step.sentLabel).value();
            ledger.confirmReceipt(leg.transferId(), on, leg.transferId() + "-receipt");
            updateLine(province, period, line, step.receivedColumn + " = :on", null, on);
        }
    }

    @Override
    @Transactional
    public Plan payHospitals(YearMonth period, LocalDate date, Actor actor) {
        Region region = requireCity(actor, OrgKind.AGENCY, Role.CLERK, "crossregion.region-agency-only",
                "异地就医资金由统筹区经办机构拨付至定点医药机构");
        Region province = registry.requireRegion(region.parentCode(), "orgCode");
        Plan plan = requirePlan(province, period);
        List<RegionLine> own = plan.regions().stream().filter(l -> l.regionCode().equals(region.code())).toList();
        if (own.stream().anyMatch(l -> l.receive().isPositive() && (l.disbursement() == null
                || l.disbursement().receivedOn() == null))) {
            throw Rejection.conflict("crossregion.clearing-not-received", "period", "省医保中心拨付资金尚未到账确认，"
                    + "不能拨付定点医药机构");
        }
        if (own.stream().allMatch(l -> l.hospitalsPaidOn() != null)) {
            return plan(province.code(), period, actor).orElseThrow();
        }
        LocalDate on = dates.check(date, "date").inBook(actor.orgCode())
                .notBefore(plan.dates().generatedOn(), "拨付计划生成日期").value();
        boolean advance = regime(province, period).pack().parameters().get(NEGATIVE_PLAN_ADVANCED).flag();
        PlanRef ref = planRef(province, period);
        for (HospitalLine h : plan.hospitals()) {
            if (!h.regionCode().equals(region.code()) || h.state() != HospitalPayState.PLANNED) {
                continue;
            }
            Map<String, String> parties = Map.of("region-agency", actor.orgCode(), "hospital", h.hospitalCode());
            String id = period + "-" + h.hospitalCode() + "-" + h.insuranceType();
            HospitalPayState state = HospitalPayState.PAID;
            if (h.amount().isPositive()) {
                // The plan read here carries the offsets AdvanceOffsets planned from the open advances: post them.
                for (AdvanceRecovery offset : h.offsets()) {
                    offsetAdvance(ref, h, offset, on, actor);
                }
                if (h.net().isPositive()) {
                    post(ref, "crossregion.clearing.to-hospital", "cr-mc-hospital-" + id, on, h.net(), parties,
                            h.insuranceType(), ARTICLE_PAY, "省内异地就医结算费用拨付" + h.hospitalName()
                            + (h.offsets().isEmpty() ? "" : "（拨付计划 " + h.amount().toYuanText() + " 元，抵扣垫付资金 "
                            + h.offset().toYuanText() + " 元，实拨 " + h.net().toYuanText() + " 元）"));
                }
            } else if (h.amount().isNegative()) {
                if (!advance) {
                    throw Rejection.conflict("crossregion.negative-plan-not-advanced", "period", h.hospitalName()
                            + " 当月拨付计划为负值，本政策未规定由统筹区基金先行垫付");
                }
                post(ref, "crossregion.clearing.advance", "cr-mc-advance-" + id, on, h.amount().negate(), parties,
                        h.insuranceType(), ARTICLE_PAY, h.hospitalName() + "当月拨付计划为负值，由本统筹区基本医保基金先行垫付，待追回");
                state = HospitalPayState.ADVANCED;
            }
            jdbc.sql("""
                    update cr_mc_hospital set state = :s, paid_on = :on where province_code = :p and period = :m
                        and region_code = :r and hospital_code = :h and insurance_type = :t""")
                    .param("s", state.name()).param("on", on).param("p", province.code())
                    .param("m", period.toString()).param("r", region.code()).param("h", h.hospitalCode())
                    .param("t", h.insuranceType()).update();
        }
        jdbc.sql("""
                update cr_mc_region set hospitals_paid_on = :on where province_code = :p and period = :m
                    and region_code = :r and hospitals_paid_on is null""")
                .param("on", on).param("p", province.code()).param("m", period.toString()).param("r", region.code())
                .update();
        return plan(province.code(), period, actor).orElseThrow();
    }

    @Override
    @Transactional
    public HospitalLine recoverAdvance(YearMonth period, String hospitalCode, String insuranceType, LocalDate date,
                                      Actor actor) {
        Region region = requireCity(actor, OrgKind.AGENCY, Role.CLERK, "crossregion.region-agency-only",
                "垫付资金由统筹区经办机构向定点医药机构追回");
        Region province = registry.requireRegion(region.parentCode(), "orgCode");
        Plan plan = requirePlan(province, period);
        HospitalLine line = plan.hospitals().stream().filter(h -> h.regionCode().equals(region.code())
                        && h.hospitalCode().equals(hospitalCode) && h.insuranceType().equals(insuranceType))
                .findFirst().orElseThrow(() -> Rejection.notFound("crossregion.advance-not-found", "hospitalCode",
                        period + " 没有 " + hospitalCode + " 的垫付记录"));
        if (line.state() == HospitalPayState.RECOVERED) {
            return line;
        }
        if (line.state() != HospitalPayState.ADVANCED) {
            throw Rejection.conflict("crossregion.advance-not-found", "hospitalCode", line.hospitalName()
                    + " 在 " + period + " 没有待追回的垫付资金");
        }
        LocalDate on = dates.check(date, "date").inBook(actor.orgCode()).notBefore(line.paidOn(), "垫付日期").value();
        // After a partial offset the hospital returns what is left, no more (the receivable may not go below zero).
        Money left = line.advance().outstanding();
        String requestId = "cr-mc-recovered-" + period + "-" + hospitalCode + "-" + insuranceType;
        post(planRef(province, period), "crossregion.clearing.advance-recovered", requestId, on, left,
                Map.of("region-agency", actor.orgCode(), "hospital", hospitalCode), insuranceType, ARTICLE_PAY,
                "追回" + line.hospitalName() + "负值拨付计划垫付资金" + (left.equals(line.advance().amount()) ? ""
                        : "余额") + "，退回本统筹区社会保障基金财政专户");
        recordRecovery(province, line, new AdvanceRecovery(period, AdvanceRecoveryKind.RETURN, period, left, on,
                requestId), actor);
        return requirePlan(province, period).hospitals().stream().filter(h -> h.regionCode().equals(region.code())
                && h.hospitalCode().equals(hospitalCode) && h.insuranceType().equals(insuranceType)).findFirst()
                .orElseThrow();
    }

    @Override
    public List<AdvanceReceivable> openAdvances(Actor actor) {
        Region province = provinceOf(actor);
        return openAdvances(province.code(), null).stream().filter(a -> registry.canSeeOrg(actor, a.hospitalCode()))
                .toList();
    }

    /** Posts one planned offset of a positive line and records it (三(三): the money back in the special account). */
    private void offsetAdvance(PlanRef ref, HospitalLine line, AdvanceRecovery planned, LocalDate on, Actor actor) {
        String requestId = "cr-mc-offset-" + ref.period() + "-" + line.hospitalCode() + "-" + line.insuranceType()
                + "-" + planned.advancePeriod();
        post(ref, "crossregion.clearing.advance-offset", requestId, on, planned.amount(),
                Map.of("region-agency", actor.orgCode(), "hospital", line.hospitalCode()), line.insuranceType(),
                ARTICLE_PAY, "以" + ref.period() + "拨付计划抵扣" + line.hospitalName() + planned.advancePeriod()
                        + "负值拨付计划垫付资金，抵扣资金由支出户退回本统筹区社会保障基金财政专户");
        HospitalLine advanced = hospitalLines(ref.provinceCode(), planned.advancePeriod()).stream()
                .filter(h -> h.regionCode().equals(line.regionCode()) && h.hospitalCode().equals(line.hospitalCode())
                        && h.insuranceType().equals(line.insuranceType())).findFirst().orElseThrow();
        recordRecovery(registry.requireRegion(ref.provinceCode(), "orgCode"), advanced, new AdvanceRecovery(
                planned.advancePeriod(), AdvanceRecoveryKind.OFFSET, ref.period(), planned.amount(), on, requestId),
                actor);
    }

    /** Records a part of an advance recovered; the advance is recovered once the parts add up to it. */
    private void recordRecovery(Region province, HospitalLine advanced, AdvanceRecovery part, Actor actor) {
        Money left = advanced.advance().outstanding().minus(part.amount());
        if (left.isNegative()) {
            throw new IllegalStateException("recovery beyond the advance: " + advanced + " " + part);
        }
        jdbc.sql("""
                insert into cr_mc_advance_recovery (province_code, region_code, hospital_code, insurance_type,
                    advance_period, kind, offset_period, amount_fen, recovered_on, recovered_by, request_id)
                values (:p, :r, :h, :t, :m, :kind, :o, :amount, :on, :by, :id)""")
                .param("p", province.code()).param("r", advanced.regionCode()).param("h", advanced.hospitalCode())
                .param("t", advanced.insuranceType()).param("m", part.advancePeriod().toString())
                .param("kind", part.kind().name()).param("o", part.offsetPeriod().toString())
                .param("amount", part.amount().fen()).param("on", part.recoveredOn()).param("by", actor.userId())
                .param("id", part.requestId()).update();
        if (left.isZero()) {
            jdbc.sql("""
                    update cr_mc_hospital set state = :s, recovered_on = :on, recovered_by = :by
                    where province_code = :p and period = :m and region_code = :r and hospital_code = :h
                        and insurance_type = :t""")
                    .param("s", HospitalPayState.RECOVERED.name()).param("on", part.recoveredOn())
                    .param("by", actor.userId()).param("p", province.code())
                    .param("m", part.advancePeriod().toString()).param("r", advanced.regionCode())
                    .param("h", advanced.hospitalCode()).param("t", advanced.insuranceType()).update();
        }
    }

    // --- notices and the report (三(二), 四(二)) ---

    @Override
    public PlanNotice notice(YearMonth period, String regionCode, Actor actor) {
        requirePeriod(period);
        Region province = provinceOf(actor);
        if (regionCode == null || !registry.canSeeRegion(actor, regionCode)) {
            throw Rejection.forbidden("crossregion.notice-out-of-scope", "region", "只能查看本统筹区的收付款通知书");
        }
        Plan plan = requirePlan(province, period);
        List<PairLine> payments = jdbc.sql("""
                select * from cr_mc_pair where province_code = :p and period = :m and insured_region = :r
                order by insurance_type, treatment_region""")
                .param("p", province.code()).param("m", period.toString()).param("r", regionCode)
                .query((rs, n) -> new PairLine(rs.getString("insured_region"), rs.getString("treatment_region"),
                        name(rs.getString("treatment_region")), rs.getString("insurance_type"),
                        Money.ofFen(rs.getLong("amount_fen")), rs.getLong("rows_count"))).list();
        LocalDate confirmedOn = jdbc.sql("select confirmed_on from cr_mc_notice where region_code = :r and period = :m")
                .param("r", regionCode).param("m", period.toString()).query(LocalDate.class).optional().orElse(null);
        return new PlanNotice(regionCode, name(regionCode), period, plan.dates().generatedOn(),
                plan.regions().stream().filter(l -> l.regionCode().equals(regionCode)).toList(),
                plan.hospitals().stream().filter(h -> h.regionCode().equals(regionCode)).toList(), payments,
                ARTICLE_PLAN + "、" + ARTICLE_PAY.substring(ARTICLE_PAY.indexOf(' ') + 1), confirmedOn);
    }

    @Override
    @Transactional
    public PlanNotice confirmNotice(YearMonth period, LocalDate date, Actor actor) {
        Region region = requireCity(actor, OrgKind.AGENCY, Role.CLERK, "crossregion.region-agency-only",
                "收付款通知书由统筹区经办机构核对并提交同级财政部门");
        Region province = registry.requireRegion(region.parentCode(), "orgCode");
        Plan plan = requirePlan(province, period);
        PlanNotice notice = notice(period, region.code(), actor);
        if (notice.confirmedOn() != null) {
            return notice;
        }
        LocalDate on = dates.check(date, "date").notBefore(plan.dates().generatedOn(), "拨付计划生成日期").value();
        // 三(二) asks one check of the reserve's and the remittance's use together with the notice.
        funding.confirmReserveUse(period, on, actor);
        jdbc.sql("insert into cr_mc_notice (region_code, period, confirmed_by, confirmed_on) values (:r, :m, :by, :on)")
                .param("r", region.code()).param("m", period.toString()).param("by", actor.userId()).param("on", on)
                .update();
        return notice(period, region.code(), actor);
    }

    @Override
    public List<ReportLine> report(YearMonth period, Actor actor) {
        requirePeriod(period);
        Region province = provinceOf(actor);
        Plan plan = requirePlan(province, period);
        List<ReportLine> lines = new ArrayList<>();
        for (RegionLine l : plan.regions()) {
            if (!registry.canSeeRegion(actor, l.regionCode())) {
                continue;
            }
            Money paid = Money.ZERO;
            Money offset = Money.ZERO;
            Money open = Money.ZERO;
            for (HospitalLine h : plan.hospitals()) {
                if (h.regionCode().equals(l.regionCode()) && h.insuranceType().equals(l.insuranceType())) {
                    if (h.state() == HospitalPayState.PAID && h.amount().isPositive()) {
                        paid = paid.plus(h.net());
                        offset = offset.plus(h.offset());
                    } else if (h.state() == HospitalPayState.ADVANCED) {
                        open = open.plus(h.advance().outstanding());
                    }
                }
            }
            lines.add(new ReportLine(l.regionCode(), l.regionName(), l.insuranceType(), l.owe(), l.receive(),
                    l.funding(), l.disbursement(), paid, offset, open));
        }
        return lines;
    }

    // --- reading ---

    private Optional<Plan> plan(String provinceCode, YearMonth period, Actor actor) {
        return jdbc.sql("select * from cr_mc_plan where province_code = :p and period = :m")
                .param("p", provinceCode).param("m", period.toString())
                .query((rs, n) -> new Object[] {ClearingPlanState.valueOf(rs.getString("state")),
                        new PlanDates(rs.getObject("generated_on", LocalDate.class),
                                rs.getObject("submitted_on", LocalDate.class), rs.getObject("funded_on", LocalDate.class),
                                rs.getObject("disbursed_on", LocalDate.class))}).optional()
                .map(head -> {
                    List<RegionLine> regions = regionLines(provinceCode, period).stream()
                            .filter(l -> actor == null || registry.canSeeRegion(actor, l.regionCode())).toList();
                    List<HospitalLine> hospitals = hospitalLines(provinceCode, period).stream()
                            .filter(h -> actor == null || registry.canSeeOrg(actor, h.hospitalCode())).toList();
                    return new Plan(provinceCode, period, (ClearingPlanState) head[0], (PlanDates) head[1], regions,
                            hospitals, totals(regions));
                });
    }

    private static Totals totals(List<RegionLine> regions) {
        Money receipts = Money.ZERO;
        Money payments = Money.ZERO;
        Money received = Money.ZERO;
        Money paid = Money.ZERO;
        for (RegionLine l : regions) {
            receipts = receipts.plus(l.receive());
            payments = payments.plus(l.owe());
            if (l.funding() != null && l.funding().receivedOn() != null) {
                received = received.plus(l.owe());
            }
            if (l.disbursement() != null) {
                paid = paid.plus(l.receive());
            }
        }
        return new Totals(receipts, payments, received, paid);
    }

    private List<RegionLine> regionLines(String provinceCode, YearMonth period) {
        String citation = regime(provinceCode, period).citation(ClearingStepKind.CONFIRM_DATA.rule());
        return jdbc.sql("""
                select r.*, (select coalesce(sum(rows_count), 0) from cr_mc_pair x where x.province_code = r.province_code
                    and x.period = r.period and x.insured_region = r.region_code
                    and x.insurance_type = r.insurance_type) as owe_rows
                from cr_mc_region r where r.province_code = :p and r.period = :m
                order by r.region_code, r.insurance_type""")
                .param("p", provinceCode).param("m", period.toString())
                .query((rs, n) -> {
                    String region = rs.getString("region_code");
                    Money receive = Money.ofFen(rs.getLong("receive_fen"));
                    Money owe = Money.ofFen(rs.getLong("owe_fen"));
                    Derivation derivation = new Derivation("净额 = 应收（本统筹区定点医药机构为其他统筹区参保人员结算的统筹基金支付）"
                            + " − 应付（本统筹区参保人员在其他统筹区结算的统筹基金支付）", List.of(
                            Derivation.Input.money("应收，" + rs.getLong("rows_count") + " 笔结算", receive),
                            Derivation.Input.money("应付，" + rs.getLong("owe_rows") + " 笔结算", owe)),
                            citation, receive.minus(owe));
                    return new RegionLine(region, name(region), rs.getString("insurance_type"), receive, owe,
                            derivation, MoneyLeg.FUNDING.read(rs), MoneyLeg.DISBURSEMENT.read(rs),
                            rs.getObject("hospitals_paid_on", LocalDate.class));
                }).list();
    }

    /**
     * The month's hospital lines: a negative one with its advance and the parts recovered so far, a positive one with
     * the offsets it posted when paid or, while planned, the ones {@link AdvanceOffsets} would take now.
     */
    private List<HospitalLine> hospitalLines(String provinceCode, YearMonth period) {
        List<AdvancePart> parts = advanceParts(provinceCode,
                "r.advance_period = :m or (r.kind = 'OFFSET' and r.offset_period = :m)", period);
        List<HospitalLine> lines = hospitalRows(provinceCode, "period = :m", period, parts).stream()
                .map(PeriodLine::line).toList();
        Map<AdvanceKey, List<AdvanceReceivable>> open = new HashMap<>();
        if (lines.stream().anyMatch(h -> h.state() == HospitalPayState.PLANNED && h.amount().isPositive())) {
            for (AdvanceReceivable a : openAdvances(provinceCode, period)) {
                open.computeIfAbsent(new AdvanceKey(a.regionCode(), a.hospitalCode(), a.insuranceType()),
                        k -> new ArrayList<>()).add(a);
            }
        }
        return lines.stream().map(h -> {
            AdvanceKey own = new AdvanceKey(h.regionCode(), h.hospitalCode(), h.insuranceType());
            List<AdvanceRecovery> offsets;
            if (!h.amount().isPositive()) {
                offsets = List.of();
            } else if (h.state() == HospitalPayState.PLANNED) {
                offsets = AdvanceOffsets.allocate(period, h.amount(), open.getOrDefault(own, List.of()));
            } else {
                offsets = parts.stream().filter(p -> p.key().equals(own)
                        && p.recovery().kind() == AdvanceRecoveryKind.OFFSET
                        && p.recovery().offsetPeriod().equals(period)).map(AdvancePart::recovery).toList();
            }
            return new HospitalLine(h.regionCode(), h.hospitalCode(), h.hospitalName(), h.insuranceType(),
                    h.amount(), h.rows(), h.state(), h.paidOn(), h.advance(), offsets);
        }).toList();
    }

    /** The advances not yet recovered, of months before {@code before} (of all months when null), oldest first. */
    private List<AdvanceReceivable> openAdvances(String provinceCode, YearMonth before) {
        String open = "state = '" + HospitalPayState.ADVANCED.name() + "'";
        List<AdvancePart> parts = advanceParts(provinceCode, """
                exists (select 1 from cr_mc_hospital h where h.province_code = r.province_code
                    and h.period = r.advance_period and h.region_code = r.region_code
                    and h.hospital_code = r.hospital_code and h.insurance_type = r.insurance_type
                    and h.""" + open + ")", null);
        return hospitalRows(provinceCode, open + (before == null ? "" : " and period < :m"), before, parts).stream()
                .map(p -> new AdvanceReceivable(p.line().regionCode(), name(p.line().regionCode()),
                        p.line().hospitalCode(), p.line().hospitalName(), p.line().insuranceType(), p.period(),
                        p.line().advance()))
                .toList();
    }

    /** Who owes an advance: the region's hospital and the insurance type (one fund's money never pays another's). */
    private record AdvanceKey(String regionCode, String hospitalCode, String insuranceType) {
    }

    /** A part recovered of the advance of one hospital and insurance type. */
    private record AdvancePart(AdvanceKey key, AdvanceRecovery recovery) {
    }

    /** A hospital line with the month it belongs to. */
    private record PeriodLine(YearMonth period, HospitalLine line) {
    }

    private List<AdvancePart> advanceParts(String provinceCode, String where, YearMonth period) {
        JdbcClient.StatementSpec spec = jdbc.sql("select * from cr_mc_advance_recovery r where r.province_code = :p"
                + " and (" + where + ") order by r.recovered_on, r.advance_period").param("p", provinceCode);
        if (period != null) {
            spec = spec.param("m", period.toString());
        }
        return spec.query((rs, n) -> new AdvancePart(new AdvanceKey(rs.getString("region_code"),
                rs.getString("hospital_code"), rs.getString("insurance_type")), new AdvanceRecovery(
                YearMonth.parse(rs.getString("advance_period")), AdvanceRecoveryKind.valueOf(rs.getString("kind")),
                YearMonth.parse(rs.getString("offset_period")), Money.ofFen(rs.getLong("amount_fen")),
                rs.getObject("recovered_on", LocalDate.class), rs.getString("request_id")))).list();
    }

    /** Hospital lines matching {@code where}, oldest month first; a negative one paid carries its advance. */
    private List<PeriodLine> hospitalRows(String provinceCode, String where, YearMonth period,
                                          List<AdvancePart> parts) {
        Map<String, String> names = new HashMap<>();
        JdbcClient.StatementSpec spec = jdbc.sql("select * from cr_mc_hospital where province_code = :p and "
                + where + " order by period, region_code, hospital_code, insurance_type").param("p", provinceCode);
        if (period != null) {
            spec = spec.param("m", period.toString());
        }
        return spec.query((rs, n) -> {
            YearMonth month = YearMonth.parse(rs.getString("period"));
            String code = rs.getString("hospital_code");
            String hospitalName = names.computeIfAbsent(code, c -> registry.org(c).map(Org::name).orElse(c));
            AdvanceKey key = new AdvanceKey(rs.getString("region_code"), code, rs.getString("insurance_type"));
            Money amount = Money.ofFen(rs.getLong("amount_fen"));
            LocalDate paidOn = rs.getObject("paid_on", LocalDate.class);
            Advance advance = amount.isNegative() && paidOn != null ? new Advance(amount.negate(), paidOn,
                    rs.getObject("recovered_on", LocalDate.class), "cr-mc-advance-" + month + "-" + code + "-"
                    + key.insuranceType(), parts.stream().filter(p -> p.key().equals(key)
                    && p.recovery().advancePeriod().equals(month)).map(AdvancePart::recovery).toList()) : null;
            return new PeriodLine(month, new HospitalLine(key.regionCode(), code, hospitalName, key.insuranceType(),
                    amount, rs.getLong("rows_count"), HospitalPayState.valueOf(rs.getString("state")), paidOn,
                    advance, List.of()));
        }).list();
    }

    private List<DataConfirmation> confirmations(List<String> regions, YearMonth period) {
        if (regions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from cr_mc_confirmation where region_code in (:r) and period = :m order by region_code")
                .param("r", regions).param("m", period.toString())
                .query((rs, n) -> new DataConfirmation(rs.getString("region_code"), name(rs.getString("region_code")),
                        period, rs.getObject("due_date", LocalDate.class), rs.getObject("confirmed_on", LocalDate.class),
                        rs.getLong("rows_count"), Money.ofFen(rs.getLong("treated_here_fen")),
                        Money.ofFen(rs.getLong("insured_elsewhere_fen")))).list();
    }

    private static Leg leg(String transferId, LocalDate sentOn, LocalDate receivedOn) {
        return transferId == null ? null : new Leg(transferId, sentOn, receivedOn);
    }

    // --- writing helpers ---

    private Plan requirePlan(Region province, YearMonth period) {
        requirePeriod(period);
        return plan(province.code(), period, null).orElseThrow(() -> Rejection.notFound("crossregion.plan-not-found",
                "period", period + " 的异地就医拨付计划尚未生成"));
    }

    private static Plan inState(Plan plan, ClearingPlanState expected, String message) {
        if (plan.state().ordinal() < expected.ordinal()) {
            throw Rejection.conflict("crossregion.plan-state", "period", message + "（当前：" + plan.state().label()
                    + "）");
        }
        return plan;
    }

    private void setPlan(Region province, YearMonth period, ClearingPlanState state, String column, LocalDate on) {
        jdbc.sql("update cr_mc_plan set state = :s, " + column + " = :on where province_code = :p and period = :m")
                .param("s", state.name()).param("on", on).param("p", province.code()).param("m", period.toString())
                .update();
    }

    private void updateLine(Region province, YearMonth period, RegionLine line, String set, String transferId,
                            LocalDate on) {
        JdbcClient.StatementSpec spec = jdbc.sql("update cr_mc_region set " + set + " where province_code = :p "
                        + "and period = :m and region_code = :r and insurance_type = :type")
                .param("p", province.code()).param("m", period.toString()).param("r", line.regionCode())
                .param("type", line.insuranceType()).param("on", on);
        if (transferId != null) {
            spec = spec.param("t", transferId);
        }
        spec.update();
    }

    private FundingRegime regime(Region province, YearMonth period) {
        return regime(province.code(), period);
    }

    private FundingRegime regime(String provinceCode, YearMonth period) {
        return FundingRegime.resolve(packs, provinceCode, period.atDay(1));
    }

    /** The plan a posting belongs to: its document (province and month) and the pack it was generated under. */
    private record PlanRef(String provinceCode, YearMonth period, String packId) {
    }

    private PlanRef planRef(Region province, YearMonth period) {
        return new PlanRef(province.code(), period, jdbc.sql("""
                select pack_id from cr_mc_plan where province_code = :p and period = :m""")
                .param("p", province.code()).param("m", period.toString()).query(String.class).single());
    }

    /**
     * Every money step of the month goes through here: the rule's posting under the plan's document, dated
     * {@code on}, its memo the remark 四(二) asks of every transfer (period, insurance type, content).
     */
    private void post(PlanRef plan, String rule, String requestId, LocalDate on, Money amount,
                      Map<String, String> parties, String insuranceType, String article, String content) {
        ledger.post(new BusinessEvent(rule, requestId, on, plan.period(), amount, parties, insuranceType, "cr_mc_plan",
                plan.provinceCode() + "-" + plan.period(), plan.packId(), article,
                memo(plan.period(), insuranceType, content)));
    }

    /** The remark every transfer carries (四(二)): period, insurance type, content. */
    private String memo(YearMonth period, String insuranceType, String content) {
        String type = registry.insuranceType(insuranceType).map(t -> t.name()).orElse(insuranceType);
        return "所属期间 " + period + "；险种 " + type + "；" + content;
    }

    private static long number(Object value) {
        return ((Number) value).longValue();
    }

    // --- access ---

    private static void requirePeriod(YearMonth period) {
        if (period == null) {
            throw new Rejection("crossregion.period-missing", "period", "缺少清算所属期间");
        }
    }

    private Region provinceOf(Actor actor) {
        return Actors.provinceOf(registry, actor);
    }

    private Region requireProvince(Actor actor, OrgKind kind, Role role, String code, String message) {
        return Actors.requireAt(registry, actor, RegionLevel.PROVINCE, kind, role, code, message);
    }

    private Region requireCity(Actor actor, OrgKind kind, Role role, String code, String message) {
        return Actors.requireAt(registry, actor, RegionLevel.CITY, kind, role, code, message);
    }

    private List<Region> poolingRegions(Region province) {
        return registry.descendants(province.code()).stream().filter(r -> r.level() == RegionLevel.CITY
                && province.code().equals(r.parentCode())).toList();
    }

    private Org finance(String regionCode) {
        return registry.financeOf(regionCode).orElseThrow(() -> new Rejection("crossregion.no-finance", "regionCode",
                "统筹区 " + regionCode + " 没有登记财政部门"));
    }

    private Org agency(String regionCode) {
        return registry.agencyOf(regionCode).orElseThrow(() -> new Rejection("crossregion.no-agency", "regionCode",
                "统筹区 " + regionCode + " 没有登记经办机构"));
    }

    private Org centre(String provinceCode) {
        return registry.orgs(provinceCode, OrgKind.SETTLEMENT_CENTRE).stream().findFirst().orElseThrow(() ->
                new Rejection("crossregion.no-centre", "orgCode", "本省没有登记异地就医结算中心"));
    }

    private String name(String code) {
        return registry.region(code).map(Region::name).orElse(code);
    }
}

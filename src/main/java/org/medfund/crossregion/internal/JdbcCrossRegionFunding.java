package org.medfund.crossregion.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medfund.calendar.BusinessCalendar;
import org.medfund.calendar.DeadlineRule;
import org.medfund.calendar.Due;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.ClearingStepKind;
import org.medfund.crossregion.CrossRegionFunding;
import org.medfund.crossregion.RemittanceState;
import org.medfund.crossregion.ReservePot;
import org.medfund.crossregion.ReserveState;
import org.medfund.crossregion.StepStatus;
import org.medfund.crossregion.SubsidySource;
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
 * The "预留+清算" engine (henan-2023 一(二)(三), 三(二)(三)(四), 四(二)(三)). Henan pools at city level, so the pooling
 * regions are the province's cities. Money moves only through the ledger rules {@code crossregion.reserve.withheld},
 * {@code crossregion.reserve.used} and {@code crossregion.remittance.employee} (posting-rules.txt); every memo carries
 * the period, the insurance type and the content of the payment (四(二)).
 */
@Service
class JdbcCrossRegionFunding implements CrossRegionFunding {

    static final String RESIDENT = "390";
    static final String EMPLOYEE = "310";
    static final int SOURCE_LENGTH_MAX = 200;
    static final int REGIONS_MAX = 500;
    /** A growth rate outside −100 % … +1000 % is a typing error, not a projection. */
    static final BigDecimal GROWTH_MIN = new BigDecimal("-1");
    static final BigDecimal GROWTH_MAX = BigDecimal.TEN;
    static final int GROWTH_SCALE_MAX = 6;
    /** One region's yearly cost at most 100 billion yuan: far above any city, far below an overflow. */
    static final long COST_FEN_MAX = 10_000_000_000_000L;

    private final JdbcClient jdbc;
    private final Registry registry;
    private final PolicyPacks packs;
    private final BusinessCalendar calendar;
    private final BusinessDates dates;
    private final Ledger ledger;
    private final ClearingProgress progress;
    private final CarryBook carries;

    JdbcCrossRegionFunding(JdbcClient jdbc, Registry registry, PolicyPacks packs, BusinessCalendar calendar,
                           BusinessDates dates, Ledger ledger, ClearingProgress progress, CarryBook carries) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.packs = packs;
        this.calendar = calendar;
        this.dates = dates;
        this.ledger = ledger;
        this.progress = progress;
        this.carries = carries;
    }

    // --- resident reserve (henan-2023 一(二)) ---

    @Override
    @Transactional
    public Reserve sizeReserve(ReserveSizing sizing, Actor actor) {
        Region province = requireProvinceOrg(actor, OrgKind.SETTLEMENT_CENTRE, Role.CLERK,
                "crossregion.centre-only", "异地就医预留资金由省医保中心（省医保局）测算");
        dates.checkYear(sizing.year(), "year");
        LocalDate date = dates.check(sizing.date(), "date").value();
        FundingRegime regime = FundingRegime.resolve(packs, province.code(), date);
        checkSources(sizing.sources());
        if (sizing.subsidySource() == null) {
            throw new Rejection("crossregion.subsidy-source-missing", "subsidySource",
                    "请选择预留资金来源：中央财政补助资金或省财政补助资金");
        }
        List<PotCost> costs = checkPotCosts(province, sizing.costs());
        Optional<Reserve> existing = reserve(province.code(), sizing.year());
        if (existing.isPresent() && existing.get().decision().state() == ReserveState.WITHHELD) {
            throw new Rejection("crossregion.reserve-withheld", "year", sizing.year()
                    + " 年预留资金已经财政审核并预留，不能重新测算（差额在年度清算中处理）", 409);
        }
        Derivation derivation = ReservePlusClearing.reserve(sizing.year(), costs, sizing.sources(),
                regime.citation(FundingRegime.RESERVE_FORMULA));
        List<Money> shares = ReservePlusClearing.split(derivation.result(), costs);
        jdbc.sql("delete from cr_reserve_share where province_code = :p and reserve_year = :y")
                .param("p", province.code()).param("y", sizing.year()).update();
        jdbc.sql("delete from cr_reserve where province_code = :p and reserve_year = :y")
                .param("p", province.code()).param("y", sizing.year()).update();
        jdbc.sql("""
                insert into cr_reserve (reserve_year, province_code, pack_id, pack_version, last_year_cost_fen,
                    cost_source, growth_rate, growth_source, subsidy_source, amount_fen, formula, citation, inputs,
                    state, sized_by, sized_on)
                values (:y, :p, :pack, :v, :cost, :cs, :g, :gs, :ss, :amount, :formula, :citation, :inputs, :state,
                    :by, :on)""")
                .param("y", sizing.year()).param("p", province.code()).param("pack", regime.packId())
                .param("v", regime.packVersion()).param("cost", ReservePlusClearing.total(costs).fen())
                .param("cs", sizing.sources().costSource()).param("g", sizing.sources().growthRate())
                .param("gs", sizing.sources().growthSource()).param("ss", sizing.subsidySource().name())
                .param("amount", derivation.result().fen()).param("formula", derivation.formula())
                .param("citation", derivation.citation()).param("inputs", inputsText(derivation))
                .param("state", ReserveState.SIZED.name()).param("by", actor.userId()).param("on", date).update();
        for (int i = 0; i < costs.size(); i++) {
            PotCost c = costs.get(i);
            jdbc.sql("""
                    insert into cr_reserve_share (province_code, reserve_year, region_code, pot, last_year_cost_fen,
                        amount_fen) values (:p, :y, :r, :pot, :cost, :amount)""")
                    .param("p", province.code()).param("y", sizing.year()).param("r", c.regionCode())
                    .param("pot", c.pot().name()).param("cost", c.lastYearCost().fen())
                    .param("amount", shares.get(i).fen()).update();
        }
        return reserve(province.code(), sizing.year()).orElseThrow();
    }

    @Override
    @Transactional
    public Reserve approveReserve(int year, LocalDate date, Actor actor) {
        Region province = requireProvinceOrg(actor, OrgKind.FINANCE, Role.FINANCE, "crossregion.finance-only",
                "异地就医预留资金由省财政厅审核同意后预留");
        dates.checkYear(year, "year");
        Reserve reserve = reserve(province.code(), year).orElseThrow(() -> new Rejection(
                "crossregion.reserve-not-found", "year", year + " 年异地就医预留资金尚未测算", 404));
        if (reserve.decision().state() == ReserveState.WITHHELD) {
            return reserve;
        }
        dates.check(date, "date").inBook(actor.orgCode()).notBefore(reserve.decision().sizedOn(), "测算日期");
        String packId = FundingRegime.resolve(packs, province.code(), date).packId();
        takeCarries(province.code(), reserve, date, packId);
        for (ReserveShare share : reserve(province.code(), year).orElseThrow().shares()) {
            if (!share.withheld().isPositive()) {
                continue; // a pot the carry offset in full withholds nothing
            }
            Org regionFinance = regionFinance(share.regionCode());
            String content = year + " 年城乡居民医保异地就医预留资金（" + share.pot().label() + "），从"
                    + reserve.subsidySource().label() + "中预留" + (share.carry().isZero() ? "" : "（含上年度清算"
                    + (share.carry().isNegative() ? "结余抵扣 " : "不足补足 ") + share.carry().abs().toYuanText() + " 元）");
            ledger.post(new BusinessEvent("crossregion.reserve.withheld", "cr-reserve-" + province.code() + "-" + year
                    + "-" + share.regionCode() + "-" + share.pot().name(), date, YearMonth.from(date), share.withheld(),
                    Map.of("province-finance", actor.orgCode(), "region-finance", regionFinance.code()), RESIDENT,
                    "cr_reserve", province.code() + "-" + year, packId,
                    "henan-2023 一(二)", memo(YearMonth.of(year, 1), RESIDENT, content)));
        }
        jdbc.sql("""
                update cr_reserve set state = :s, approved_by = :by, approved_on = :on
                where province_code = :p and reserve_year = :y""")
                .param("s", ReserveState.WITHHELD.name()).param("by", actor.userId()).param("on", date)
                .param("p", province.code()).param("y", year).update();
        return reserve(province.code(), year).orElseThrow();
    }

    /** The reserve's withholding takes last year's carry per region (三(四), {@link CarryBook#takeIntoReserve}). */
    private void takeCarries(String province, Reserve reserve, LocalDate on, String packId) {
        reserve.shares().stream().map(ReserveShare::regionCode).distinct()
                .forEach(region -> carries.takeIntoReserve(province, reserve.year(), region, on, packId));
    }

    @Override
    public Optional<Reserve> reserve(int year, Actor actor) {
        Region province = provinceOf(actor);
        return reserve(province.code(), year).map(r -> new Reserve(r.year(), r.provinceCode(), r.lastYearCost(),
                r.sources(), r.subsidySource(), r.derivation(), r.decision(), r.shares().stream()
                .filter(s -> registry.canSeeRegion(actor, s.regionCode())).toList()));
    }

    @Override
    @Transactional
    public ReserveUse recordReserveUse(ReserveUse use, LocalDate date, Actor actor) {
        Region province = requireProvinceOrg(actor, OrgKind.SETTLEMENT_CENTRE, Role.CLERK,
                "crossregion.centre-only", "预留资金使用情况由省医保中心根据清算数据登记");
        LocalDate on = dates.check(date, "date").value();
        if (use.period() == null) {
            throw new Rejection("crossregion.period-missing", "period", "缺少清算所属期间");
        }
        if (use.pot() == null) {
            throw new Rejection("crossregion.pot-missing", "pot", "请选择预付金：省内异地就医或跨省异地就医");
        }
        if (use.amount() == null || use.amount().isNegative()) {
            throw new Rejection("crossregion.amount-invalid", "amount", "使用金额不能为空或为负");
        }
        String source = checkText(use.source(), "source", "数据来源");
        int year = use.period().getYear();
        Reserve reserve = reserve(province.code(), year).filter(r -> r.decision().state() == ReserveState.WITHHELD)
                .orElseThrow(() -> new Rejection("crossregion.reserve-not-withheld", "period", year
                        + " 年异地就医预留资金尚未经财政审核预留", 409));
        ReserveShare share = reserve.shares().stream().filter(s -> s.regionCode().equals(use.regionCode())
                && s.pot() == use.pot()).findFirst().orElseThrow(() -> new Rejection("crossregion.share-not-found",
                "regionCode", "统筹区 " + use.regionCode() + " 没有" + use.pot().label() + "份额", 404));
        Optional<ReserveUse> recorded = uses(province.code(), year).stream().filter(u -> u.regionCode()
                .equals(use.regionCode()) && u.pot() == use.pot() && u.period().equals(use.period())).findFirst();
        if (recorded.isPresent()) {
            if (recorded.get().amount().equals(use.amount())) {
                return recorded.get();
            }
            throw new Rejection("crossregion.use-recorded", "period", use.period() + " 的使用情况已登记为 "
                    + recorded.get().amount().toYuanText() + " 元，更正请冲销后重新登记", 409);
        }
        jdbc.sql("""
                insert into cr_reserve_use (province_code, reserve_year, region_code, pot, period, amount_fen, source,
                    recorded_by, recorded_on) values (:p, :y, :r, :pot, :period, :amount, :source, :by, :on)""")
                .param("p", province.code()).param("y", year).param("r", use.regionCode())
                .param("pot", use.pot().name()).param("period", use.period().toString())
                .param("amount", use.amount().fen()).param("source", source).param("by", actor.userId())
                .param("on", on).update();
        if (use.amount().isPositive()) {
            ledger.post(new BusinessEvent("crossregion.reserve.used", reserveUseRequest(use.regionCode(), use.pot(),
                    use.period()), on, use.period(), use.amount(),
                    Map.of("province-finance", registry.financeOf(province.code()).orElseThrow().code(),
                            "region-finance", regionFinance(share.regionCode()).code()), RESIDENT, "cr_reserve",
                    province.code() + "-" + year, FundingRegime.resolve(packs, province.code(), on).packId(),
                    "henan-2023 一(二)", memo(use.period(), RESIDENT, "城乡居民医保异地就医预留资金使用（"
                    + use.pot().label() + "），" + source)));
        }
        return new ReserveUse(use.regionCode(), use.pot(), use.period(), use.amount(), source);
    }

    /** The request id of a pot's use for a month: the voucher a clearing that charged the pot links to. */
    static String reserveUseRequest(String region, ReservePot pot, YearMonth period) {
        return "cr-reserve-use-" + region + "-" + pot.name() + "-" + period;
    }

    @Override
    @Transactional
    public UseConfirmation confirmReserveUse(YearMonth period, LocalDate date, Actor actor) {
        Region region = requireRegionOrg(actor, OrgKind.AGENCY, Role.CLERK, "crossregion.region-agency-only",
                "预留资金使用情况由各统筹区经办机构按月核对确认");
        LocalDate on = dates.check(date, "date").value();
        if (period == null) {
            throw new Rejection("crossregion.period-missing", "period", "缺少核对所属期间");
        }
        Optional<UseConfirmation> done = confirmations(List.of(region.code()), period).stream().findFirst();
        if (done.isPresent()) {
            return done.get();
        }
        FundingRegime regime = FundingRegime.resolve(packs, region.parentCode(), on);
        DeadlineRule rule = regime.deadline(ClearingStepKind.VERIFY_USE.rule()).orElseThrow();
        Due due = calendar.due(rule, period);
        Money inProvince = Money.ZERO;
        Money crossProvince = Money.ZERO;
        for (ReserveUse use : uses(region.parentCode(), period.getYear())) {
            if (use.regionCode().equals(region.code()) && use.period().equals(period)) {
                if (use.pot() == ReservePot.IN_PROVINCE) {
                    inProvince = inProvince.plus(use.amount());
                } else {
                    crossProvince = crossProvince.plus(use.amount());
                }
            }
        }
        jdbc.sql("""
                insert into cr_reserve_confirmation (region_code, period, due_date, due_basis, confirmed_by,
                    confirmed_on, in_province_used_fen, cross_province_used_fen)
                values (:r, :period, :due, :basis, :by, :on, :inp, :crp)""")
                .param("r", region.code()).param("period", period.toString()).param("due", due.date())
                .param("basis", due.basis()).param("by", actor.userId()).param("on", on)
                .param("inp", inProvince.fen()).param("crp", crossProvince.fen()).update();
        return confirmations(List.of(region.code()), period).get(0);
    }

    @Override
    public List<UseConfirmation> confirmations(YearMonth period, Actor actor) {
        if (period == null) {
            throw new Rejection("crossregion.period-missing", "period", "缺少期间");
        }
        List<String> regions = poolingRegions(provinceOf(actor)).stream().map(Region::code)
                .filter(r -> registry.canSeeRegion(actor, r)).toList();
        return confirmations(regions, period);
    }

    // --- employee remittance (henan-2023 一(三)) ---

    @Override
    @Transactional
    public RemittanceNotice issueRemittanceNotice(RemittanceNoticeDraft draft, Actor actor) {
        Region province = requireProvinceOrg(actor, OrgKind.SETTLEMENT_CENTRE, Role.CLERK,
                "crossregion.centre-only", "职工医保异地就医上解通知由省医保局、省财政厅联合下发（省医保中心办理）");
        dates.checkYear(draft.year(), "year");
        LocalDate on = dates.check(draft.date(), "date").value();
        if (draft.quarter() < 1 || draft.quarter() > 4) {
            throw new Rejection("crossregion.quarter-invalid", "quarter", "季度应为 1 至 4");
        }
        FundingRegime regime = FundingRegime.resolve(packs, province.code(), on);
        checkSources(draft.sources());
        YearMonth quarterStart = YearMonth.of(draft.year(), (draft.quarter() - 1) * 3 + 1);
        YearMonth previousQuarter = quarterStart.minusMonths(3);
        LocalDate noticeDue = calendar.deadline(regime.noticeBy(), previousQuarter);
        if (!on.isBefore(quarterStart.atDay(1))) {
            throw new Rejection("crossregion.notice-too-late", "date", "上解通知应在所上解季度开始前下发（应于 "
                    + noticeDue + " 前）");
        }
        if (jdbc.sql("select count(*) from cr_remit_notice where province_code = :p and remit_year = :y "
                        + "and remit_quarter = :q").param("p", province.code()).param("y", draft.year())
                .param("q", draft.quarter()).query(Long.class).single() > 0) {
            throw new Rejection("crossregion.notice-exists", "quarter", draft.year() + " 年第 " + draft.quarter()
                    + " 季度的上解通知已下发", 409);
        }
        List<RegionCost> costs = checkRegionCosts(province, draft.costs());
        Due remitDue = calendar.dueAfterWorkingDays(on, regime.remitWithinWorkingDays());
        jdbc.sql("""
                insert into cr_remit_notice (province_code, remit_year, remit_quarter, pack_id, pack_version,
                    growth_rate, growth_source, cost_source, issued_by, issued_on, notice_due_date, remit_due_date,
                    remit_due_basis)
                values (:p, :y, :q, :pack, :v, :g, :gs, :cs, :by, :on, :nd, :rd, :rb)""")
                .param("p", province.code()).param("y", draft.year()).param("q", draft.quarter())
                .param("pack", regime.packId()).param("v", regime.packVersion())
                .param("g", draft.sources().growthRate()).param("gs", draft.sources().growthSource())
                .param("cs", draft.sources().costSource()).param("by", actor.userId()).param("on", on)
                .param("nd", noticeDue).param("rd", remitDue.date()).param("rb", remitDue.basis()).update();
        long id = jdbc.sql("select id from cr_remit_notice where province_code = :p and remit_year = :y "
                        + "and remit_quarter = :q").param("p", province.code()).param("y", draft.year())
                .param("q", draft.quarter()).query(Long.class).single();
        String citation = regime.citation(FundingRegime.REMIT_MONTHS);
        CarryBook.Allocation target = new CarryBook.Allocation(quarterStart, CarryBook.remittanceLabel(draft.year(),
                draft.quarter()));
        CarryBook.Allocation next = carries.firstOpenQuarter(province.code(), quarterStart.atDay(1));
        for (RegionCost cost : costs) {
            ReservePlusClearing.EmployeeLine line = ReservePlusClearing.employee(cost.lastYearCost(),
                    draft.sources(), regime.remitMonths(), regime.prepaymentMonths(), citation);
            // Last year's annual clearing changes the amount to remit (三(四)); the rest of a larger surplus goes on
            // to the next quarter not yet notified.
            CarryBook.Taken carry = carries.take(province.code(), cost.regionCode(), EMPLOYEE, target, line.amount(),
                    on, next, regime.packId());
            Derivation due = ReservePlusClearing.withCarry(line.derivation(), carry);
            RemittanceState state = due.result().isZero() && !carry.amount().isZero() ? RemittanceState.OFFSET
                    : RemittanceState.NOTIFIED;
            jdbc.sql("""
                    insert into cr_remit_line (notice_id, region_code, last_year_cost_fen, monthly_average_fen,
                        amount_fen, carry_fen, quota_fen, formula, citation, inputs, state)
                    values (:n, :r, :cost, :avg, :amount, :carry, :quota, :formula, :citation, :inputs, :state)""")
                    .param("n", id).param("r", cost.regionCode()).param("cost", cost.lastYearCost().fen())
                    .param("avg", line.monthlyAverage().fen()).param("amount", due.result().fen())
                    .param("carry", carry.amount().fen()).param("quota", line.quota().fen())
                    .param("formula", due.formula()).param("citation", due.citation())
                    .param("inputs", inputsText(due)).param("state", state.name()).update();
        }
        return notice(id).orElseThrow();
    }

    @Override
    public List<RemittanceNotice> remittanceNotices(int year, Actor actor) {
        Region province = provinceOf(actor);
        return jdbc.sql("select id from cr_remit_notice where province_code = :p and remit_year = :y order by "
                        + "remit_quarter").param("p", province.code()).param("y", year).query(Long.class).list()
                .stream().map(id -> notice(id).orElseThrow()).map(n -> visible(n, actor)).toList();
    }

    @Override
    @Transactional
    public RemittanceLine remit(long noticeId, LocalDate date, Actor actor) {
        Region region = requireRegionOrg(actor, OrgKind.FINANCE, Role.FINANCE, "crossregion.region-finance-only",
                "职工医保异地就医资金由各统筹区财政部门上解");
        RemittanceNotice notice = notice(noticeId).filter(n -> n.provinceCode().equals(region.parentCode()))
                .orElseThrow(() -> new Rejection("crossregion.notice-not-found", "noticeId", "没有编号为 " + noticeId
                        + " 的上解通知", 404));
        RemittanceLine line = line(notice, region.code());
        if (line.state() != RemittanceState.NOTIFIED) {
            return line;
        }
        LocalDate on = dates.check(date, "date").inBook(actor.orgCode())
                .notBefore(notice.dates().issuedOn(), "通知下发日期").value();
        String transferId = "cr-remit-" + noticeId + "-" + region.code();
        YearMonth period = YearMonth.of(notice.year(), (notice.quarter() - 1) * 3 + 1);
        ledger.post(new BusinessEvent("crossregion.remittance.employee", transferId, on, period, line.amount(),
                Map.of("region-finance", actor.orgCode(), "province-finance",
                        registry.financeOf(notice.provinceCode()).orElseThrow().code()), EMPLOYEE,
                "cr_remit_notice", String.valueOf(noticeId), packOf(notice), "henan-2023 一(三)",
                memo(period, EMPLOYEE, notice.year() + " 年第 " + notice.quarter() + " 季度城镇职工医保异地就医资金上解")));
        jdbc.sql("""
                update cr_remit_line set state = :s, transfer_id = :t, remitted_on = :on, remitted_by = :by
                where notice_id = :n and region_code = :r""")
                .param("s", RemittanceState.REMITTED.name()).param("t", transferId).param("on", on)
                .param("by", actor.userId()).param("n", noticeId).param("r", region.code()).update();
        return line(notice(noticeId).orElseThrow(), region.code());
    }

    @Override
    @Transactional
    public RemittanceLine confirmRemittance(long noticeId, String regionCode, LocalDate date, Actor actor) {
        Region province = requireProvinceOrg(actor, OrgKind.FINANCE, Role.FINANCE, "crossregion.finance-only",
                "上解资金到账由省财政厅确认");
        RemittanceNotice notice = notice(noticeId).filter(n -> n.provinceCode().equals(province.code()))
                .orElseThrow(() -> new Rejection("crossregion.notice-not-found", "noticeId", "没有编号为 " + noticeId
                        + " 的上解通知", 404));
        RemittanceLine line = line(notice, regionCode);
        if (line.state() == RemittanceState.RECEIVED) {
            return line;
        }
        if (line.state() != RemittanceState.REMITTED) {
            throw new Rejection("crossregion.not-remitted", "regionCode", line.regionName() + " 尚未上解", 409);
        }
        LocalDate on = dates.check(date, "date").inBook(actor.orgCode())
                .notBefore(line.remitted().remittedOn(), "上解日期").value();
        ledger.confirmReceipt(line.remitted().transferId(), on, line.remitted().transferId() + "-receipt");
        jdbc.sql("update cr_remit_line set state = :s, received_on = :on where notice_id = :n and region_code = :r")
                .param("s", RemittanceState.RECEIVED.name()).param("on", on).param("n", noticeId)
                .param("r", regionCode).update();
        return line(notice(noticeId).orElseThrow(), regionCode);
    }

    @Override
    public List<LateRemitter> lateRemitters(LocalDate asOf, Actor actor) {
        LocalDate day = dates.check(asOf, "asOf").value();
        Region province = provinceOf(actor);
        List<LateRemitter> late = new ArrayList<>();
        for (Long id : jdbc.sql("select id from cr_remit_notice where province_code = :p and issued_on <= :d "
                + "order by remit_year, remit_quarter").param("p", province.code()).param("d", day)
                .query(Long.class).list()) {
            RemittanceNotice notice = visible(notice(id).orElseThrow(), actor);
            LocalDate due = notice.dates().remitDueDate();
            for (RemittanceLine line : notice.lines()) {
                if (line.state() == RemittanceState.OFFSET) {
                    continue; // nothing to remit: last year's surplus offset the quarter
                }
                LocalDate sent = line.remitted() == null ? null : line.remitted().remittedOn();
                LocalDate until = sent == null || sent.isAfter(day) ? day : sent;
                long days = ReservePlusClearing.daysLate(due, until);
                if (days > 0) {
                    late.add(new LateRemitter(id, notice.year(), notice.quarter(), line.regionCode(),
                            line.regionName(), due, sent != null && !sent.isAfter(day) ? sent : null, days,
                            line.amount()));
                }
            }
        }
        return late;
    }

    // --- the monthly clearing timeline (henan-2023 三(二)(三)(四)) ---

    @Override
    public List<TimelineStep> clearingSteps(YearMonth period, LocalDate asOf, Actor actor) {
        if (period == null) {
            throw new Rejection("crossregion.period-missing", "period", "缺少期间");
        }
        LocalDate day = dates.check(asOf, "asOf").value();
        Region province = provinceOf(actor);
        FundingRegime regime = FundingRegime.resolve(packs, province.code(), period.atDay(1));
        List<Region> regions = poolingRegions(province);
        List<UseConfirmation> confirmed = confirmations(regions.stream().map(Region::code).toList(), period);
        List<TimelineStep> steps = new ArrayList<>();
        for (ClearingStepKind kind : ClearingStepKind.values()) {
            Optional<DeadlineRule> rule = regime.deadline(kind.rule());
            if (rule.isEmpty() || kind.annual() && period.getMonthValue() != 3) {
                continue;
            }
            LocalDate due = calendar.deadline(rule.get(), period);
            StepStatus status;
            String detail;
            if (kind == ClearingStepKind.VERIFY_USE) {
                boolean all = confirmed.size() == regions.size();
                status = all ? StepStatus.DONE : day.isAfter(due) ? StepStatus.OVERDUE : StepStatus.OPEN;
                detail = "已确认 " + confirmed.size() + "/" + regions.size() + " 个统筹区";
            } else {
                Optional<LocalDate> done = progress.doneOn(kind, province.code(), period).filter(d -> !d.isAfter(day));
                String shifted = due.equals(naturalDate(rule.get(), period)) ? "" : "遇节假日顺延";
                if (done.isPresent()) {
                    status = StepStatus.DONE;
                    detail = done.get() + " 完成" + (done.get().isAfter(due) ? "（逾期 "
                            + ReservePlusClearing.daysLate(due, done.get()) + " 天）" : "")
                            + (shifted.isEmpty() ? "" : "；" + shifted);
                } else {
                    status = day.isAfter(due) ? StepStatus.OVERDUE : StepStatus.OPEN;
                    detail = shifted;
                }
            }
            steps.add(new TimelineStep(kind, due, calendar.provisional(due), regime.staffCitation(kind.rule()),
                    status, detail));
        }
        return steps;
    }

    /** The calendar day a rule names before any holiday shift, to say when a date was moved. */
    private static LocalDate naturalDate(DeadlineRule rule, YearMonth period) {
        YearMonth month = period.plusMonths(rule.monthOffset());
        if (rule instanceof DeadlineRule.DayOfMonth d) {
            return month.atDay(Math.min(d.day(), month.lengthOfMonth()));
        }
        if (rule instanceof DeadlineRule.QuarterMonthEnd q) {
            int first = (month.getMonthValue() - 1) / 3 * 3 + 1;
            return YearMonth.of(month.getYear(), first).plusMonths(q.monthOfQuarter() - 1L).atEndOfMonth();
        }
        return month.atEndOfMonth();
    }

    // --- reading ---

    private Optional<Reserve> reserve(String provinceCode, int year) {
        List<ReserveUse> uses = uses(provinceCode, year);
        List<ReserveShare> shares = jdbc.sql("""
                select * from cr_reserve_share where province_code = :p and reserve_year = :y
                order by region_code, pot""").param("p", provinceCode).param("y", year)
                .query((rs, n) -> {
                    String region = rs.getString("region_code");
                    ReservePot pot = ReservePot.valueOf(rs.getString("pot"));
                    Money used = uses.stream().filter(u -> u.regionCode().equals(region) && u.pot() == pot)
                            .map(ReserveUse::amount).reduce(Money.ZERO, Money::plus);
                    return new ReserveShare(region, name(region), pot, Money.ofFen(rs.getLong("last_year_cost_fen")),
                            Money.ofFen(rs.getLong("amount_fen")), Money.ofFen(rs.getLong("carry_fen")), used);
                }).list();
        return jdbc.sql("select * from cr_reserve where province_code = :p and reserve_year = :y")
                .param("p", provinceCode).param("y", year)
                .query((rs, n) -> new Reserve(rs.getInt("reserve_year"), rs.getString("province_code"),
                        Money.ofFen(rs.getLong("last_year_cost_fen")), sources(rs),
                        SubsidySource.valueOf(rs.getString("subsidy_source")), derivation(rs, "amount_fen"),
                        new ReserveDecision(ReserveState.valueOf(rs.getString("state")), rs.getString("sized_by"),
                                rs.getObject("sized_on", LocalDate.class), rs.getString("approved_by"),
                                rs.getObject("approved_on", LocalDate.class)), shares))
                .optional();
    }

    private List<ReserveUse> uses(String provinceCode, int year) {
        return jdbc.sql("""
                select * from cr_reserve_use where province_code = :p and reserve_year = :y
                order by period, region_code, pot""").param("p", provinceCode).param("y", year)
                .query((rs, n) -> new ReserveUse(rs.getString("region_code"), ReservePot.valueOf(rs.getString("pot")),
                        YearMonth.parse(rs.getString("period")), Money.ofFen(rs.getLong("amount_fen")),
                        rs.getString("source"))).list();
    }

    private List<UseConfirmation> confirmations(List<String> regions, YearMonth period) {
        if (regions.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select * from cr_reserve_confirmation where region_code in (:r) and period = :period
                order by region_code""").param("r", regions).param("period", period.toString())
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("due_date", LocalDate.class);
                    LocalDate on = rs.getObject("confirmed_on", LocalDate.class);
                    return new UseConfirmation(rs.getString("region_code"), name(rs.getString("region_code")), period, due, on, on.isAfter(due),
                            Money.ofFen(rs.getLong("in_province_used_fen")),
                            Money.ofFen(rs.getLong("cross_province_used_fen")));
                }).list();
    }

    private Optional<RemittanceNotice> notice(long id) {
        List<RemittanceLine> lines = jdbc.sql("select * from cr_remit_line where notice_id = :n order by region_code")
                .param("n", id).query((rs, n) -> new RemittanceLine(rs.getString("region_code"),
                        name(rs.getString("region_code")), Money.ofFen(rs.getLong("monthly_average_fen")),
                        Money.ofFen(rs.getLong("amount_fen")), Money.ofFen(rs.getLong("carry_fen")),
                        Money.ofFen(rs.getLong("quota_fen")), derivation(rs, "amount_fen"),
                        RemittanceState.valueOf(rs.getString("state")),
                        rs.getString("transfer_id") == null ? null : new Remitted(rs.getString("transfer_id"),
                                rs.getObject("remitted_on", LocalDate.class),
                                rs.getObject("received_on", LocalDate.class)))).list();
        return jdbc.sql("select * from cr_remit_notice where id = :n").param("n", id)
                .query((rs, n) -> {
                    LocalDate due = rs.getObject("remit_due_date", LocalDate.class);
                    return new RemittanceNotice(rs.getLong("id"), rs.getString("province_code"),
                            rs.getInt("remit_year"), rs.getInt("remit_quarter"), sources(rs),
                            new NoticeDates(rs.getObject("issued_on", LocalDate.class),
                                    rs.getObject("notice_due_date", LocalDate.class), due, calendar.provisional(due)),
                            lines);
                }).optional();
    }

    private String packOf(RemittanceNotice notice) {
        return jdbc.sql("select pack_id from cr_remit_notice where id = :n").param("n", notice.id())
                .query(String.class).single();
    }

    private RemittanceNotice visible(RemittanceNotice n, Actor actor) {
        return new RemittanceNotice(n.id(), n.provinceCode(), n.year(), n.quarter(), n.sources(), n.dates(),
                n.lines().stream().filter(l -> registry.canSeeRegion(actor, l.regionCode())).toList());
    }

    private static RemittanceLine line(RemittanceNotice notice, String regionCode) {
        return notice.lines().stream().filter(l -> l.regionCode().equals(regionCode)).findFirst()
                .orElseThrow(() -> new Rejection("crossregion.line-not-found", "regionCode", "上解通知 "
                        + notice.id() + " 不含统筹区 " + regionCode, 404));
    }

    private static Sourced sources(ResultSet rs) throws SQLException {
        return new Sourced(rs.getBigDecimal("growth_rate").stripTrailingZeros(), rs.getString("growth_source"),
                rs.getString("cost_source"));
    }

    private static Derivation derivation(ResultSet rs, String resultColumn) throws SQLException {
        List<Derivation.Input> inputs = new ArrayList<>();
        for (String line : rs.getString("inputs").split("\n")) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                inputs.add(new Derivation.Input(line.substring(0, tab), line.substring(tab + 1)));
            }
        }
        return new Derivation(rs.getString("formula"), inputs, rs.getString("citation"),
                Money.ofFen(rs.getLong(resultColumn)));
    }

    private static String inputsText(Derivation derivation) {
        StringBuilder text = new StringBuilder();
        for (Derivation.Input input : derivation.inputs()) {
            text.append(input.name().replace('\t', ' ').replace('\n', ' ')).append('\t')
                    .append(input.value().replace('\n', ' ')).append('\n');
        }
        return text.toString();
    }

    // --- checks ---

    /** The remark every transfer carries (四(二)): period, insurance type, content. */
    private String memo(YearMonth period, String insuranceType, String content) {
        String type = registry.insuranceType(insuranceType).map(t -> t.name()).orElse(insuranceType);
        return "所属期间 " + period + "；险种 " + type + "；" + content;
    }

    private void checkSources(Sourced sources) {
        if (sources == null || sources.growthRate() == null) {
            throw new Rejection("crossregion.growth-missing", "sources.growthRate", "缺少异地就医费用增长率");
        }
        BigDecimal g = sources.growthRate();
        if (g.compareTo(GROWTH_MIN) <= 0 || g.compareTo(GROWTH_MAX) > 0 || g.stripTrailingZeros().scale()
                > GROWTH_SCALE_MAX) {
            throw new Rejection("crossregion.growth-invalid", "sources.growthRate",
                    "增长率应大于 -1、不超过 10，最多 6 位小数（如 0.08 表示 8%）");
        }
        checkText(sources.growthSource(), "sources.growthSource", "增长率来源");
        checkText(sources.costSource(), "sources.costSource", "上年费用来源");
    }

    private static String checkText(String text, String field, String what) {
        if (text == null || text.isBlank() || text.length() > SOURCE_LENGTH_MAX) {
            throw new Rejection("crossregion.source-missing", field, "请填写" + what + "（1 至 " + SOURCE_LENGTH_MAX
                    + " 字）");
        }
        return text.strip();
    }

    private List<PotCost> checkPotCosts(Region province, List<PotCost> costs) {
        if (costs == null || costs.isEmpty() || costs.size() > REGIONS_MAX) {
            throw new Rejection("crossregion.costs-missing", "costs", "请按统筹区和预付金填写上年异地就医费用");
        }
        Set<String> seen = new HashSet<>();
        Money total = Money.ZERO;
        for (int i = 0; i < costs.size(); i++) {
            PotCost c = costs.get(i);
            String field = "costs[" + i + "]";
            checkPoolingRegion(province, c == null ? null : c.regionCode(), field + ".regionCode");
            if (c.pot() == null) {
                throw new Rejection("crossregion.pot-missing", field + ".pot", "请选择预付金：省内异地就医或跨省异地就医");
            }
            checkCost(c.lastYearCost(), field + ".lastYearCost");
            if (!seen.add(c.regionCode() + "/" + c.pot())) {
                throw new Rejection("crossregion.cost-duplicate", field, "统筹区 " + c.regionCode() + " 的"
                        + c.pot().label() + "重复填写");
            }
            total = total.plus(c.lastYearCost());
        }
        if (total.isZero()) {
            throw new Rejection("crossregion.costs-zero", "costs", "上年异地就医费用合计为零，无法测算预留资金");
        }
        return List.copyOf(costs);
    }

    private List<RegionCost> checkRegionCosts(Region province, List<RegionCost> costs) {
        if (costs == null || costs.isEmpty() || costs.size() > REGIONS_MAX) {
            throw new Rejection("crossregion.costs-missing", "costs", "请按统筹区填写上年职工异地就医费用");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < costs.size(); i++) {
            RegionCost c = costs.get(i);
            String field = "costs[" + i + "]";
            checkPoolingRegion(province, c == null ? null : c.regionCode(), field + ".regionCode");
            checkCost(c.lastYearCost(), field + ".lastYearCost");
            if (!seen.add(c.regionCode())) {
                throw new Rejection("crossregion.cost-duplicate", field, "统筹区 " + c.regionCode() + " 重复填写");
            }
        }
        return List.copyOf(costs);
    }

    private static void checkCost(Money cost, String field) {
        if (cost == null || cost.isNegative() || cost.fen() > COST_FEN_MAX) {
            throw new Rejection("crossregion.cost-invalid", field, "上年费用应为 0 至 1000 亿元");
        }
    }

    private void checkPoolingRegion(Region province, String code, String field) {
        Region region = registry.region(code == null ? "" : code).orElseThrow(() ->
                new Rejection("crossregion.region-unknown", field, "未知统筹区编码 " + code));
        if (region.level() != RegionLevel.CITY || !province.code().equals(region.parentCode())) {
            throw new Rejection("crossregion.not-pooling-region", field, region.name()
                    + " 不是本省的统筹区（河南省为市级统筹）");
        }
    }

    private List<Region> poolingRegions(Region province) {
        return registry.descendants(province.code()).stream().filter(r -> r.level() == RegionLevel.CITY
                && province.code().equals(r.parentCode())).toList();
    }

    private Org regionFinance(String regionCode) {
        return registry.financeOf(regionCode).orElseThrow(() -> new Rejection("crossregion.no-finance", "regionCode",
                "统筹区 " + regionCode + " 没有登记财政部门"));
    }

    private Region provinceOf(Actor actor) {
        return Actors.provinceOf(registry, actor);
    }

    private Region requireProvinceOrg(Actor actor, OrgKind kind, Role role, String code, String message) {
        return Actors.requireAt(registry, actor, RegionLevel.PROVINCE, kind, role, code, message);
    }

    private Region requireRegionOrg(Actor actor, OrgKind kind, Role role, String code, String message) {
        return Actors.requireAt(registry, actor, RegionLevel.CITY, kind, role, code, message);
    }

    private String name(String code) {
        return registry.region(code).map(Region::name).orElse(code);
    }
}

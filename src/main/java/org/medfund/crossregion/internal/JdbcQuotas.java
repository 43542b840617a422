package org.medfund.crossregion.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfund.calendar.BusinessCalendar;
import org.medfund.calendar.Due;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.CrossRegion;
import org.medfund.crossregion.CrossRegionQuotas;
import org.medfund.crossregion.Obligation;
import org.medfund.crossregion.ObligationKind;
import org.medfund.crossregion.Quota;
import org.medfund.crossregion.QuotaKey;
import org.medfund.crossregion.QuotaKind;
import org.medfund.crossregion.QuotaRequest;
import org.medfund.crossregion.QuotaScope;
import org.medfund.crossregion.QuotaState;
import org.medfund.crossregion.Suspension;
import org.medfund.crossregion.Usage;
import org.medfund.crossregion.UsageWarning;
import org.medfund.ledger.BusinessDates;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.policy.PolicyPacks;
import org.medfund.policy.Resolved;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Region;
import org.medfund.registry.RegionLevel;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Prepay, then clear (guizhou-2017 三(三), 五(一)(二), 附件一 一–三) on one engine: the numbers (first months, re-size
 * shares, warning shares) and every due date are read from the city's pack; the remittance is the posting rule
 * {@code crossregion.prepayment.city-to-province} (annex 2 一(一)3-4, 二(一)3、5), a transfer in transit until the
 * province confirms the receipt; the province's own pool (省本级) remits by
 * {@code crossregion.prepayment.province-to-centre} (annex 2 二(一)4-5).
 */
@Service
class JdbcQuotas implements CrossRegionQuotas {

    static final String REMITTANCE = "crossregion.prepayment.city-to-province";
    static final String PROVINCE_LEVEL_REMITTANCE = "crossregion.prepayment.province-to-centre";
    static final String QUARTERLY = "quarterly";
    static final int YEAR_MIN = 2017;
    static final int YEAR_MAX = 2100;
    /** The largest past-years figure accepted: 100 billion yuan, far above any city, far below an overflow. */
    static final long PAST_YEARS_FEN_MAX = 10_000_000_000_000L;

    private final QuotaStore store;
    private final Registry registry;
    private final PolicyPacks packs;
    private final BusinessCalendar calendar;
    private final Ledger ledger;
    private final CrossRegion crossRegion;
    private final BusinessDates dates;

    JdbcQuotas(QuotaStore store, Registry registry, PolicyPacks packs, BusinessCalendar calendar, Ledger ledger,
                CrossRegion crossRegion, BusinessDates dates) {
        this.store = store;
        this.registry = registry;
        this.packs = packs;
        this.calendar = calendar;
        this.ledger = ledger;
        this.crossRegion = crossRegion;
        this.dates = dates;
    }

    // --- sizing (三(三), 附件一 一(一)) ---

    @Override
    @Transactional
    public Quota size(QuotaRequest request, Actor actor) {
        requireCentre(actor);
        Region city = city(request.cityRegionCode(), "cityRegionCode", actor);
        if (request.year() < YEAR_MIN || request.year() > YEAR_MAX) {
            throw new Rejection("crossregion.year-invalid", "year", "年度应在 " + YEAR_MIN + " 至 " + YEAR_MAX + " 之间");
        }
        if (request.quarter() < 1 || request.quarter() > 4) {
            throw new Rejection("crossregion.quarter-invalid", "quarter", "季度应为 1 至 4");
        }
        if (request.scope() == null) {
            throw new Rejection("crossregion.scope-missing", "scope", "请选择省内或跨省异地就医预付金");
        }
        Money past = request.pastYearsFundPay();
        if (past == null || past.isNegative() || past.fen() > PAST_YEARS_FEN_MAX) {
            throw new Rejection("crossregion.past-years-invalid", "pastYearsFundPay",
                    "请填写往年年均异地就医医保基金支付金额（不能为负）");
        }
        requireDate(request.date(), "请填写核定日期");
        QuotaKey key = new QuotaKey(city.code(), request.year(), request.quarter(), request.scope());
        List<QuotaStore.QuotaRow> history = store.quotasOf(city.code(), key.scope());
        Optional<QuotaStore.QuotaRow> present = history.stream().filter(q -> q.key().equals(key) && q.seq() == 1)
                .findFirst();
        if (present.isPresent()) {
            if (present.get().derivation().inputs().stream().anyMatch(i -> i.name().startsWith("往年")
                    && i.value().equals(past.toYuanText()))) {
                return view(present.get());
            }
            throw Rejection.conflict("crossregion.quota-sized", "cityRegionCode", city.name() + " " + key.label()
                    + "预付金已核定");
        }
        List<QuotaStore.QuotaRow> earlier = history.stream().filter(q -> before(q.key(), key)).toList();
        if (history.stream().anyMatch(q -> !before(q.key(), key))) {
            throw Rejection.conflict("crossregion.quota-order", "quarter", city.name() + " 已有更晚季度的预付金，"
                    + "不能补核定 " + key.label());
        }
        QuotaSizing.Sized sized = earlier.isEmpty() ? first(city, past, request.date())
                : resize(city, key, earlier, past, request.date());
        YearMonth firstMonth = firstMonth(key);
        Due remitDue = due(city.code(), "crossregion.city-remit-by", firstMonth);
        String id = quotaId(key, 1);
        store.insertQuota(new QuotaStore.QuotaRow(id, key, earlier.isEmpty() ? QuotaKind.FIRST : QuotaKind.QUARTERLY,
                1, sized.level(), sized.amount(), sized.derivation(), QuotaState.NOTIFIED,
                new QuotaStore.Dates(request.date(), null, null, null, null, remitDue.date()), null, null),
                actor.userId());
        openQuotaObligations(city, key, id, firstMonth, remitDue);
        Org centre = centreOf(province(city));
        long sizing = ensure(ObligationKind.QUOTA_SIZING, firstMonth, centre.code(), sizingSubject(key),
                city.code());
        store.done(sizing, request.date(), actor.userId());
        return view(store.quota(id, false).orElseThrow());
    }

    private QuotaSizing.Sized first(Region city, Money past, LocalDate date) {
        Resolved months = fundingRule(city.code(), date, "crossregion.first-prepayment-months");
        return QuotaSizing.first(past, months.parameter().integer(), months.citation());
    }

    private QuotaSizing.Sized resize(Region city, QuotaKey key, List<QuotaStore.QuotaRow> earlier, Money past,
                                     LocalDate date) {
        Resolved resize = fundingRule(city.code(), date, "crossregion.prepayment-resize");
        if (!QUARTERLY.equals(resize.parameter().value())) {
            throw new IllegalStateException("only quarterly re-sizing is built: " + resize.parameter().value());
        }
        BigDecimal lastShare = packs.resolve(city.code(), date, "crossregion.resize-last-quarter-share").parameter()
                .decimal();
        BigDecimal pastShare = packs.resolve(city.code(), date, "crossregion.resize-past-years-share").parameter()
                .decimal();
        QuotaKey previous = previous(key);
        Money lastCleared = cleared(previous, quarterEnd(previous));
        QuotaKey start = earlier.get(0).key();
        Money prepaid = earlier.stream().map(QuotaStore.QuotaRow::amount).reduce(Money.ZERO, Money::plus);
        Money clearedSoFar = clearedBetween(key, firstMonth(start).atDay(1), quarterEnd(previous));
        return QuotaSizing.resize(lastCleared, prepaid.minus(clearedSoFar), past, lastShare, pastShare,
                resize.citation());
    }

    private void openQuotaObligations(Region city, QuotaKey key, String quotaId, YearMonth period, Due remitDue) {
        Org agency = registry.agencyOf(city.code()).orElseThrow(() -> new IllegalStateException("no agency of "
                + city.code()));
        Org finance = registry.financeOf(city.code()).orElseThrow(() -> new IllegalStateException("no finance of "
                + city.code()));
        ensure(ObligationKind.CITY_CONFIRM, period, agency.code(), quotaId, city.code());
        store.ensureObligation(ObligationKind.CITY_REMIT, period, finance.code(), quotaId, remitDue.date(),
                remitDue.basis());
    }

    // --- the city's steps (附件一 一(二)) and the province's receipt ---

    @Override
    @Transactional
    public Quota confirm(String quotaId, LocalDate date, Actor actor) {
        QuotaStore.QuotaRow q = lockedQuota(quotaId);
        Org agency = registry.agencyOf(q.key().cityRegionCode()).orElseThrow();
        if (!actor.orgCode().equals(agency.code()) || !actor.has(Role.CLERK)) {
            throw Rejection.forbidden("crossregion.city-agency-only", "id", "只有 " + agency.name() + " 的经办人员可以确认预付金");
        }
        return step(q, QuotaState.NOTIFIED, QuotaState.CONFIRMED, "confirmed_on", date, q.dates().confirmedOn(),
                ObligationKind.CITY_CONFIRM, agency.code(), actor);
    }

    @Override
    @Transactional
    public Quota review(String quotaId, LocalDate date, Actor actor) {
        QuotaStore.QuotaRow q = lockedQuota(quotaId);
        requireCityFinance(q, actor);
        return step(q, QuotaState.CONFIRMED, QuotaState.REVIEWED, "reviewed_on", date, q.dates().reviewedOn(), null,
                null, actor);
    }

    @Override
    @Transactional
    public Quota remit(String quotaId, LocalDate date, Actor actor) {
        QuotaStore.QuotaRow q = lockedQuota(quotaId);
        Org finance = requireCityFinance(q, actor);
        if (q.state() != QuotaState.REVIEWED) {
            return repeatOrRefuse(q, QuotaState.REVIEWED, date, q.dates().remittedOn());
        }
        checkDate(date, q.dates().reviewedOn());
        Region city = registry.requireRegion(q.key().cityRegionCode(), "id");
        Org agency = registry.agencyOf(city.code()).orElseThrow();
        Org centre = centreOf(province(city));
        if (q.amount().isPositive()) {
            ledger.post(remittance(q, city, finance, agency, centre, date));
            store.setTransfer(q.id(), q.id());
            store.step(q.id(), QuotaState.REVIEWED, QuotaState.REMITTED, "remitted_on", date);
        } else {
            store.step(q.id(), QuotaState.REVIEWED, QuotaState.REMITTED, "remitted_on", date);
            store.step(q.id(), QuotaState.REMITTED, QuotaState.RECEIVED, "received_on", date);
        }
        store.obligation(ObligationKind.CITY_REMIT, finance.code(), q.id())
                .ifPresent(o -> store.done(o.id(), date, actor.userId()));
        return view(store.quota(q.id(), false).orElseThrow());
    }

    /**
     * The remittance's posting. A city's finance department remits from its special account to the provincial one
     * (附件二 一(一)3-4, 二(一)3、5). The province's own pool (省本级) has no finance entry in annex 2: its fund already
     * sits with province finance, and the province agency pays the centre from the 省本级 special account
     * (附件二 二(一)4-5), the same transfer in transit until the centre confirms the receipt.
     */
    private BusinessEvent remittance(QuotaStore.QuotaRow q, Region city, Org finance, Org agency, Org centre,
                                     LocalDate date) {
        String pack = q.derivation().citation().split(",")[0];
        String label = city.name() + " " + q.key().label() + q.kind().label();
        if (registry.isProvinceLevel(city.code())) {
            ledger.openBook(agency.code());
            ledger.openBook(centre.code());
            return new BusinessEvent(PROVINCE_LEVEL_REMITTANCE, q.id(), date, YearMonth.from(date), q.amount(),
                    Map.of("province-agency", agency.code(), "centre", centre.code()), null, "crossregion-quota",
                    q.id(), pack, "guizhou-2017 附件一 一(二)、附件二 二(一)4-5", label
                    + " 由省本级财政专户支付异地就医结算中心财政专户");
        }
        Org provinceFinance = registry.financeOf(province(city).code()).orElseThrow(() -> new IllegalStateException(
                "no finance of " + city.parentCode()));
        for (String org : List.of(finance.code(), agency.code(), provinceFinance.code(), centre.code())) {
            ledger.openBook(org);
        }
        return new BusinessEvent(REMITTANCE, q.id(), date, YearMonth.from(date), q.amount(), Map.of(
                "city-finance", finance.code(), "city-agency", agency.code(), "province-finance",
                provinceFinance.code(), "centre", centre.code()), null, "crossregion-quota", q.id(), pack,
                "guizhou-2017 附件一 一(二)、附件二 一(一)3-4、二(一)3、5", label + " 上解省级财政专户");
    }

    @Override
    @Transactional
    public Quota receive(String quotaId, LocalDate date, Actor actor) {
        QuotaStore.QuotaRow q = lockedQuota(quotaId);
        requireCentre(actor);
        Region city = city(q.key().cityRegionCode(), "id", actor);
        if (q.state() != QuotaState.REMITTED) {
            return repeatOrRefuse(q, QuotaState.REMITTED, date, q.dates().receivedOn());
        }
        checkDate(date, q.dates().remittedOn());
        ledger.confirmReceipt(q.transferId(), date, q.transferId() + ":receipt");
        store.step(q.id(), QuotaState.REMITTED, QuotaState.RECEIVED, "received_on", date);
        Region province = province(city);
        Org provinceFinance = registry.financeOf(province.code()).orElseThrow();
        Resolved voucher = packs.resolve(city.code(), date, "crossregion.bank-voucher-within-working-days");
        Due voucherDue = calendar.dueAfterWorkingDays(date, voucher.parameter().integer());
        store.ensureObligation(ObligationKind.BANK_VOUCHER, YearMonth.from(date), provinceFinance.code(), q.id(),
                voucherDue.date(), voucherDue.basis());
        ensure(ObligationKind.RECEIPT_CONFIRM, YearMonth.from(date), centreOf(province).code(), q.id(), city.code());
        if (q.suspensionId() != null && store.unpaidDueBefore(date).stream()
                .noneMatch(other -> other.key().cityRegionCode().equals(city.code()))) {
            crossRegion.lift(q.suspensionId(), date, actor);
        }
        return view(store.quota(q.id(), false).orElseThrow());
    }

    private Quota step(QuotaStore.QuotaRow q, QuotaState from, QuotaState to, String column, LocalDate date,
                       LocalDate doneOn, ObligationKind obligation, String org, Actor actor) {
        if (q.state() != from) {
            return repeatOrRefuse(q, from, date, doneOn);
        }
        checkDate(date, q.dates().sizedOn());
        store.step(q.id(), from, to, column, date);
        if (obligation != null) {
            store.obligation(obligation, org, q.id()).ifPresent(o -> store.done(o.id(), date, actor.userId()));
        }
        return view(store.quota(q.id(), false).orElseThrow());
    }

    /** A step already done on the same date answers the quota again; otherwise the state is wrong for the step. */
    private Quota repeatOrRefuse(QuotaStore.QuotaRow q, QuotaState expected, LocalDate date, LocalDate doneOn) {
        if (date != null && date.equals(doneOn)) {
            return view(q);
        }
        throw Rejection.conflict("crossregion.quota-state", "id", "预付金 " + q.id() + " 当前为「" + q.state().label()
                + "」，此步骤需要「" + expected.label() + "」");
    }

    private void checkDate(LocalDate date, LocalDate previousStep) {
        requireDate(date, "请填写日期");
        if (previousStep != null && date.isBefore(previousStep)) {
            throw new Rejection("crossregion.dates-reversed", "date", "日期不能早于上一步骤 " + previousStep);
        }
    }

    /**
     * A command's business date: present (in the clerk's words when missing) and inside the working-day calendar, as
     * every command's date is (BusinessDates), so that a date the deadlines cannot be computed for is refused before
     * anything is recorded, even by a command that would find nothing to do on it.
     */
    private void requireDate(LocalDate date, String missing) {
        if (date == null) {
            throw new Rejection("crossregion.date-missing", "date", missing);
        }
        dates.check(date, "date");
    }

    // --- usage (五(二)) and the emergency top-up ---

    @Override
    @Transactional(readOnly = true)
    public Usage usage(QuotaKey key, LocalDate date, Actor actor) {
        city(key.cityRegionCode(), "city", actor);
        return usage(key, date);
    }

    private Usage usage(QuotaKey key, LocalDate date) {
        Money prepaid = store.quotasOf(key.cityRegionCode(), key.scope()).stream().filter(q -> q.key().equals(key))
                .map(QuotaStore.QuotaRow::level).reduce(Money.ZERO, Money::plus);
        LocalDate end = quarterEnd(key);
        Money cleared = cleared(key, date.isBefore(end) ? date : end);
        Resolved yellow = fundingRule(key.cityRegionCode(), date, "crossregion.usage-yellow");
        Resolved red = fundingRule(key.cityRegionCode(), date, "crossregion.usage-red");
        UsageWarning warning = QuotaSizing.warning(prepaid, cleared, yellow.parameter().decimal(),
                red.parameter().decimal());
        BigDecimal rate = QuotaSizing.rate(prepaid, cleared);
        Derivation derivation = new Derivation("预付金使用率 = 清算资金 ÷ 预付金 = " + (rate == null ? "—"
                : rate.toPlainString()) + "（" + warning.label() + "）", List.of(
                Derivation.Input.money("预付金", prepaid), Derivation.Input.money("清算资金", cleared),
                new Derivation.Input("黄色预警使用率", yellow.parameter().value()),
                new Derivation.Input("红色预警使用率", red.parameter().value())), red.citation(), cleared);
        return new Usage(key, prepaid, cleared, rate, warning, derivation);
    }

    @Override
    @Transactional
    public Quota topUp(QuotaKey key, LocalDate date, Actor actor) {
        requireCentre(actor);
        Region city = city(key == null ? null : key.cityRegionCode(), "cityRegionCode", actor);
        if (key.scope() == null) {
            throw new Rejection("crossregion.scope-missing", "scope", "请选择省内或跨省异地就医预付金");
        }
        requireDate(date, "请填写日期");
        List<QuotaStore.QuotaRow> ofKey = store.quotasOf(city.code(), key.scope()).stream()
                .filter(q -> q.key().equals(key)).toList();
        if (ofKey.isEmpty()) {
            throw Rejection.notFound("crossregion.quota-unknown", "quarter", city.name() + " " + key.label()
                    + "尚未核定预付金");
        }
        Optional<QuotaStore.QuotaRow> open = ofKey.stream().filter(q -> q.kind() == QuotaKind.TOP_UP
                && q.dates().sizedOn().equals(date)).findFirst();
        if (open.isPresent()) {
            return view(open.get());
        }
        Usage usage = usage(key, date);
        if (usage.warning() != UsageWarning.RED) {
            throw Rejection.conflict("crossregion.usage-not-red", "quarter", city.name() + " " + key.label()
                    + "预付金使用率为 " + usage.rate() + "（" + usage.warning().label() + "），未达到红色预警，不启动紧急调增");
        }
        Resolved yellow = packs.resolve(city.code(), date, "crossregion.usage-yellow");
        QuotaSizing.Sized sized = QuotaSizing.topUp(usage.prepaid(), usage.cleared(), yellow.parameter().decimal(),
                packs.resolve(city.code(), date, "crossregion.usage-red").citation());
        YearMonth month = YearMonth.from(date);
        Due remitDue = due(city.code(), "crossregion.city-remit-by", month);
        if (remitDue.date().isBefore(date)) {
            month = month.plusMonths(1);
            remitDue = due(city.code(), "crossregion.city-remit-by", month);
        }
        int seq = ofKey.stream().mapToInt(QuotaStore.QuotaRow::seq).max().orElse(0) + 1;
        String id = quotaId(key, seq);
        store.insertQuota(new QuotaStore.QuotaRow(id, key, QuotaKind.TOP_UP, seq, sized.level(), sized.amount(),
                sized.derivation(), QuotaState.NOTIFIED, new QuotaStore.Dates(date, null, null, null, null,
                remitDue.date()), null, null), actor.userId());
        openQuotaObligations(city, key, id, month, remitDue);
        return view(store.quota(id, false).orElseThrow());
    }

    // --- late payment suspends (五(一)) ---

    @Override
    @Transactional
    public List<Suspension> suspendLatePayers(LocalDate date, Actor actor) {
        requireCentre(actor);
        requireDate(date, "请填写日期");
        List<Suspension> made = new ArrayList<>();
        for (QuotaStore.QuotaRow q : store.unpaidDueBefore(date)) {
            String city = q.key().cityRegionCode();
            if (q.suspensionId() != null || !registry.canSeeRegion(actor, city) || !packs.find(city, date,
                    "crossregion.delay-suspends").map(r -> r.parameter().flag()).orElse(false)) {
                continue;
            }
            Optional<Suspension> active = crossRegion.suspensions(actor).stream()
                    .filter(s -> s.regionCode().equals(city) && s.liftedOn() == null).findFirst();
            if (active.isPresent()) {
                if (made.contains(active.get())) {
                    store.setSuspension(q.id(), active.get().id());
                }
                continue;
            }
            Suspension s = crossRegion.suspend(city, date, q.key().label() + q.kind().label() + "预付金应于 "
                    + q.dates().remitDue() + " 前上解省级财政专户，逾期未上解（黔人社厅通〔2017〕204号 五(一)）", actor);
            store.setSuspension(q.id(), s.id());
            made.add(s);
        }
        return made;
    }

    // --- reads ---

    @Override
    public Quota quota(String quotaId, Actor actor) {
        QuotaStore.QuotaRow q = store.quota(quotaId == null ? "" : quotaId, false).orElseThrow(() -> unknown(quotaId));
        if (!registry.canSeeRegion(actor, q.key().cityRegionCode())) {
            throw unknown(quotaId);
        }
        return view(q);
    }

    @Override
    public List<Quota> quotas(int year, int quarter, Actor actor) {
        return store.quotasOfQuarter(year, quarter).stream()
                .filter(q -> registry.canSeeRegion(actor, q.key().cityRegionCode())).map(this::view).toList();
    }

    private Quota view(QuotaStore.QuotaRow q) {
        String name = registry.region(q.key().cityRegionCode()).map(Region::name).orElse(q.key().cityRegionCode());
        QuotaStore.Dates d = q.dates();
        return new Quota(q.id(), q.key(), name, q.kind(), q.state(), q.level(), q.amount(), q.derivation(),
                new Quota.Steps(d.sizedOn(), d.confirmedOn(), d.reviewedOn(), d.remittedOn(), d.receivedOn(),
                        d.remitDue(), q.transferId(), q.suspensionId()));
    }

    private QuotaStore.QuotaRow lockedQuota(String quotaId) {
        return store.quota(quotaId == null ? "" : quotaId, true).orElseThrow(() -> unknown(quotaId));
    }

    private static Rejection unknown(String quotaId) {
        return Rejection.notFound("crossregion.quota-unknown", "id", "没有编号为 " + quotaId + " 的预付金");
    }

    // --- the annex 1 timetable ---

    @Override
    @Transactional
    public List<Obligation> openTimetable(String provinceCode, int year, int quarter, Actor actor) {
        requireCentre(actor);
        Region province = registry.region(provinceCode == null ? "" : provinceCode)
                .filter(r -> r.level() == RegionLevel.PROVINCE).orElseThrow(() -> new Rejection(
                        "crossregion.region-unknown", "province", "未知省份编码 " + provinceCode));
        if (!registry.canSeeRegion(actor, province.code())) {
            throw Rejection.forbidden("crossregion.out-of-scope", "province", "无权办理 " + province.name() + " 的业务");
        }
        if (year < YEAR_MIN || year > YEAR_MAX || quarter < 1 || quarter > 4) {
            throw new Rejection("crossregion.quarter-invalid", "quarter", "年度或季度无效");
        }
        Timetable timetable = new Timetable(year, quarter);
        List<Long> ids = new ArrayList<>();
        Org centre = centreOf(province);
        Org provinceFinance = registry.financeOf(province.code()).orElseThrow();
        List<Region> cities = registry.descendants(province.code()).stream()
                .filter(r -> r.level() == RegionLevel.CITY).toList();
        for (Timetable.Slot slot : timetable.slots()) {
            switch (slot.kind().party()) {
                case CENTRE -> {
                    if (slot.kind() == ObligationKind.QUOTA_SIZING) {
                        for (Region city : cities) {
                            for (QuotaScope scope : QuotaScope.values()) {
                                QuotaKey key = new QuotaKey(city.code(), year, quarter, scope);
                                ids.add(ensure(slot.kind(), slot.period(), centre.code(), sizingSubject(key),
                                        province.code()));
                            }
                        }
                    } else {
                        ids.add(ensure(slot.kind(), slot.period(), centre.code(), "", province.code()));
                    }
                }
                case PROVINCE_FINANCE -> ids.add(ensure(slot.kind(), slot.period(), provinceFinance.code(), "",
                        province.code()));
                case CITY_AGENCY -> {
                    for (Region city : cities) {
                        registry.agencyOf(city.code()).ifPresent(agency -> ids.add(ensure(slot.kind(),
                                slot.period(), agency.code(), "", city.code())));
                    }
                }
                case CITY_FINANCE -> throw new IllegalStateException("city finance obligations come with a quota");
            }
        }
        return ids.stream().filter(id -> id > 0).map(id -> obligationView(store.obligation(id).orElseThrow()))
                .toList();
    }

    @Override
    @Transactional
    public Obligation complete(long obligationId, LocalDate date, Actor actor) {
        // An obligation of an organisation the caller cannot see answers as unknown, so ids cannot be probed.
        QuotaStore.ObligationRow o = store.obligation(obligationId).filter(row -> registry.canSeeOrg(actor,
                row.orgCode())).orElseThrow(() -> Rejection.notFound("crossregion.obligation-unknown", "id",
                "没有编号为 " + obligationId + " 的事项"));
        if (!actor.orgCode().equals(o.orgCode()) || actor.has(Role.AUDITOR) && actor.roles().size() == 1) {
            throw Rejection.forbidden("crossregion.obligation-not-own", "id", "只有负有该事项的机构可以办结");
        }
        requireDate(date, "请填写办结日期");
        if (o.doneOn() != null) {
            if (o.doneOn().equals(date)) {
                return obligationView(o);
            }
            throw Rejection.conflict("crossregion.obligation-done", "id", "该事项已于 " + o.doneOn() + " 办结");
        }
        store.done(o.id(), date, actor.userId());
        if (o.kind() == ObligationKind.MONTHLY_CLEARING_TO_FINANCE) {
            String region = registry.requireOrg(o.orgCode(), "id").regionCode();
            Resolved within = packs.resolve(region, date, ObligationKind.MONTHLY_CLEARING_PAY.rule());
            Due due = calendar.dueAfterWorkingDays(date, within.parameter().integer());
            Org finance = registry.financeOf(region).orElseThrow();
            store.ensureObligation(ObligationKind.MONTHLY_CLEARING_PAY, o.period(), finance.code(), o.subject(),
                    due.date(), due.basis());
        }
        return obligationView(store.obligation(o.id()).orElseThrow());
    }

    @Override
    public List<Obligation> obligations(LocalDate from, LocalDate to, Actor actor) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new Rejection("crossregion.dates-reversed", "to", "请给出起止日期，截止日期不能早于开始日期");
        }
        List<String> orgs = new ArrayList<>();
        Org own = registry.requireOrg(actor.orgCode(), "orgCode");
        List<Region> regions = new ArrayList<>(registry.lineage(own.regionCode()));
        regions.addAll(registry.descendants(own.regionCode()));
        for (Region region : regions) {
            for (OrgKind kind : List.of(OrgKind.AGENCY, OrgKind.SETTLEMENT_CENTRE, OrgKind.FINANCE)) {
                registry.orgs(region.code(), kind).stream().map(Org::code)
                        .filter(code -> registry.canSeeOrg(actor, code)).forEach(orgs::add);
            }
        }
        return store.obligations(orgs, from, to, OBLIGATIONS_MAX).stream().map(this::obligationView).toList();
    }

    private Obligation obligationView(QuotaStore.ObligationRow o) {
        String region = registry.org(o.orgCode()).map(Org::regionCode).orElse("");
        String citation = packs.find(region, o.period().atDay(1), o.kind().rule()).map(Resolved::citation)
                .orElse("");
        return new Obligation(o.id(), o.kind(), o.period(), o.orgCode(), o.subject(), o.dueDate(), o.dueBasis(),
                o.doneOn(), citation);
    }

    /** Ensures a calendar-rule obligation; answers 0 when the region's pack has no rule for the kind. */
    private long ensure(ObligationKind kind, YearMonth period, String org, String subject, String region) {
        Optional<Resolved> rule = packs.find(region, period.atDay(1), kind.rule());
        if (rule.isEmpty()) {
            return 0;
        }
        Due due = calendar.due(rule.get().parameter().deadline(), period);
        return store.ensureObligation(kind, period, org, subject, due.date(), due.basis());
    }

    /** A rule of the prepayment regime; a region whose packs have none has no quotas here (a 4xx, not a bug). */
    private Resolved fundingRule(String region, LocalDate date, String rule) {
        return packs.find(region, date, rule).orElseThrow(() -> new Rejection("crossregion.no-funding-regime", "city",
                "统筹区 " + region + " 的政策未规定异地就医预付金（" + rule + "）"));
    }

    private Due due(String region, String rule, YearMonth period) {
        return calendar.due(packs.resolve(region, period.atDay(1), rule).parameter().deadline(), period);
    }

    // --- helpers ---

    private Money cleared(QuotaKey key, LocalDate until) {
        return clearedBetween(key, firstMonth(key).atDay(1), until);
    }

    private Money clearedBetween(QuotaKey key, LocalDate from, LocalDate to) {
        if (to.isBefore(from)) {
            return Money.ZERO;
        }
        List<String> regions = new ArrayList<>(List.of(key.cityRegionCode()));
        registry.descendants(key.cityRegionCode()).forEach(r -> regions.add(r.code()));
        String provincePrefix = key.cityRegionCode().substring(0, 2);
        return store.cleared(regions, provincePrefix, key.scope() == QuotaScope.IN_PROVINCE, from, to);
    }

    static YearMonth firstMonth(QuotaKey key) {
        return YearMonth.of(key.year(), (key.quarter() - 1) * 3 + 1);
    }

    static LocalDate quarterEnd(QuotaKey key) {
        return firstMonth(key).plusMonths(2).atEndOfMonth();
    }

    static QuotaKey previous(QuotaKey key) {
        return key.quarter() == 1 ? new QuotaKey(key.cityRegionCode(), key.year() - 1, 4, key.scope())
                : new QuotaKey(key.cityRegionCode(), key.year(), key.quarter() - 1, key.scope());
    }

    private static boolean before(QuotaKey a, QuotaKey b) {
        return a.year() < b.year() || a.year() == b.year() && a.quarter() < b.quarter();
    }

    static String quotaId(QuotaKey key, int seq) {
        return "CRQ-" + key.cityRegionCode() + "-" + key.year() + "Q" + key.quarter() + "-"
                + (key.scope() == QuotaScope.IN_PROVINCE ? "IN" : "XP") + "-" + seq;
    }

    private static String sizingSubject(QuotaKey key) {
        return key.cityRegionCode() + "/" + key.scope().name();
    }

    private Region city(String code, String field, Actor actor) {
        Region city = registry.region(code == null ? "" : code).filter(r -> r.level() == RegionLevel.CITY)
                .orElseThrow(() -> new Rejection("crossregion.region-unknown", field, "未知市（州）编码 " + code));
        if (!registry.canSeeRegion(actor, city.code())) {
            throw Rejection.forbidden("crossregion.out-of-scope", field, "无权查看或办理 " + city.name() + " 的预付金");
        }
        return city;
    }

    private Region province(Region city) {
        return registry.requireRegion(city.parentCode(), "cityRegionCode");
    }

    private Org centreOf(Region province) {
        return registry.orgs(province.code(), OrgKind.SETTLEMENT_CENTRE).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no settlement centre in " + province.code()));
    }

    private void requireCentre(Actor actor) {
        Org own = registry.requireOrg(actor.orgCode(), "orgCode");
        if (own.kind() != OrgKind.SETTLEMENT_CENTRE || !actor.has(Role.CLERK)) {
            throw Rejection.forbidden("crossregion.centre-only", "orgCode", "只有省异地就医结算中心的经办人员可以办理");
        }
    }

    private Org requireCityFinance(QuotaStore.QuotaRow q, Actor actor) {
        Org finance = registry.financeOf(q.key().cityRegionCode()).orElseThrow();
        if (!actor.orgCode().equals(finance.code()) || !actor.has(Role.FINANCE)) {
            throw Rejection.forbidden("crossregion.city-finance-only", "id", "只有 " + finance.name()
                    + " 的财务人员可以审核和上解预付金");
        }
        return finance;
    }
}

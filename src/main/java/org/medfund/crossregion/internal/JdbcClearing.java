package org.medfund.crossregion.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import org.medfund.calendar.BusinessCalendar;
import org.medfund.calendar.Due;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.ClearingDirection;
import org.medfund.crossregion.ClearingFileRejection;
import org.medfund.crossregion.ClearingKind;
import org.medfund.crossregion.ClearingState;
import org.medfund.crossregion.CrossRegionClearing;
import org.medfund.crossregion.ObligationKind;
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
 * Guizhou clearing (guizhou-2017 附件一 三, 附件二 二(二)(三)) on the settled visits of the direct settlement: the
 * national messages 3260/3261/3262 between a treatment and an insured region, the monthly cross-province clearing
 * (confirmed, submitted, paid: the centre writes its prepayment to the other province down, 附件二 二(二)4) and the
 * quarterly in-province clearing (issued, confirmed by the city with the county and city entries of 附件二 二(二)1-2,
 * or by the province agency for the province's own pool with its entry 二(二)3,
 * written down by the centre, 附件二 二(三)2). Due dates are the annex 1 obligations, marked done by these events.
 */
@Service
class JdbcClearing implements CrossRegionClearing {

    static final String CENTRE_WRITE_DOWN = "crossregion.clearing.centre";
    static final String COUNTY_WRITE_DOWN = "crossregion.clearing.county";
    static final String CITY_OWN_WRITE_DOWN = "crossregion.clearing.city-own";
    static final String CITY_COUNTY_PART = "crossregion.clearing.city-county-part";
    static final String PROVINCE_OWN_WRITE_DOWN = "crossregion.clearing.province-own";
    static final String IN_PROVINCE_WRITE_DOWN = "crossregion.inprovince.clearing";
    static final String CONFIRM = "1";
    static final String REJECT = "0";
    static final String WHOLE_MONTH = "0";
    static final int OTRANSID_MAX = 60;

    private final ClearingStore store;
    private final QuotaStore obligations;
    private final Registry registry;
    private final PolicyPacks packs;
    private final BusinessCalendar calendar;
    private final Ledger ledger;

    JdbcClearing(ClearingStore store, QuotaStore obligations, Registry registry, PolicyPacks packs,
                 BusinessCalendar calendar, Ledger ledger) {
        this.store = store;
        this.obligations = obligations;
        this.registry = registry;
        this.packs = packs;
        this.calendar = calendar;
        this.ledger = ledger;
    }

    // --- 3260 ---

    @Override
    @Transactional(readOnly = true)
    public DetailPage details(int trtYear, int trtMonth, Header header, int page, Actor actor) {
        Region province = requireCentre(actor);
        YearMonth month = month(trtYear, trtMonth);
        Span span = span(header, province);
        if (page < 1) {
            throw new Rejection("crossregion.page-invalid", "page_num", "页码应从 1 开始");
        }
        int total = store.countDetails(month, span.treatment(), span.insured());
        int offset = (page - 1) * PAGE_MAX;
        List<ClearingStore.DetailRow> rows = store.details(month, span.treatment(), span.insured(), offset, PAGE_MAX);
        List<Detail> details = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            details.add(detail(offset + i + 1, rows.get(i)));
        }
        return new DetailPage(trtYear, trtMonth, header, page, total, details);
    }

    private static Detail detail(int seqno, ClearingStore.DetailRow r) {
        return new Detail(seqno, r.treatmentRegion().substring(0, 4) + "00", r.hospital(), r.card(), r.mdtrtId(),
                r.settledOn().atStartOfDay(), r.setlSn(), "0", Money.ofFen(r.totalFen()), Money.ofFen(r.fundFen()),
                r.insuredRegion(), r.cnfmFlag(), r.otransid());
    }

    // --- 3261 ---

    @Override
    @Transactional
    public CallResult confirm(int trtYear, int trtMonth, Header header, String otransid, List<Answer> rows,
                              LocalDate date, Actor actor) {
        Confirmation call = begin(trtYear, trtMonth, header, otransid, date, actor);
        if (call.earlier() != null) {
            return call.earlier();
        }
        if (rows == null || rows.isEmpty()) {
            throw new Rejection("crossregion.rows-missing", "data", "请提供需确认的清分明细");
        }
        if (rows.size() > PAGE_MAX) {
            throw new Rejection("crossregion.too-many-rows", "data", "每次最多确认 " + PAGE_MAX + " 条清分明细，本次 "
                    + rows.size() + " 条");
        }
        List<LineError> errors = check(call.month(), call.span(), rows);
        if (!errors.isEmpty()) {
            LineError first = errors.get(0);
            throw new Rejection("crossregion.answer-invalid", first.field(), first.message());
        }
        return record(call.month(), header, call.id(), rows, date, actor);
    }

    /** A 3261 confirmation (message or file) once its caller, month, span and id are checked. */
    private record Confirmation(YearMonth month, Span span, String id, CallResult earlier) {
    }

    /**
     * What a 3261 call starts with, as a message or as a file: the province centre, the month and span, the message
     * id; an id already recorded answers its first result ({@code earlier}) before the date and period are checked.
     */
    private Confirmation begin(int trtYear, int trtMonth, Header header, String otransid, LocalDate date,
                               Actor actor) {
        Region province = requireCentre(actor);
        YearMonth month = month(trtYear, trtMonth);
        Span span = span(header, province);
        String id = otransid(otransid);
        Optional<ClearingStore.CallRow> earlier = store.call(id);
        if (earlier.isPresent()) {
            return new Confirmation(month, span, id, repeated(earlier.get(), month, header));
        }
        requireDate(date);
        requireOpen(province, month);
        return new Confirmation(month, span, id, null);
    }

    private CallResult record(YearMonth month, Header header, String id, List<Answer> rows, LocalDate date,
                              Actor actor) {
        int confirmed = (int) rows.stream().filter(r -> CONFIRM.equals(r.cnfmFlag())).count();
        store.insertCall(new ClearingStore.CallRow(id, month, header.mdtrtareaAdmvs(), header.insuplcAdmdvs(),
                confirmed, rows.size() - confirmed, null), date, actor.userId());
        for (Answer r : rows) {
            store.insertAnswer(r.setlSn(), month, id, r.cnfmFlag());
        }
        return new CallResult(id, confirmed, rows.size() - confirmed, 0);
    }

    /** Every row's error, numbered from 1 as the rows (or file lines after the header) are. */
    private List<LineError> check(YearMonth month, Span span, List<Answer> rows) {
        List<LineError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < rows.size(); i++) {
            Answer r = rows.get(i);
            String field = "data[" + i + "]";
            if (r == null || r.setlSn() == null || r.setlSn().isBlank()) {
                errors.add(new LineError(i + 1, field + ".setl_sn", "第 " + (i + 1) + " 条缺少结算流水号"));
                continue;
            }
            if (!CONFIRM.equals(r.cnfmFlag()) && !REJECT.equals(r.cnfmFlag())) {
                errors.add(new LineError(i + 1, field + ".cnfm_flag", "第 " + (i + 1) + " 条确认标志应为 1（确认）或 0（拒绝）"));
                continue;
            }
            Optional<ClearingStore.DetailRow> d = store.detail(r.setlSn());
            if (d.isEmpty() || !YearMonth.from(d.get().settledOn()).equals(month)
                    || !d.get().treatmentRegion().startsWith(span.treatment())
                    || !d.get().insuredRegion().startsWith(span.insured())) {
                errors.add(new LineError(i + 1, field + ".setl_sn", "第 " + (i + 1) + " 条结算流水号 " + r.setlSn()
                        + " 不是本月该就医地、参保地之间的清分明细"));
            } else if (r.mdtrtId() != null && !r.mdtrtId().isBlank() && !r.mdtrtId().equals(d.get().mdtrtId())) {
                errors.add(new LineError(i + 1, field + ".mdtrt_id", "第 " + (i + 1) + " 条就诊登记号与结算流水号 "
                        + r.setlSn() + " 不符"));
            } else if (d.get().cnfmFlag() != null || !seen.add(r.setlSn())) {
                errors.add(new LineError(i + 1, field + ".setl_sn", "第 " + (i + 1) + " 条结算流水号 " + r.setlSn()
                        + " 已确认过（如需更改请先回退）"));
            }
        }
        return errors;
    }

    private static CallResult repeated(ClearingStore.CallRow call, YearMonth month, Header header) {
        if (!call.month().equals(month) || !call.mdtrtarea().equals(header.mdtrtareaAdmvs())
                || !call.insuplc().equals(header.insuplcAdmdvs())) {
            throw Rejection.conflict("crossregion.otransid-reused", "otransid", "报文编号 " + call.otransid()
                    + " 已用于 " + call.month() + " 的另一笔清分确认");
        }
        return new CallResult(call.otransid(), call.confirmed(), call.rejected(), 0);
    }

    // --- 3262 ---

    @Override
    @Transactional
    public CallResult rollback(int trtYear, int trtMonth, Header header, String otransid, LocalDate date,
                               Actor actor) {
        Region province = requireCentre(actor);
        YearMonth month = month(trtYear, trtMonth);
        Span span = span(header, province);
        String id = otransid(otransid);
        requireDate(date);
        requireOpen(province, month);
        if (WHOLE_MONTH.equals(id)) {
            List<String> calls = store.activeCalls(month, span.treatment(), span.insured());
            int rows = store.rollBackMonth(month, span.treatment(), span.insured());
            calls.forEach(c -> store.markRolledBack(c, date, actor.userId()));
            return new CallResult(WHOLE_MONTH, 0, 0, rows);
        }
        ClearingStore.CallRow call = store.call(id).filter(c -> c.month().equals(month))
                .orElseThrow(() -> Rejection.notFound("crossregion.otransid-unknown", "otransid", month
                        + " 没有报文编号为 " + id + " 的清分确认"));
        if (!call.mdtrtarea().startsWith(span.treatment()) || !call.insuplc().startsWith(span.insured())) {
            throw new Rejection("crossregion.otransid-unknown", "otransid", "报文编号 " + id + " 不属于该就医地、参保地");
        }
        return new CallResult(id, 0, 0, store.rollBackCall(id, date, actor.userId()));
    }

    // --- files ---

    @Override
    @Transactional
    public CallResult importAnswers(int trtYear, int trtMonth, Header header, String otransid, String csv,
                                    LocalDate date, Actor actor) {
        Confirmation call = begin(trtYear, trtMonth, header, otransid, date, actor);
        if (call.earlier() != null) {
            return call.earlier();
        }
        ClearingFile.Parsed parsed = ClearingFile.parse(csv);
        List<LineError> errors = new ArrayList<>(parsed.errors());
        if (errors.isEmpty() && parsed.rows().size() > PAGE_MAX) {
            errors.add(new LineError(0, "file", "每个文件最多 " + PAGE_MAX + " 条清分确认，本文件 " + parsed.rows().size()
                    + " 条"));
        }
        if (errors.isEmpty()) {
            check(call.month(), call.span(), parsed.rows()).stream().map(e -> new LineError(e.line() + 1, e.field()
                    .replaceFirst("data\\[\\d+]\\.", ""), e.message())).forEach(errors::add);
        }
        if (!errors.isEmpty()) {
            throw new ClearingFileRejection(errors);
        }
        return record(call.month(), header, call.id(), parsed.rows(), date, actor);
    }

    @Override
    @Transactional(readOnly = true)
    public String exportDetails(int trtYear, int trtMonth, Header header, Actor actor) {
        Region province = requireCentre(actor);
        YearMonth month = month(trtYear, trtMonth);
        Span span = span(header, province);
        int total = store.countDetails(month, span.treatment(), span.insured());
        List<Detail> all = new ArrayList<>();
        for (int offset = 0; offset < total; offset += PAGE_MAX) {
            List<ClearingStore.DetailRow> rows = store.details(month, span.treatment(), span.insured(), offset,
                    PAGE_MAX);
            for (int i = 0; i < rows.size(); i++) {
                all.add(detail(offset + i + 1, rows.get(i)));
            }
        }
        return ClearingFile.write(all);
    }

    // --- the monthly cross-province clearing (附件一 三(一), 附件二 二(二)4) ---

    @Override
    public boolean clearsFromDetails(String provinceCode, YearMonth month) {
        return packs.find(provinceCode, month.atDay(1), NationalClearingRegime.RULE).map(NationalClearingRegime::of)
                .map(regime -> !regime.booksOutbound()).orElse(true);
    }

    @Override
    @Transactional
    public List<Clearing> clearMonth(int year, int month, LocalDate date, Actor actor) {
        Region province = requireCentre(actor);
        YearMonth m = month(year, month);
        requireDate(date);
        requireDetailClearing(province, m, "month");
        List<ClearingStore.ClearingRow> present = store.clearingsOf(ClearingKind.MONTH, province.code(), m.atDay(1),
                false);
        if (!present.isEmpty()) {
            return present.stream().map(this::view).toList();
        }
        if (!date.isAfter(m.atEndOfMonth())) {
            throw new Rejection("crossregion.month-not-over", "date", m + " 尚未结束，不能确认该月清算");
        }
        String p = prefix(province.code());
        List<ClearingStore.DetailRow> rows = new ArrayList<>();
        rows.addAll(allDetails(m, "", p).stream().filter(r -> !r.treatmentRegion().startsWith(p)).toList());
        rows.addAll(allDetails(m, p, "").stream().filter(r -> !r.insuredRegion().startsWith(p)).toList());
        long open = rows.stream().filter(r -> r.cnfmFlag() == null).count();
        if (open > 0) {
            throw Rejection.conflict("crossregion.clearing-unanswered", "date", m + " 尚有 " + open
                    + " 条清分明细未确认或拒绝（3261），不能确认该月清算");
        }
        Map<List<String>, List<ClearingStore.DetailRow>> groups = new LinkedHashMap<>();
        for (ClearingStore.DetailRow r : rows) {
            boolean pay = r.insuredRegion().startsWith(p);
            String city = cityOf(pay ? r.insuredRegion() : r.treatmentRegion());
            String counterpart = provinceOf(pay ? r.treatmentRegion() : r.insuredRegion());
            groups.computeIfAbsent(List.of(city, counterpart, pay ? "PAY" : "RECEIVE"), k -> new ArrayList<>()).add(r);
        }
        Resolved rule = packs.resolve(province.code(), m.atDay(1), ObligationKind.MONTHLY_CLEARING_DOWNLOAD.rule());
        List<Clearing> made = new ArrayList<>();
        for (Map.Entry<List<String>, List<ClearingStore.DetailRow>> g : groups.entrySet()) {
            List<ClearingStore.DetailRow> confirmed = g.getValue().stream()
                    .filter(r -> CONFIRM.equals(r.cnfmFlag())).toList();
            if (confirmed.isEmpty()) {
                continue;
            }
            ClearingDirection direction = ClearingDirection.valueOf(g.getKey().get(2));
            Money amount = Money.ofFen(confirmed.stream().mapToLong(ClearingStore.DetailRow::fundFen).sum());
            Derivation derivation = new Derivation("Σ 已确认清分明细的经办机构支付总额（" + direction.label() + "）",
                    List.of(new Derivation.Input("清分明细条数", String.valueOf(g.getValue().size())),
                            new Derivation.Input("确认条数", String.valueOf(confirmed.size())),
                            new Derivation.Input("拒绝条数", String.valueOf(g.getValue().size() - confirmed.size())),
                            new Derivation.Input("清算月份", m.toString())),
                    rule.citation(), amount);
            String id = "CRC-" + m + "-" + (direction == ClearingDirection.PAY ? "P" : "R") + "-" + g.getKey().get(0)
                    + "-" + g.getKey().get(1);
            ClearingStore.ClearingRow row = new ClearingStore.ClearingRow(id, ClearingKind.MONTH, g.getKey().get(0),
                    g.getKey().get(1), direction, m.atDay(1), m.atEndOfMonth(), amount.fen(), confirmed.size(),
                    derivation, ClearingState.CONFIRMED, date, null, null, null);
            store.insertClearing(row, province.code(), actor.userId());
            made.add(view(row));
        }
        Org centre = centreOf(province);
        done(ObligationKind.MONTHLY_CLEARING_DOWNLOAD, m.plusMonths(1), centre.code(), "", date, actor);
        return made;
    }

    private List<ClearingStore.DetailRow> allDetails(YearMonth m, String treatment, String insured) {
        int total = store.countDetails(m, treatment, insured);
        List<ClearingStore.DetailRow> all = new ArrayList<>();
        for (int offset = 0; offset < total; offset += 1000) {
            all.addAll(store.details(m, treatment, insured, offset, 1000));
        }
        return all;
    }

    @Override
    @Transactional
    public List<Clearing> submitMonth(int year, int month, LocalDate date, Actor actor) {
        Region province = requireCentre(actor);
        YearMonth m = month(year, month);
        requireDate(date);
        List<ClearingStore.ClearingRow> rows = monthRows(province, m, ClearingState.CONFIRMED, date,
                ClearingStore.ClearingRow::submittedOn);
        for (ClearingStore.ClearingRow r : rows) {
            if (r.state() == ClearingState.CONFIRMED) {
                store.step(r.id(), ClearingState.CONFIRMED, ClearingState.SUBMITTED, "submitted_on", date);
            }
        }
        Org centre = centreOf(province);
        done(ObligationKind.MONTHLY_CLEARING_TO_FINANCE, m.plusMonths(1), centre.code(), "", date, actor);
        Resolved within = packs.resolve(province.code(), date, ObligationKind.MONTHLY_CLEARING_PAY.rule());
        Due due = calendar.dueAfterWorkingDays(date, within.parameter().integer());
        obligations.ensureObligation(ObligationKind.MONTHLY_CLEARING_PAY, m.plusMonths(1),
                financeOf(province).code(), "", due.date(), due.basis());
        return reread(rows);
    }

    @Override
    @Transactional
    public List<Clearing> payMonth(int year, int month, LocalDate date, Actor actor) {
        Org own = registry.requireOrg(actor.orgCode(), "orgCode");
        Region province = registry.region(own.regionCode()).filter(r -> r.level() == RegionLevel.PROVINCE)
                .orElse(null);
        if (province == null || own.kind() != OrgKind.FINANCE || !actor.has(Role.FINANCE)) {
            throw Rejection.forbidden("crossregion.province-finance-only", "orgCode",
                    "只有省级财政部门的财务人员可以完成跨省清算资金划拨");
        }
        YearMonth m = month(year, month);
        requireDate(date);
        List<ClearingStore.ClearingRow> rows = monthRows(province, m, ClearingState.SUBMITTED, date,
                ClearingStore.ClearingRow::doneOn);
        Org centre = centreOf(province);
        for (ClearingStore.ClearingRow r : rows) {
            if (r.state() != ClearingState.SUBMITTED) {
                continue;
            }
            if (r.direction() == ClearingDirection.PAY) {
                Org cityAgency = registry.agencyOf(r.city()).orElseThrow(() -> new IllegalStateException(
                        "no agency of " + r.city()));
                Org other = centreOf(registry.requireRegion(r.counterpart(), "counterpart"));
                ledger.openBook(centre.code());
                ledger.post(new BusinessEvent(CENTRE_WRITE_DOWN, r.id(), date, m, Money.ofFen(r.amountFen()),
                        Map.of("centre", centre.code(), "city-agency", cityAgency.code(), "other-province",
                                other.code()), null, "crossregion-clearing", r.id(), packId(r.derivation()),
                        "guizhou-2017 附件一 三(一)、附件二 二(二)4", name(r.city()) + " " + m + " 跨省异地就医费用清算"
                        + "（" + name(r.counterpart()) + "）冲销预付金"));
            }
            store.step(r.id(), ClearingState.SUBMITTED, ClearingState.PAID, "done_on", date);
        }
        done(ObligationKind.MONTHLY_CLEARING_PAY, m.plusMonths(1), own.code(), "", date, actor);
        return reread(rows);
    }

    /** The month's clearings for a step: all in {@code from}, or all done on the same date already. */
    private List<ClearingStore.ClearingRow> monthRows(Region province, YearMonth m, ClearingState from,
                                                      LocalDate date,
                                                      Function<ClearingStore.ClearingRow, LocalDate> doneOn) {
        List<ClearingStore.ClearingRow> rows = store.clearingsOf(ClearingKind.MONTH, province.code(), m.atDay(1),
                true);
        if (rows.isEmpty()) {
            throw Rejection.notFound("crossregion.clearing-unknown", "month", m + " 尚未确认跨省清算");
        }
        for (ClearingStore.ClearingRow r : rows) {
            // The step done on the same date before (whatever came after) answers again.
            boolean repeat = date.equals(doneOn.apply(r));
            if (r.state() != from && !repeat) {
                throw Rejection.conflict("crossregion.clearing-state", "month", m + " 跨省清算当前为「"
                        + r.state().label() + "」，此步骤需要「" + from.label() + "」");
            }
            LocalDate previous = from == ClearingState.SUBMITTED ? r.submittedOn() : r.madeOn();
            if (!repeat && date.isBefore(previous)) {
                throw new Rejection("crossregion.dates-reversed", "date", "日期不能早于上一步骤 " + previous);
            }
        }
        return rows;
    }

    // --- the quarterly in-province clearing (附件一 三(二), 附件二 二(二)1-3、二(三)2) ---

    @Override
    @Transactional
    public List<Clearing> issueQuarter(String provinceCode, int year, int quarter, LocalDate date, Actor actor) {
        Region province = requireCentre(actor);
        if (!province.code().equals(provinceCode)) {
            throw Rejection.forbidden("crossregion.out-of-scope", "provinceCode", "只能办理本省的省内清算");
        }
        if (year < JdbcQuotas.YEAR_MIN || year > JdbcQuotas.YEAR_MAX || quarter < 1 || quarter > 4) {
            throw new Rejection("crossregion.quarter-invalid", "quarter", "年度或季度无效");
        }
        requireDate(date);
        YearMonth first = YearMonth.of(year, (quarter - 1) * 3 + 1);
        LocalDate from = first.atDay(1);
        LocalDate to = first.plusMonths(2).atEndOfMonth();
        requireDetailClearing(province, first, "quarter");
        List<ClearingStore.ClearingRow> present = store.clearingsOf(ClearingKind.QUARTER, province.code(), from,
                false);
        if (!present.isEmpty()) {
            return present.stream().map(this::view).toList();
        }
        if (!date.isAfter(to)) {
            throw new Rejection("crossregion.quarter-not-over", "date", year + " 年第 " + quarter
                    + " 季度尚未结束，不能生成省内清算");
        }
        for (int i = 0; i < 3; i++) {
            YearMonth m = first.plusMonths(i);
            if (store.clearingsOf(ClearingKind.MONTH, province.code(), m.atDay(1), false).isEmpty()
                    && countCrossProvince(province, m) > 0) {
                throw Rejection.conflict("crossregion.month-not-cleared", "quarter", m
                        + " 的跨省清算尚未确认，不能生成省内季度清算");
            }
        }
        String p = prefix(province.code());
        Resolved rule = packs.resolve(province.code(), from, ObligationKind.QUARTERLY_CLEARING_PUBLISH.rule());
        YearMonth next = first.plusMonths(3);
        Org centre = centreOf(province);
        List<Clearing> made = new ArrayList<>();
        for (Region city : registry.descendants(province.code()).stream()
                .filter(r -> r.level() == RegionLevel.CITY).toList()) {
            List<String> regions = new ArrayList<>(List.of(city.code()));
            registry.descendants(city.code()).forEach(r -> regions.add(r.code()));
            Map<String, long[]> parts = new TreeMap<>();
            store.crossProvinceByRegion(regions, p, from, to)
                    .forEach(r -> parts.computeIfAbsent(r.insuredRegion(), k -> new long[2])[0] += r.crossFen());
            store.inProvinceByRegion(regions, p, from, to)
                    .forEach(r -> parts.computeIfAbsent(r.insuredRegion(), k -> new long[2])[1] += r.inProvinceFen());
            long cross = parts.values().stream().mapToLong(v -> v[0]).sum();
            long inProvince = parts.values().stream().mapToLong(v -> v[1]).sum();
            if (cross + inProvince == 0) {
                continue;
            }
            Money amount = Money.ofFen(cross + inProvince);
            Derivation derivation = new Derivation("跨省异地就医已清算金额 + 省内异地就医统筹基金支付金额",
                    List.of(Derivation.Input.money("跨省异地就医（已确认清分）", Money.ofFen(cross)),
                            Derivation.Input.money("省内异地就医", Money.ofFen(inProvince)),
                            new Derivation.Input("清算期间", from + " 至 " + to),
                            new Derivation.Input("涉及统筹区数", String.valueOf(parts.size()))),
                    rule.citation(), amount);
            String id = "CRI-" + city.code() + "-" + year + "Q" + quarter;
            ClearingStore.ClearingRow row = new ClearingStore.ClearingRow(id, ClearingKind.QUARTER, city.code(),
                    province.code(), ClearingDirection.PAY, from, to, amount.fen(), parts.size(), derivation,
                    ClearingState.ISSUED, date, null, null, null);
            store.insertClearing(row, province.code(), actor.userId());
            parts.forEach((region, v) -> store.insertPart(id, new ClearingStore.PartRow(region, v[0], v[1])));
            Optional<Resolved> post = packs.find(city.code(), next.atDay(1),
                    ObligationKind.QUARTERLY_CLEARING_POST.rule());
            if (post.isPresent()) {
                Due due = calendar.due(post.get().parameter().deadline(), next);
                obligations.ensureObligation(ObligationKind.QUARTERLY_CLEARING_POST, next, centre.code(),
                        city.code(), due.date(), due.basis());
            }
            made.add(view(row));
        }
        done(ObligationKind.QUARTERLY_CLEARING_PUBLISH, next, centre.code(), "", date, actor);
        return made;
    }

    private int countCrossProvince(Region province, YearMonth m) {
        String p = prefix(province.code());
        return (int) (allDetails(m, "", p).stream().filter(r -> !r.treatmentRegion().startsWith(p)).count()
                + allDetails(m, p, "").stream().filter(r -> !r.insuredRegion().startsWith(p)).count());
    }

    @Override
    @Transactional
    public Clearing confirmQuarter(String clearingId, LocalDate date, Actor actor) {
        ClearingStore.ClearingRow c = locked(clearingId, actor);
        Org cityAgency = registry.agencyOf(c.city()).orElseThrow();
        if (!actor.orgCode().equals(cityAgency.code()) || !actor.has(Role.CLERK)) {
            throw Rejection.forbidden("crossregion.city-agency-only", "id", "只有 " + cityAgency.name()
                    + " 的经办人员可以确认省内清算");
        }
        if (c.kind() != ClearingKind.QUARTER) {
            throw Rejection.conflict("crossregion.clearing-state", "id", "只有省内季度清算由市州确认");
        }
        if (repeat(c, ClearingState.ISSUED, date, c.doneOn())) {
            return view(c);
        }
        checkAfter(date, c.madeOn());
        Region province = registry.requireRegion(c.counterpart(), "id");
        Org centre = centreOf(province);
        YearMonth period = YearMonth.from(c.to());
        String pack = packId(c.derivation());
        String article = "guizhou-2017 附件一 三(二)2、附件二 二(二)";
        List<BusinessEvent> events = new ArrayList<>();
        ledger.openBook(cityAgency.code());
        ledger.openBook(centre.code());
        for (ClearingStore.PartRow part : store.parts(c.id())) {
            Money amount = Money.ofFen(part.crossFen() + part.inProvinceFen());
            String memo = name(part.insuredRegion()) + " " + c.from() + " 至 " + c.to() + " 异地就医费用清算冲销预付金";
            if (part.insuredRegion().equals(c.city())) {
                events.add(ownWriteDown(c, cityAgency, centre, date, amount, pack, memo));
                continue;
            }
            Org county = registry.agencyOf(part.insuredRegion()).orElseThrow(() -> new IllegalStateException(
                    "no agency of " + part.insuredRegion()));
            ledger.openBook(county.code());
            events.add(new BusinessEvent(COUNTY_WRITE_DOWN, c.id() + ":" + part.insuredRegion(), date, period,
                    amount, Map.of("county-agency", county.code(), "centre", centre.code()), null,
                    "crossregion-clearing", c.id(), pack, article, memo));
            events.add(new BusinessEvent(CITY_COUNTY_PART, c.id() + ":" + part.insuredRegion() + ":city", date,
                    period, amount, Map.of("city-agency", cityAgency.code(), "county-agency", county.code(),
                    "centre", centre.code()), null, "crossregion-clearing", c.id(), pack, article, memo));
        }
        ledger.postAll(events);
        store.step(c.id(), ClearingState.ISSUED, ClearingState.CITY_CONFIRMED, "done_on", date);
        done(ObligationKind.QUARTERLY_CLEARING_CONFIRM, YearMonth.from(c.to()).plusMonths(1), cityAgency.code(), "",
                date, actor);
        return view(store.clearing(c.id(), false).orElseThrow());
    }

    /**
     * The insured region's own part of its quarterly clearing: a city's entry 附件二 二(二)2 (its own insured, 市州级), or
     * for the province's own pool (省本级) the province agency's entry 二(二)3 (医保费用支出—省本级 / 暂付款—异地就医款
     * （省本级）), posted at the same event, the city's (here the province agency's) confirmation of 附件一 三(二)2.
     */
    private BusinessEvent ownWriteDown(ClearingStore.ClearingRow c, Org agency, Org centre, LocalDate date,
                                       Money amount, String pack, String memo) {
        boolean provinceLevel = registry.isProvinceLevel(c.city());
        return new BusinessEvent(provinceLevel ? PROVINCE_OWN_WRITE_DOWN : CITY_OWN_WRITE_DOWN, c.id() + ":" + c.city(),
                date, YearMonth.from(c.to()), amount, Map.of(provinceLevel ? "province-agency" : "city-agency",
                agency.code(), "centre", centre.code()), null, "crossregion-clearing", c.id(), pack,
                "guizhou-2017 附件一 三(二)2、附件二 二(二)" + (provinceLevel ? "3" : ""), memo);
    }

    @Override
    @Transactional
    public Clearing postQuarter(String clearingId, LocalDate date, Actor actor) {
        ClearingStore.ClearingRow c = locked(clearingId, actor);
        Region province = requireCentre(actor);
        if (c.kind() != ClearingKind.QUARTER || !c.counterpart().equals(province.code())) {
            throw Rejection.conflict("crossregion.clearing-state", "id", "只有本省的省内季度清算由省级冲销");
        }
        if (repeat(c, ClearingState.CITY_CONFIRMED, date, c.postedOn())) {
            return view(c);
        }
        checkAfter(date, c.doneOn());
        Org centre = centreOf(province);
        Org cityAgency = registry.agencyOf(c.city()).orElseThrow();
        long inProvince = store.parts(c.id()).stream().mapToLong(ClearingStore.PartRow::inProvinceFen).sum();
        if (inProvince > 0) {
            ledger.post(new BusinessEvent(IN_PROVINCE_WRITE_DOWN, c.id() + ":centre", date, YearMonth.from(c.to()),
                    Money.ofFen(inProvince), Map.of("centre", centre.code(), "city-agency", cityAgency.code()), null,
                    "crossregion-clearing", c.id(), packId(c.derivation()), "guizhou-2017 附件一 三(二)3、附件二 二(三)2",
                    name(c.city()) + " " + c.from() + " 至 " + c.to() + " 省内异地就医清算冲销预付金"));
        }
        store.step(c.id(), ClearingState.CITY_CONFIRMED, ClearingState.POSTED, "posted_on", date);
        done(ObligationKind.QUARTERLY_CLEARING_POST, YearMonth.from(c.to()).plusMonths(1), centre.code(), c.city(),
                date, actor);
        return view(store.clearing(c.id(), false).orElseThrow());
    }

    private static boolean repeat(ClearingStore.ClearingRow c, ClearingState from, LocalDate date,
                                  LocalDate doneOn) {
        if (date != null && date.equals(doneOn)) {
            return true;
        }
        if (c.state() != from) {
            throw Rejection.conflict("crossregion.clearing-state", "id", "清算 " + c.id() + " 当前为「"
                    + c.state().label() + "」，此步骤需要「" + from.label() + "」");
        }
        return false;
    }

    private static void checkAfter(LocalDate date, LocalDate previous) {
        requireDate(date);
        if (previous != null && date.isBefore(previous)) {
            throw new Rejection("crossregion.dates-reversed", "date", "日期不能早于上一步骤 " + previous);
        }
    }

    // --- reads ---

    @Override
    @Transactional(readOnly = true)
    public Clearing clearing(String clearingId, Actor actor) {
        return view(visible(clearingId, actor, false));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Clearing> clearings(LocalDate from, LocalDate to, Actor actor) {
        if (from == null || to == null || to.isBefore(from)) {
            throw new Rejection("crossregion.dates-reversed", "to", "请给出起止日期，截止日期不能早于开始日期");
        }
        return store.clearings(from, to).stream().filter(c -> registry.canSeeRegion(actor, c.city()))
                .map(this::view).toList();
    }

    private ClearingStore.ClearingRow locked(String clearingId, Actor actor) {
        return visible(clearingId, actor, true);
    }

    private ClearingStore.ClearingRow visible(String clearingId, Actor actor, boolean lock) {
        return store.clearing(clearingId == null ? "" : clearingId, lock)
                .filter(c -> registry.canSeeRegion(actor, c.city()))
                .orElseThrow(() -> Rejection.notFound("crossregion.clearing-unknown", "id", "没有编号为 " + clearingId
                        + " 的清算"));
    }

    private List<Clearing> reread(List<ClearingStore.ClearingRow> rows) {
        return rows.stream().map(r -> view(store.clearing(r.id(), false).orElseThrow())).toList();
    }

    private Clearing view(ClearingStore.ClearingRow c) {
        List<Part> parts = store.parts(c.id()).stream().map(p -> new Part(p.insuredRegion(), name(p.insuredRegion()),
                Money.ofFen(p.crossFen()), Money.ofFen(p.inProvinceFen()))).toList();
        return new Clearing(c.id(), c.kind(), c.city(), name(c.city()), c.counterpart(), name(c.counterpart()),
                c.direction(), c.from(), c.to(), Money.ofFen(c.amountFen()), c.count(), c.derivation(), c.state(),
                c.madeOn(), c.submittedOn(), c.doneOn(), c.postedOn(), parts);
    }

    // --- helpers ---

    /** The header's two regions as code prefixes; one of them in the caller's province, the other outside. */
    private record Span(String treatment, String insured) {
    }

    private Span span(Header header, Region province) {
        if (header == null) {
            throw new Rejection("crossregion.region-unknown", "mdtrtarea_admvs", "请填写就医地医保区划");
        }
        Region treatment = region(header.mdtrtareaAdmvs(), "mdtrtarea_admvs", "就医地医保区划");
        Region insured = region(header.insuplcAdmdvs(), "insuplc_admdvs", "参保地医保区划");
        String p = prefix(province.code());
        boolean ours = treatment.code().startsWith(p) || insured.code().startsWith(p);
        if (!ours) {
            throw Rejection.forbidden("crossregion.out-of-scope", "insuplc_admdvs", "就医地和参保地都不在本省，无权提取清分明细");
        }
        if (treatment.code().substring(0, 2).equals(insured.code().substring(0, 2))) {
            throw new Rejection("crossregion.not-cross-province", "insuplc_admdvs",
                    "就医地与参保地在同一省内，不属于跨省异地就医清分");
        }
        return new Span(prefix(treatment.code()), prefix(insured.code()));
    }

    private Region region(String code, String field, String what) {
        return registry.region(code == null ? "" : code).orElseThrow(() -> new Rejection("crossregion.region-unknown",
                field, "未知" + what + " " + code));
    }

    /** 520000 → 52, 520100 → 5201, 520102 → 520102: the codes a region covers begin so. */
    static String prefix(String code) {
        return code.endsWith("0000") ? code.substring(0, 2) : code.endsWith("00") ? code.substring(0, 4) : code;
    }

    private static String cityOf(String region) {
        return region.substring(0, 4) + "00";
    }

    private static String provinceOf(String region) {
        return region.substring(0, 2) + "0000";
    }

    private static YearMonth month(int year, int month) {
        if (year < JdbcQuotas.YEAR_MIN || year > JdbcQuotas.YEAR_MAX) {
            throw new Rejection("crossregion.year-invalid", "trt_year", "年度应在 " + JdbcQuotas.YEAR_MIN + " 至 "
                    + JdbcQuotas.YEAR_MAX + " 之间");
        }
        if (month < 1 || month > 12) {
            throw new Rejection("crossregion.month-invalid", "trt_month", "月份应为 1 至 12");
        }
        return YearMonth.of(year, month);
    }

    private static String otransid(String otransid) {
        if (otransid == null || otransid.isBlank() || otransid.length() > OTRANSID_MAX) {
            throw new Rejection("crossregion.otransid-missing", "otransid", "请填写报文编号（不超过 " + OTRANSID_MAX
                    + " 个字符）");
        }
        return otransid.strip();
    }

    private static void requireDate(LocalDate date) {
        if (date == null) {
            throw new Rejection("crossregion.date-missing", "date", "请填写日期");
        }
    }

    private void requireOpen(Region province, YearMonth month) {
        if (store.monthClosed(province.code(), month)) {
            throw Rejection.conflict("crossregion.clearing-closed", "trt_month", month
                    + " 的跨省清算已确认，清分结果不能再确认或回退");
        }
    }

    private void requireDetailClearing(Region province, YearMonth month, String field) {
        if (!clearsFromDetails(province.code(), month)) {
            throw Rejection.conflict("crossregion.clearing-other-regime", field, province.name()
                    + "的异地就医费用不按 3261 清分明细清算：跨省按全国异地就医费用清算明细办理（全国跨省异地就医清算收付），"
                    + "省内按月度清结算办理（异地就医月度清结算）");
        }
    }

    private Region requireCentre(Actor actor) {
        Org own = registry.requireOrg(actor.orgCode(), "orgCode");
        if (own.kind() != OrgKind.SETTLEMENT_CENTRE || !actor.has(Role.CLERK)) {
            throw Rejection.forbidden("crossregion.centre-only", "orgCode", "只有省异地就医结算中心的经办人员可以办理清算");
        }
        return registry.requireRegion(own.regionCode(), "orgCode");
    }

    private Org centreOf(Region province) {
        return registry.orgs(province.code(), OrgKind.SETTLEMENT_CENTRE).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no settlement centre in " + province.code()));
    }

    private Org financeOf(Region province) {
        return registry.financeOf(province.code()).orElseThrow(() -> new IllegalStateException("no finance of "
                + province.code()));
    }

    private void done(ObligationKind kind, YearMonth period, String org, String subject, LocalDate date,
                      Actor actor) {
        obligations.obligationId(kind, period, org, subject).ifPresent(id -> obligations.done(id, date,
                actor.userId()));
    }

    private String name(String region) {
        return registry.region(region).map(Region::name).orElse(region);
    }

    private static String packId(Derivation derivation) {
        return derivation.citation().split(",")[0];
    }
}

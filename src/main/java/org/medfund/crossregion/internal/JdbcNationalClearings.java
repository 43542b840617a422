package org.medfund.crossregion.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.medfund.calendar.BusinessCalendar;
import org.medfund.calendar.Due;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.CrossRegionFunding;
import org.medfund.crossregion.NationalClearingLine;
import org.medfund.crossregion.NationalClearingState;
import org.medfund.crossregion.NationalClearings;
import org.medfund.crossregion.NationalDirection;
import org.medfund.crossregion.NationalFileKind;
import org.medfund.crossregion.ObligationKind;
import org.medfund.crossregion.ReservePot;
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
 * The national clearing money on the imported 全国异地就医费用清算明细 (guizhou-2017 附件一 三(一), 附件二 二(二)4 mirrored;
 * henan-2023 四(一), 一(二)(三), 四(二)(三)). Submit groups the month's rows per city, other province, direction and
 * insurance type (one GROUP BY) and, for Henan, charges the insured city's money for its 付款 lines; pay posts each
 * line by its event; a 收款 line's money to the treatment city is a transfer (request id = line id) in transit until
 * the city's agency confirms it. The obligations are the national schedule's (附件一 三(一), reused by henan-2023 四(一)).
 */
@Service
class JdbcNationalClearings implements NationalClearings {

    static final String DOCUMENT = org.medfund.crossregion.NationalClearingNotices.DOCUMENT;
    static final String GZ_WRITE_DOWN = "crossregion.national.receive.write-down";
    static final String GZ_TO_CITY = "crossregion.national.receive.to-city";
    static final String HA_PAY_OUT = "crossregion.national.pay-out";
    static final String HA_RECEIVE_IN = "crossregion.national.receive-in";
    static final String HA_TO_REGION = "crossregion.national.receive.to-region";
    static final String EMPLOYEE_CHARGED = "crossregion.clearing.insured-charged";
    static final String RESIDENT = "390";

    private final NationalClearingStore store;
    private final DocumentStore documents;
    private final QuotaStore obligations;
    private final CrossRegionFunding funding;
    private final Registry registry;
    private final PolicyPacks packs;
    private final BusinessCalendar calendar;
    private final Ledger ledger;

    JdbcNationalClearings(NationalClearingStore store, DocumentStore documents, QuotaStore obligations,
                          CrossRegionFunding funding, Registry registry, PolicyPacks packs,
                          BusinessCalendar calendar, Ledger ledger) {
        this.store = store;
        this.documents = documents;
        this.obligations = obligations;
        this.funding = funding;
        this.registry = registry;
        this.packs = packs;
        this.calendar = calendar;
        this.ledger = ledger;
    }

    // --- submit: the centre confirms the imported detail (附件一 三(一) "下载…并确认，…提交省级财政部门审核") ---

    @Override
    @Transactional
    public List<NationalClearingLine> submit(YearMonth month, LocalDate date, Actor actor) {
        Org centre = requireCentre(actor);
        Region province = registry.requireRegion(centre.regionCode(), "orgCode");
        requireMonth(month);
        requireDate(date);
        Resolved rule = regime(province, month);
        NationalClearingRegime regime = NationalClearingRegime.of(rule);
        List<NationalClearingStore.LineRow> present = store.lines(province.code(), month, false);
        if (!present.isEmpty()) {
            return present.stream().map(this::view).toList();
        }
        if (!date.isAfter(month.atEndOfMonth())) {
            throw new Rejection("crossregion.month-not-over", "date", month + " 尚未结束，不能确认该月跨省清算");
        }
        DocumentStore.ImportRow file = documents.importOf(NationalFileKind.CLEARING_DETAIL, province.code(),
                month.toString()).orElseThrow(() -> Rejection.conflict("crossregion.national-detail-missing", "month",
                "尚未导入 " + month + " 的全国异地就医费用清算明细"));
        Map<String, Money> residentOut = new TreeMap<>();
        List<NationalClearingStore.LineRow> made = new ArrayList<>();
        for (NationalClearingStore.Group g : store.groups(file.id())) {
            if (g.direction() == NationalDirection.OUTBOUND && !regime.booksOutbound()) {
                continue;
            }
            NationalClearingStore.LineRow line = new NationalClearingStore.LineRow(id(month, g), file.id(), month,
                    g.city(), g.direction(), g.counterpart(), g.insuranceType(), g.rows(), g.medicalFee(),
                    g.fundPay(), QuotaStore.derivationText(derivation(g, file, month, rule)),
                    NationalClearingState.SUBMITTED, date, null, null);
            store.insert(line, province.code(), actor.userId());
            made.add(line);
            if (g.direction() == NationalDirection.OUTBOUND && RESIDENT.equals(g.insuranceType())) {
                residentOut.merge(g.city(), g.fundPay(), Money::plus);
            } else if (g.direction() == NationalDirection.OUTBOUND && g.fundPay().isPositive()) {
                chargeEmployee(line, province, date, rule);
            }
        }
        // The resident 付款 of a city is one use of its cross-province pot for the month (henan-2023 一(二)).
        residentOut.forEach((city, amount) -> funding.recordReserveUse(new CrossRegionFunding.ReserveUse(city,
                ReservePot.CROSS_PROVINCE, month, amount, "全国异地就医费用清算明细 " + month + "（" + file.fileName()
                + "）城乡居民医保跨省付款"), date, actor));
        done(ObligationKind.MONTHLY_CLEARING_TO_FINANCE, month.plusMonths(1), centre.code(), date, actor);
        Resolved within = packs.resolve(province.code(), date, ObligationKind.MONTHLY_CLEARING_PAY.rule());
        Due due = calendar.dueAfterWorkingDays(date, within.parameter().integer());
        obligations.ensureObligation(ObligationKind.MONTHLY_CLEARING_PAY, month.plusMonths(1),
                financeOf(province).code(), "", due.date(), due.basis());
        return made.stream().map(this::view).toList();
    }

    private static String id(YearMonth month, NationalClearingStore.Group g) {
        return "NCL-" + month + "-" + (g.direction() == NationalDirection.OUTBOUND ? "P" : "R") + "-" + g.city()
                + "-" + g.counterpart() + (g.insuranceType().isEmpty() ? "" : "-" + g.insuranceType());
    }

    private Derivation derivation(NationalClearingStore.Group g, DocumentStore.ImportRow file, YearMonth month,
                                  Resolved rule) {
        List<Derivation.Input> inputs = new ArrayList<>(List.of(
                new Derivation.Input("全国异地就医费用清算明细", file.fileName() + "（导入编号 " + file.id() + "，"
                        + file.importedOn() + " 导入）"),
                new Derivation.Input("清算月份", month.toString()),
                new Derivation.Input(g.direction().label(), name(g.city()) + (g.direction() == NationalDirection.OUTBOUND
                        ? " 参保人员在 " : " 医疗机构收治 ") + provinceName(g.counterpart())
                        + (g.direction() == NationalDirection.OUTBOUND ? " 就医" : " 参保人员")),
                new Derivation.Input("明细条数", String.valueOf(g.rows())),
                Derivation.Input.money("医疗费总额（Σ medfee_sumamt）", g.medicalFee())));
        if (!g.insuranceType().isEmpty()) {
            inputs.add(new Derivation.Input("险种", typeName(g.insuranceType())));
        }
        return new Derivation("Σ 经办机构支付总额（optins_pay_sumamt）", inputs, rule.citation(), g.fundPay());
    }

    private void chargeEmployee(NationalClearingStore.LineRow line, Region province, LocalDate date,
                                Resolved rule) {
        ledger.post(new BusinessEvent(EMPLOYEE_CHARGED, line.id() + ":charged", date, line.month(), line.fundPay(),
                Map.of("region-finance", financeOf(line.city()).code(), "province-finance",
                        financeOf(province).code()), line.insuranceType(), DOCUMENT, line.id(), rule.packId(),
                "henan-2023 一(三)、四(一)", memo(line, "城镇职工医保跨省异地就医清算使用上解资金（付款 "
                + provinceName(line.counterpart()) + "）")));
    }

    // --- pay: province finance completes the money (附件一 三(一) "完成资金划拨") ---

    @Override
    @Transactional
    public List<NationalClearingLine> pay(YearMonth month, LocalDate date, Actor actor) {
        Org own = registry.requireOrg(actor.orgCode(), "orgCode");
        Region province = registry.region(own.regionCode()).filter(r -> r.level() == RegionLevel.PROVINCE)
                .orElse(null);
        if (province == null || own.kind() != OrgKind.FINANCE || !actor.has(Role.FINANCE)) {
            throw Rejection.forbidden("crossregion.province-finance-only", "orgCode",
                    "只有省级财政部门的财务人员可以完成跨省清算资金收付");
        }
        requireMonth(month);
        requireDate(date);
        Resolved rule = regime(province, month);
        NationalClearingRegime regime = NationalClearingRegime.of(rule);
        List<NationalClearingStore.LineRow> lines = store.lines(province.code(), month, true);
        if (lines.isEmpty()) {
            throw Rejection.notFound("crossregion.national-clearing-unknown", "month", month
                    + " 的全国跨省清算尚未确认提交");
        }
        for (NationalClearingStore.LineRow l : lines) {
            boolean repeat = date.equals(l.paidOn());
            if (l.state() != NationalClearingState.SUBMITTED && !repeat) {
                throw Rejection.conflict("crossregion.national-clearing-state", "month", month + " 的跨省清算当前为「"
                        + l.state().label() + "」，此步骤需要「" + NationalClearingState.SUBMITTED.label() + "」");
            }
            if (!repeat && date.isBefore(l.submittedOn())) {
                throw new Rejection("crossregion.dates-reversed", "date", "日期不能早于提交日期 " + l.submittedOn());
            }
        }
        Org finance = own;
        Org centre = centreOf(province);
        ledger.openBook(finance.code());
        for (NationalClearingStore.LineRow l : lines) {
            if (l.state() != NationalClearingState.SUBMITTED) {
                continue;
            }
            boolean transfer = l.fundPay().isPositive() && l.direction() == NationalDirection.INBOUND;
            if (l.fundPay().isPositive()) {
                List<BusinessEvent> events = regime == NationalClearingRegime.CENTRE_PREPAYMENT
                        ? guizhouReceipt(l, finance, centre, date, rule) : henan(l, finance, date, rule);
                ledger.postAll(events);
            }
            store.step(l.id(), NationalClearingState.SUBMITTED, transfer ? NationalClearingState.IN_TRANSIT
                    : NationalClearingState.DONE, "paid", date, actor.userId());
        }
        done(ObligationKind.MONTHLY_CLEARING_PAY, month.plusMonths(1), finance.code(), date, actor);
        return store.lines(province.code(), month, false).stream().map(this::view).toList();
    }

    /** 附件二 二(二)4 mirrored, then the treatment city's reimbursement (a transfer under the line id). */
    private List<BusinessEvent> guizhouReceipt(NationalClearingStore.LineRow l, Org finance, Org centre,
                                               LocalDate date, Resolved rule) {
        Org cityAgency = agencyOf(l.city());
        Org cityFinance = financeOf(l.city());
        ledger.openBook(centre.code());
        ledger.openBook(cityAgency.code());
        ledger.openBook(cityFinance.code());
        String type = l.insuranceType().isEmpty() ? null : l.insuranceType();
        String article = "guizhou-2017 附件一 三(一)、附件二 二(二)4";
        return List.of(
                new BusinessEvent(GZ_WRITE_DOWN, l.id() + ":write-down", date, l.month(), l.fundPay(), Map.of(
                        "centre", centre.code(), "city-agency", cityAgency.code(), "other-province",
                        otherCentre(l.counterpart())), type, DOCUMENT, l.id(), rule.packId(), article,
                        memo(l, "跨省异地就医费用收款冲减" + provinceName(l.counterpart()) + "预付金")),
                new BusinessEvent(GZ_TO_CITY, l.id(), date, l.month(), l.fundPay(), Map.of(
                        "province-finance", finance.code(), "centre", centre.code(), "city-finance",
                        cityFinance.code(), "city-agency", cityAgency.code()), type, DOCUMENT, l.id(),
                        rule.packId(), article, memo(l, "跨省异地就医费用收款拨付就医地" + name(l.city()))));
    }

    /** henan-2023 四(一)(三): 付款 to the other province out of the insured city's money; 收款 on to the treatment city. */
    private List<BusinessEvent> henan(NationalClearingStore.LineRow l, Org finance, LocalDate date, Resolved rule) {
        String article = "henan-2023 四(一)、四(三)";
        if (l.direction() == NationalDirection.OUTBOUND) {
            return List.of(new BusinessEvent(HA_PAY_OUT, l.id() + ":pay", date, l.month(), l.fundPay(), Map.of(
                    "province-finance", finance.code(), "region-finance", financeOf(l.city()).code(),
                    "other-province", otherCentre(l.counterpart())), l.insuranceType(), DOCUMENT, l.id(),
                    rule.packId(), article, memo(l, "跨省异地就医费用清算付款" + provinceName(l.counterpart()))));
        }
        Org agency = agencyOf(l.city());
        ledger.openBook(agency.code());
        return List.of(
                new BusinessEvent(HA_RECEIVE_IN, l.id() + ":in", date, l.month(), l.fundPay(), Map.of(
                        "province-finance", finance.code(), "region-agency", agency.code(), "other-province",
                        otherCentre(l.counterpart())), l.insuranceType(), DOCUMENT, l.id(), rule.packId(), article,
                        memo(l, "跨省异地就医费用清算收款（" + provinceName(l.counterpart()) + "）")),
                new BusinessEvent(HA_TO_REGION, l.id(), date, l.month(), l.fundPay(), Map.of(
                        "province-finance", finance.code(), "region-agency", agency.code()), l.insuranceType(),
                        DOCUMENT, l.id(), rule.packId(), article, memo(l, "跨省异地就医费用清算收款拨付就医地"
                        + name(l.city()))));
    }

    // --- receive: the treatment city confirms the money (附件一 三(三) 收付款确认) ---

    @Override
    @Transactional
    public NationalClearingLine receive(String lineId, LocalDate date, Actor actor) {
        NationalClearingStore.LineRow l = visible(lineId, actor, true);
        Org agency = agencyOf(l.city());
        if (!actor.orgCode().equals(agency.code()) || !actor.has(Role.CLERK)) {
            throw Rejection.forbidden("crossregion.city-agency-only", "id", "只有 " + agency.name()
                    + " 的经办人员可以确认跨省清算收款到账");
        }
        requireDate(date);
        if (date.equals(l.receivedOn())) {
            return view(l);
        }
        if (l.state() != NationalClearingState.IN_TRANSIT) {
            throw Rejection.conflict("crossregion.national-clearing-state", "id", "清算 " + l.id() + " 当前为「"
                    + l.state().label() + "」，此步骤需要「" + NationalClearingState.IN_TRANSIT.label() + "」");
        }
        if (date.isBefore(l.paidOn())) {
            throw new Rejection("crossregion.dates-reversed", "date", "日期不能早于划拨日期 " + l.paidOn());
        }
        ledger.confirmReceipt(l.id(), date, l.id() + ":receipt");
        store.step(l.id(), NationalClearingState.IN_TRANSIT, NationalClearingState.RECEIVED, "received", date,
                actor.userId());
        return view(store.line(l.id(), false).orElseThrow());
    }

    // --- reads ---

    @Override
    @Transactional(readOnly = true)
    public NationalClearingLine line(String lineId, Actor actor) {
        return view(visible(lineId, actor, false));
    }

    @Override
    @Transactional(readOnly = true)
    public List<NationalClearingLine> lines(YearMonth month, Actor actor) {
        requireMonth(month);
        Org own = registry.org(actor.orgCode()).filter(o -> o.kind() != OrgKind.HOSPITAL).orElse(null);
        if (own == null) {
            return List.of();
        }
        List<Region> lineage = registry.lineage(own.regionCode());
        String province = lineage.get(lineage.size() - 1).code();
        return store.lines(province, month, false).stream().filter(l -> registry.canSeeRegion(actor, l.city()))
                .map(this::view).toList();
    }

    private NationalClearingStore.LineRow visible(String lineId, Actor actor, boolean lock) {
        return store.line(lineId == null ? "" : lineId, lock)
                .filter(l -> registry.org(actor.orgCode()).map(o -> o.kind() != OrgKind.HOSPITAL).orElse(false))
                .filter(l -> registry.canSeeRegion(actor, l.city()))
                .orElseThrow(() -> Rejection.notFound("crossregion.national-clearing-unknown", "id", "没有编号为 "
                        + lineId + " 的跨省清算"));
    }

    private NationalClearingLine view(NationalClearingStore.LineRow l) {
        return new NationalClearingLine(l.id(), l.importId(), l.month(), l.city(), name(l.city()), l.direction(),
                l.counterpart(), provinceName(l.counterpart()), l.insuranceType(),
                l.insuranceType().isEmpty() ? "" : typeName(l.insuranceType()), l.rows(), l.medicalFee(),
                l.fundPay(), QuotaStore.derivation(l.derivation(), l.fundPay().fen()), l.state(),
                new NationalClearingLine.StepDates(l.submittedOn(), l.paidOn(), l.receivedOn()), chargeRequest(l));
    }

    /** The posting that charged the insured city for a henan-2023 付款 line (none for 收款 or Guizhou). */
    private static String chargeRequest(NationalClearingStore.LineRow l) {
        if (l.direction() != NationalDirection.OUTBOUND || !l.fundPay().isPositive()) {
            return null;
        }
        return RESIDENT.equals(l.insuranceType())
                ? JdbcCrossRegionFunding.reserveUseRequest(l.city(), ReservePot.CROSS_PROVINCE, l.month())
                : l.id() + ":charged";
    }

    // --- helpers ---

    private Resolved regime(Region province, YearMonth month) {
        return packs.find(province.code(), month.atDay(1), NationalClearingRegime.RULE).orElseThrow(() ->
                new Rejection("crossregion.no-national-clearing", "month", province.name()
                        + " 的政策未规定全国跨省异地就医清算资金的收付"));
    }

    /** 四(二): every memo names the period, the insurance type and what the money is for. */
    private String memo(NationalClearingStore.LineRow l, String content) {
        String type = l.insuranceType().isEmpty() ? "" : "险种 " + typeName(l.insuranceType()) + "；";
        return "所属期间 " + l.month() + "；" + type + content + "（" + l.id() + "）";
    }

    /** The other province's settlement centre: the registry's, or its conventional code when not registered. */
    private String otherCentre(String provinceCode) {
        return registry.orgs(provinceCode, OrgKind.SETTLEMENT_CENTRE).stream().findFirst().map(Org::code)
                .orElse(provinceCode + "-CENTRE");
    }

    private Org requireCentre(Actor actor) {
        Org own = registry.requireOrg(actor.orgCode(), "orgCode");
        if (own.kind() != OrgKind.SETTLEMENT_CENTRE || !actor.has(Role.CLERK)) {
            throw Rejection.forbidden("crossregion.centre-only", "orgCode", "只有省异地就医结算中心的经办人员可以确认跨省清算");
        }
        return own;
    }

    private Org centreOf(Region province) {
        return registry.orgs(province.code(), OrgKind.SETTLEMENT_CENTRE).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no settlement centre in " + province.code()));
    }

    private Org financeOf(Region region) {
        return financeOf(region.code());
    }

    private Org financeOf(String region) {
        return registry.financeOf(region).orElseThrow(() -> new IllegalStateException("no finance of " + region));
    }

    private Org agencyOf(String region) {
        return registry.agencyOf(region).orElseThrow(() -> new IllegalStateException("no agency of " + region));
    }

    private void done(ObligationKind kind, YearMonth period, String org, LocalDate date, Actor actor) {
        obligations.obligationId(kind, period, org, "").ifPresent(id -> obligations.done(id, date, actor.userId()));
    }

    private static void requireMonth(YearMonth month) {
        if (month == null || month.getYear() < JdbcQuotas.YEAR_MIN || month.getYear() > JdbcQuotas.YEAR_MAX) {
            throw new Rejection("crossregion.month-missing", "month", "请填写清算月份（YYYY-MM，" + JdbcQuotas.YEAR_MIN
                    + " 至 " + JdbcQuotas.YEAR_MAX + " 年）");
        }
    }

    private static void requireDate(LocalDate date) {
        if (date == null) {
            throw new Rejection("crossregion.date-missing", "date", "请填写日期");
        }
    }

    private String name(String region) {
        return registry.region(region).map(Region::name).orElse(region);
    }

    private String provinceName(String code) {
        return registry.region(code).map(Region::name).orElse(ProvinceNames.of(code));
    }

    private String typeName(String type) {
        return registry.insuranceType(type).map(t -> t.name()).orElse(type);
    }
}

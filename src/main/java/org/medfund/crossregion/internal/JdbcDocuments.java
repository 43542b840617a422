package org.medfund.crossregion.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfund.calendar.BusinessCalendar;
import org.medfund.calendar.Due;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.NationalDirection;
import org.medfund.crossregion.CrossRegionDocuments;
import org.medfund.crossregion.NationalClearingTotal;
import org.medfund.crossregion.NationalFileKind;
import org.medfund.crossregion.NationalImport;
import org.medfund.crossregion.ObligationKind;
import org.medfund.crossregion.PrepaymentSheet;
import org.medfund.crossregion.QuotaScope;
import org.medfund.crossregion.QuotaState;
import org.medfund.crossregion.PrepaymentReceiptNotice;
import org.medfund.crossregion.UsagePlan;
import org.medfund.crossregion.UsagePlanState;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.policy.Citations;
import org.medfund.policy.PolicyPacks;
import org.medfund.policy.Resolved;
import org.medfund.registry.Account;
import org.medfund.registry.AccountKind;
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
 * The documents of guizhou-2017 附件一 一、二 and the national files of 二(一), 三(一) on the quota data: every due date
 * from the pack and the calendar, every citation in the clerk's form through {@link Citations}, every money movement
 * through a posting rule — the usage plan's transfer is {@code funding.finance-to-agency} (province finance's special
 * account → the centre's account, in transit until the centre confirms), a settled national notice posts
 * {@code crossregion.prepayment.centre-to-other-province} or {@code …other-province-to-centre} per other province.
 */
@Service
class JdbcDocuments implements CrossRegionDocuments {

    static final String PLAN_TRANSFER = "funding.finance-to-agency";
    static final String PAY_OTHER_PROVINCE = "crossregion.prepayment.centre-to-other-province";
    static final String RECEIVE_FROM_OTHER_PROVINCE = "crossregion.prepayment.other-province-to-centre";
    static final String PLAN_DOCUMENT = "crossregion-usage-plan";
    static final String NATIONAL_DOCUMENT = "crossregion-national";
    /** The stored file name's length; a longer name is cut. */
    static final int FILE_NAME_MAX = 200;

    private final QuotaStore quotas;
    private final DocumentStore store;
    private final Registry registry;
    private final PolicyPacks packs;
    private final Citations citations;
    private final BusinessCalendar calendar;
    private final Ledger ledger;
    private final NationalFiles files;

    JdbcDocuments(QuotaStore quotas, DocumentStore store, Registry registry, PolicyPacks packs, Citations citations,
                  BusinessCalendar calendar, Ledger ledger) {
        this.quotas = quotas;
        this.store = store;
        this.registry = registry;
        this.packs = packs;
        this.citations = citations;
        this.calendar = calendar;
        this.ledger = ledger;
        this.files = new NationalFiles(registry);
    }

    // --- 预付金明细表 and 预付金收款通知书 (附件一 一(一)(二)(三)) ---

    @Override
    public PrepaymentSheet prepaymentSheet(String provinceCode, int year, int quarter, Actor actor) {
        Region province = province(provinceCode, "province");
        if (!withinProvince(actor, province)) {
            throw Rejection.forbidden("crossregion.out-of-scope", "province", "无权查看 " + province.name()
                    + " 的预付金明细表");
        }
        checkQuarter(year, quarter);
        YearMonth first = firstMonth(year, quarter);
        Resolved sizing = rule(province.code(), first, "crossregion.quarter-sizing-by");
        List<PrepaymentSheet.SheetLine> lines = quotas.quotasOfQuarter(year, quarter).stream()
                .filter(q -> inProvince(q.key().cityRegionCode(), province))
                .filter(q -> registry.canSeeRegion(actor, q.key().cityRegionCode())).map(this::line).toList();
        return new PrepaymentSheet(year, quarter, province.name(), centreOf(province).name(),
                citations.text(sizing.citation()), due(sizing, first).date(), lines);
    }

    @Override
    public PrepaymentReceiptNotice remittanceNotice(String cityRegionCode, int year, int quarter, Actor actor) {
        Region city = registry.region(cityRegionCode == null ? "" : cityRegionCode)
                .filter(r -> r.level() == RegionLevel.CITY).orElseThrow(() -> new Rejection(
                        "crossregion.region-unknown", "city", "未知市（州）编码 " + cityRegionCode));
        if (!registry.canSeeRegion(actor, city.code())) {
            throw Rejection.forbidden("crossregion.out-of-scope", "city", "无权查看 " + city.name() + " 的预付金收款通知书");
        }
        checkQuarter(year, quarter);
        Region province = registry.requireRegion(city.parentCode(), "city");
        YearMonth first = firstMonth(year, quarter);
        Resolved confirm = rule(city.code(), first, "crossregion.city-confirm-by");
        Resolved remit = rule(city.code(), first, "crossregion.city-remit-by");
        List<PrepaymentSheet.SheetLine> lines = quotas.quotasOfQuarter(year, quarter).stream()
                .filter(q -> q.key().cityRegionCode().equals(city.code())).map(this::line).toList();
        if (lines.isEmpty()) {
            throw Rejection.notFound("crossregion.quota-unknown", "city", city.name() + " " + year + " 年第 " + quarter
                    + " 季度尚未核定预付金");
        }
        Org finance = registry.financeOf(province.code()).orElseThrow(() -> new IllegalStateException(
                "no finance of " + province.code()));
        Account special = registry.accounts(finance.code()).stream().filter(a -> a.kind() == AccountKind.SPECIAL)
                .findFirst().orElseThrow(() -> new IllegalStateException("no special account of " + finance.code()));
        return new PrepaymentReceiptNotice("YFJSK-" + city.code() + "-" + year + "Q" + quarter, year, quarter, city.code(),
                city.name(), registry.agencyOf(city.code()).map(Org::name).orElse(city.name()),
                registry.financeOf(city.code()).map(Org::name).orElse(city.name()), centreOf(province).name(), lines,
                due(confirm, first).date(), due(remit, first).date(), special,
                special.provenance() == null ? "" : citations.text(special.provenance()),
                basis(confirm, remit));
    }

    /** The articles of the notice's two due dates, each once (guizhou-2017 gives both in 附件一 一(二)). */
    private String basis(Resolved confirm, Resolved remit) {
        String first = citations.text(confirm.citation());
        String second = citations.text(remit.citation());
        return first.equals(second) ? first : first + "、" + second;
    }

    private PrepaymentSheet.SheetLine line(QuotaStore.QuotaRow q) {
        String name = registry.region(q.key().cityRegionCode()).map(Region::name).orElse(q.key().cityRegionCode());
        return new PrepaymentSheet.SheetLine(q.id(), q.key().cityRegionCode(), name, q.key().scope(), q.kind(), q.level(),
                q.amount(), q.dates().remitDue(), q.state(), q.derivation().formula());
    }

    // --- 省内异地就医预付金用款计划 (附件一 二(二)) ---

    @Override
    @Transactional
    public UsagePlan generateUsagePlan(String provinceCode, int year, int quarter, LocalDate date, Actor actor) {
        Org centre = requireCentre(actor);
        Region province = province(provinceCode, "provinceCode");
        if (!centre.regionCode().equals(province.code())) {
            throw Rejection.forbidden("crossregion.out-of-scope", "provinceCode", "只有 " + province.name()
                    + " 的异地就医结算中心可以生成用款计划");
        }
        checkQuarter(year, quarter);
        if (date == null) {
            throw new Rejection("crossregion.date-missing", "date", "请填写生成日期");
        }
        YearMonth second = firstMonth(year, quarter).plusMonths(1);
        Resolved planBy = rule(province.code(), second, "crossregion.in-province-plan-by");
        Resolved transferBy = rule(province.code(), second, "crossregion.in-province-transfer-by");
        String id = "CRP-" + province.code() + "-" + year + "Q" + quarter;
        Optional<DocumentStore.PlanRow> present = store.plan(id, false);
        if (present.isPresent()) {
            return view(present.get());
        }
        List<UsagePlan.PlanLine> lines = new ArrayList<>();
        List<Derivation.Input> inputs = new ArrayList<>();
        for (Region city : cities(province)) {
            List<QuotaStore.QuotaRow> inProvince = quotas.quotasOfQuarter(year, quarter).stream()
                    .filter(q -> q.key().cityRegionCode().equals(city.code())
                            && q.key().scope() == QuotaScope.IN_PROVINCE).toList();
            if (inProvince.isEmpty()) {
                continue;
            }
            List<QuotaStore.QuotaRow> received = inProvince.stream().filter(q -> q.state() == QuotaState.RECEIVED)
                    .toList();
            Money amount = received.stream().map(QuotaStore.QuotaRow::amount).reduce(Money.ZERO, Money::plus);
            String source = received.isEmpty() ? "本季度省内异地就医预付金尚未到账"
                    : "省内异地就医预付金 " + String.join("、", received.stream().map(QuotaStore.QuotaRow::id).toList())
                    + " 已到账";
            lines.add(new UsagePlan.PlanLine(city.code(), city.name(), amount, source));
            inputs.add(Derivation.Input.money(city.name() + "省内异地就医预付金（已到账）", amount));
        }
        YearMonth lastQuarterEnd = firstMonth(year, quarter).minusMonths(1);
        Money inbound = Money.ZERO;
        int rows = 0;
        for (int m = 2; m >= 0; m--) {
            for (DocumentStore.TotalRow t : store.clearingTotals(province.code(), lastQuarterEnd.minusMonths(m))) {
                if (t.direction() == NationalDirection.INBOUND) {
                    inbound = inbound.plus(t.fundPay());
                    rows += t.rows();
                }
            }
        }
        String months = lastQuarterEnd.minusMonths(2) + " 至 " + lastQuarterEnd;
        lines.add(new UsagePlan.PlanLine(null, NationalDirection.INBOUND.label(), inbound, rows == 0
                ? "上一季度（" + months + "）未导入外省参保人员在本省就医的全国异地就医费用清算明细"
                : "全国异地就医费用清算明细 " + months + " 外省参保人员在本省就医基金支付（" + rows + " 条）"));
        inputs.add(Derivation.Input.money("上一季度外省参保人员在本省就医基金支付", inbound));
        Money total = lines.stream().map(UsagePlan.PlanLine::amount).reduce(Money.ZERO, Money::plus);
        Derivation derivation = new Derivation("省内异地就医预付金用款计划 = Σ 各市（州）本季度已到账的省内异地就医预付金"
                + " + 上一季度外省参保人员在本省就医基金支付", inputs, planBy.citation(), total);
        store.insertPlan(new DocumentStore.PlanRow(id, province.code(), year, quarter, lines, total,
                QuotaStore.derivationText(derivation), UsagePlanState.GENERATED, date, due(planBy, second).date(),
                due(transferBy, second).date(), null, null, null), actor.userId());
        done(ObligationKind.IN_PROVINCE_PLAN, second, centre.code(), province.code(), date, actor);
        return view(store.plan(id, false).orElseThrow());
    }

    @Override
    @Transactional
    public UsagePlan transferUsagePlan(String planId, LocalDate date, Actor actor) {
        DocumentStore.PlanRow plan = lockedPlan(planId, actor);
        Region province = registry.requireRegion(plan.provinceCode(), "id");
        Org finance = registry.financeOf(province.code()).orElseThrow();
        if (!actor.orgCode().equals(finance.code()) || !actor.has(Role.FINANCE)) {
            throw Rejection.forbidden("crossregion.province-finance-only", "id", "只有 " + finance.name()
                    + " 的财务人员可以划转用款计划资金");
        }
        if (plan.state() != UsagePlanState.GENERATED) {
            return repeatOrRefuse(plan, date, plan.transferredOn());
        }
        checkDate(date, plan.generatedOn());
        Org centre = centreOf(province);
        if (plan.total().isPositive()) {
            ledger.openBook(finance.code());
            ledger.openBook(centre.code());
            Resolved transferBy = rule(province.code(), YearMonth.from(plan.transferDue()),
                    "crossregion.in-province-transfer-by");
            ledger.post(new BusinessEvent(PLAN_TRANSFER, plan.id(), date, YearMonth.from(date), plan.total(),
                    Map.of("finance", finance.code(), "agency", centre.code()), null, PLAN_DOCUMENT, plan.id(),
                    transferBy.packId(), transferBy.parameter().article(), province.name() + " " + plan.year()
                    + " 年第 " + plan.quarter() + " 季度省内异地就医预付金用款计划 划转省级经办机构异地就医存款账户"));
            store.setTransfer(plan.id(), plan.id());
            store.stepPlan(plan.id(), UsagePlanState.GENERATED, UsagePlanState.TRANSFERRED, "transferred_on", date);
        } else {
            store.stepPlan(plan.id(), UsagePlanState.GENERATED, UsagePlanState.TRANSFERRED, "transferred_on", date);
            store.stepPlan(plan.id(), UsagePlanState.TRANSFERRED, UsagePlanState.RECEIVED, "received_on", date);
        }
        done(ObligationKind.IN_PROVINCE_TRANSFER, YearMonth.from(plan.transferDue()), finance.code(),
                province.code(), date, actor);
        return view(store.plan(plan.id(), false).orElseThrow());
    }

    @Override
    @Transactional
    public UsagePlan receiveUsagePlan(String planId, LocalDate date, Actor actor) {
        DocumentStore.PlanRow plan = lockedPlan(planId, actor);
        Org centre = requireCentre(actor);
        if (!centre.regionCode().equals(plan.provinceCode())) {
            throw Rejection.forbidden("crossregion.out-of-scope", "id", "只有本省异地就医结算中心可以确认到账");
        }
        if (plan.state() != UsagePlanState.TRANSFERRED) {
            return repeatOrRefuse(plan, date, plan.receivedOn());
        }
        checkDate(date, plan.transferredOn());
        ledger.confirmReceipt(plan.transferId(), date, plan.transferId() + ":receipt");
        store.stepPlan(plan.id(), UsagePlanState.TRANSFERRED, UsagePlanState.RECEIVED, "received_on", date);
        return view(store.plan(plan.id(), false).orElseThrow());
    }

    @Override
    public UsagePlan usagePlan(String planId, Actor actor) {
        return view(visiblePlan(planId, actor, false));
    }

    @Override
    public List<UsagePlan> usagePlans(int year, int quarter, Actor actor) {
        return store.plans(year, quarter).stream().filter(p -> registry.canSeeRegion(actor, p.provinceCode()))
                .map(this::view).toList();
    }

    private DocumentStore.PlanRow lockedPlan(String planId, Actor actor) {
        return visiblePlan(planId, actor, true);
    }

    private DocumentStore.PlanRow visiblePlan(String planId, Actor actor, boolean lock) {
        return store.plan(planId == null ? "" : planId, lock).filter(p -> registry.canSeeRegion(actor,
                p.provinceCode())).orElseThrow(() -> Rejection.notFound("crossregion.plan-unknown", "id",
                "没有编号为 " + planId + " 的用款计划"));
    }

    private UsagePlan repeatOrRefuse(DocumentStore.PlanRow plan, LocalDate date, LocalDate doneOn) {
        if (doneOn != null && doneOn.equals(date)) {
            return view(plan);
        }
        throw Rejection.conflict("crossregion.plan-state", "id", "用款计划当前状态为「" + plan.state().label()
                + "」，不能办理此步骤");
    }

    private UsagePlan view(DocumentStore.PlanRow p) {
        String name = registry.region(p.provinceCode()).map(Region::name).orElse(p.provinceCode());
        return new UsagePlan(p.id(), p.provinceCode(), name, p.year(), p.quarter(), p.lines(), p.total(),
                QuotaStore.derivation(p.derivation(), p.total().fen()), p.state(), p.generatedOn(), p.planDue(),
                p.transferDue(), p.transferredOn(), p.receivedOn(), p.transferId());
    }

    // --- national files (附件一 二(一), 三(一)) ---

    @Override
    @Transactional
    public NationalImport.Outcome importNational(NationalFileKind kind, String fileName, byte[] content,
                                                 LocalDate date, Actor actor) {
        Org centre = requireCentre(actor);
        if (kind == null) {
            throw new Rejection("crossregion.national-kind-missing", "kind", "请选择导入的国家平台文件类型");
        }
        if (date == null) {
            throw new Rejection("crossregion.date-missing", "date", "请填写导入日期");
        }
        Region province = registry.requireRegion(centre.regionCode(), "orgCode");
        rule(province.code(), YearMonth.from(date), kind == NationalFileKind.CLEARING_DETAIL
                ? "crossregion.monthly-clearing-download-by" : "crossregion.national-sheet-by");
        String name = fileName == null || fileName.isBlank() ? kind.label() : fileName.strip();
        name = name.length() > FILE_NAME_MAX ? name.substring(0, FILE_NAME_MAX) : name;
        String sha = sha256(content == null ? new byte[0] : content);
        NationalFiles.Table table = NationalFiles.table(content, kind);
        NationalFiles.PrepaymentFile prepayment = null;
        NationalFiles.ClearingFile clearing = null;
        String subject;
        int lineCount;
        Money total;
        if (kind == NationalFileKind.CLEARING_DETAIL) {
            clearing = files.clearing(table, province.code(), packs.find(province.code(), date,
                    NationalClearingRegime.RULE).map(NationalClearingRegime::of)
                    .filter(r -> r == NationalClearingRegime.RESERVE_AND_REMITTANCE).isPresent());
            subject = clearing.month().toString();
            lineCount = clearing.rows().size();
            total = clearing.rows().stream().map(DocumentStore.ClearingRow::fundPay).reduce(Money.ZERO, Money::plus);
        } else {
            prepayment = files.prepayment(table.rows(), kind, province.code());
            subject = prepayment.subject();
            lineCount = prepayment.lines().size();
            total = prepayment.lines().stream().map(NationalImport.PrepaymentLine::net).reduce(Money.ZERO,
                    Money::plus);
        }
        Optional<DocumentStore.ImportRow> present = store.importOf(kind, province.code(), subject);
        if (present.isPresent()) {
            if (present.get().sha256().equals(sha)) {
                return new NationalImport.Outcome(view(present.get()), false);
            }
            throw Rejection.conflict("crossregion.national-imported", "file", kind.label() + " " + subject
                    + " 已于 " + present.get().importedOn() + " 导入，内容不同；请核对国家平台下载的文件");
        }
        if (kind == NationalFileKind.FIRST_NOTICE && store.hasNotice(province.code(), kind)) {
            throw Rejection.conflict("crossregion.first-notice-imported", "kind", "首次跨省预付金收款通知书已导入，"
                    + "以后各年请导入跨省预付金额度调整通知书");
        }
        long id = store.insertImport(new DocumentStore.ImportRow(0, kind, province.code(), name, sha, subject,
                lineCount, total, date, null), actor.userId());
        if (clearing != null) {
            store.insertClearingRows(id, clearing.rows());
            done(ObligationKind.MONTHLY_CLEARING_DOWNLOAD, clearing.month().plusMonths(1), centre.code(),
                    province.code(), date, actor);
        } else {
            store.insertPrepaymentLines(id, prepayment.lines());
            done(ObligationKind.NATIONAL_SHEET, YearMonth.of(prepayment.year(), 2), centre.code(), province.code(),
                    date, actor);
        }
        return new NationalImport.Outcome(view(store.importRow(id, false).orElseThrow()), true);
    }

    @Override
    @Transactional
    public NationalImport settleNationalNotice(long importId, LocalDate date, Actor actor) {
        DocumentStore.ImportRow row = visibleImport(importId, actor, true);
        Region province = registry.requireRegion(row.provinceCode(), "id");
        Org finance = registry.financeOf(province.code()).orElseThrow();
        if (!actor.orgCode().equals(finance.code()) || !actor.has(Role.FINANCE)) {
            throw Rejection.forbidden("crossregion.province-finance-only", "id", "只有 " + finance.name()
                    + " 的财务人员可以完成跨省预付金收付");
        }
        if (!row.kind().notice()) {
            throw Rejection.conflict("crossregion.not-a-notice", "id", row.kind().label() + "不涉及资金收付");
        }
        if (date == null) {
            throw new Rejection("crossregion.date-missing", "date", "请填写收付日期");
        }
        if (row.settledOn() != null) {
            if (row.settledOn().equals(date)) {
                return view(row);
            }
            throw Rejection.conflict("crossregion.notice-settled", "id", "该通知书已于 " + row.settledOn() + " 完成收付");
        }
        checkDate(date, row.importedOn());
        Org centre = centreOf(province);
        Resolved paid = rule(province.code(), YearMonth.from(date), "crossregion.national-paid-by");
        ledger.openBook(finance.code());
        ledger.openBook(centre.code());
        for (NationalImport.PrepaymentLine line : store.prepaymentLines(row.id())) {
            Money net = line.net();
            if (net.isZero()) {
                continue;
            }
            ledger.post(new BusinessEvent(net.isPositive() ? PAY_OTHER_PROVINCE : RECEIVE_FROM_OTHER_PROVINCE,
                    "CRN-" + row.id() + "-" + line.lineNo(), date, YearMonth.from(date), net.abs(), Map.of(
                    "province-finance", finance.code(), "centre", centre.code(), "other-province",
                    line.otherProvinceCode() + "-CENTRE"), null, NATIONAL_DOCUMENT, "CRN-" + row.id(),
                    paid.packId(), paid.parameter().article(), row.kind().label() + " " + row.subject() + " "
                    + (net.isPositive() ? "向" : "收") + line.otherProvinceName() + (net.isPositive() ? "支付" : "")
                    + "跨省异地就医预付金"));
        }
        store.settled(row.id(), date, actor.userId());
        done(ObligationKind.NATIONAL_PAID, YearMonth.of(date.getYear(), 2), finance.code(), province.code(), date,
                actor);
        return view(store.importRow(row.id(), false).orElseThrow());
    }

    @Override
    public NationalImport nationalImport(long importId, Actor actor) {
        return view(visibleImport(importId, actor, false));
    }

    @Override
    public List<NationalImport> nationalImports(Actor actor) {
        Optional<Org> own = registry.org(actor.orgCode());
        if (own.isEmpty() || own.get().kind() == OrgKind.HOSPITAL) {
            return List.of();
        }
        List<Region> lineage = registry.lineage(own.get().regionCode());
        Region province = lineage.get(lineage.size() - 1);
        if (!registry.canSeeRegion(actor, province.code())) {
            return List.of();
        }
        return store.imports(province.code(), IMPORTS_LISTED_MAX).stream().map(this::view).toList();
    }

    @Override
    public List<NationalClearingTotal> nationalClearingTotals(YearMonth month) {
        return totals(month, null);
    }

    @Override
    public List<NationalClearingTotal> nationalClearingTotals(YearMonth month, Actor actor) {
        if (month == null) {
            throw new Rejection("crossregion.month-missing", "month", "请填写清算月份（YYYY-MM）");
        }
        return totals(month, null).stream().filter(t -> registry.canSeeRegion(actor, t.cityRegionCode())).toList();
    }

    private List<NationalClearingTotal> totals(YearMonth month, String province) {
        return store.clearingTotals(province, month).stream().map(t -> new NationalClearingTotal(month,
                t.cityRegionCode(), registry.region(t.cityRegionCode()).map(Region::name).orElse(t.cityRegionCode()),
                t.direction(), t.rows(), t.medicalFee(), t.fundPay())).toList();
    }

    private DocumentStore.ImportRow visibleImport(long importId, Actor actor, boolean lock) {
        return store.importRow(importId, lock).filter(r -> registry.canSeeRegion(actor, r.provinceCode()))
                .orElseThrow(() -> Rejection.notFound("crossregion.national-import-unknown", "id",
                        "没有编号为 " + importId + " 的国家平台文件"));
    }

    private NationalImport view(DocumentStore.ImportRow r) {
        return new NationalImport(r.id(), r.kind(), r.provinceCode(), r.fileName(), r.subject(), r.lineCount(),
                r.total(), r.importedOn(), r.settledOn(), r.kind() == NationalFileKind.CLEARING_DETAIL ? List.of()
                : store.prepaymentLines(r.id()));
    }

    // --- helpers ---

    /** Marks a timetable obligation done, opening it first if the quarter's timetable was not opened. */
    private void done(ObligationKind kind, YearMonth period, String org, String region, LocalDate date, Actor actor) {
        packs.find(region, period.atDay(1), kind.rule()).ifPresent(rule -> {
            Due due = calendar.due(rule.parameter().deadline(), period);
            quotas.done(quotas.ensureObligation(kind, period, org, "", due.date(), due.basis()), date, actor.userId());
        });
    }

    /** A rule of the prepayment regime; a province whose packs have none has no such documents (a 4xx). */
    private Resolved rule(String region, YearMonth period, String rule) {
        return packs.find(region, period.atDay(1), rule).orElseThrow(() -> new Rejection(
                "crossregion.no-funding-regime", "province", "统筹区 " + region + " 的政策未规定异地就医预付金（" + rule
                + "）"));
    }

    private Due due(Resolved rule, YearMonth period) {
        return calendar.due(rule.parameter().deadline(), period);
    }

    private Region province(String code, String field) {
        return registry.region(code == null ? "" : code).filter(r -> r.level() == RegionLevel.PROVINCE)
                .orElseThrow(() -> new Rejection("crossregion.region-unknown", field, "未知省份编码 " + code));
    }

    private List<Region> cities(Region province) {
        return registry.descendants(province.code()).stream().filter(r -> r.level() == RegionLevel.CITY).toList();
    }

    private boolean inProvince(String regionCode, Region province) {
        return registry.lineage(regionCode).stream().anyMatch(r -> r.code().equals(province.code()));
    }

    /** Staff of the province or of one of its regions (a hospital reads no prepayment documents). */
    private boolean withinProvince(Actor actor, Region province) {
        return registry.org(actor.orgCode()).filter(o -> o.kind() != OrgKind.HOSPITAL)
                .map(o -> inProvince(o.regionCode(), province)).orElse(false);
    }

    private Org centreOf(Region province) {
        return registry.orgs(province.code(), OrgKind.SETTLEMENT_CENTRE).stream().findFirst()
                .orElseThrow(() -> new IllegalStateException("no settlement centre in " + province.code()));
    }

    private Org requireCentre(Actor actor) {
        Org own = registry.requireOrg(actor.orgCode(), "orgCode");
        if (own.kind() != OrgKind.SETTLEMENT_CENTRE || !actor.has(Role.CLERK)) {
            throw Rejection.forbidden("crossregion.centre-only", "orgCode", "只有省异地就医结算中心的经办人员可以办理");
        }
        return own;
    }

    private static void checkQuarter(int year, int quarter) {
        if (year < JdbcQuotas.YEAR_MIN || year > JdbcQuotas.YEAR_MAX || quarter < 1 || quarter > 4) {
            throw new Rejection("crossregion.quarter-invalid", "quarter", "年度应在 " + JdbcQuotas.YEAR_MIN + " 至 "
                    + JdbcQuotas.YEAR_MAX + " 之间，季度应为 1 至 4");
        }
    }

    private static void checkDate(LocalDate date, LocalDate notBefore) {
        if (date == null) {
            throw new Rejection("crossregion.date-missing", "date", "请填写办理日期");
        }
        if (notBefore != null && date.isBefore(notBefore)) {
            throw new Rejection("crossregion.date-invalid", "date", "办理日期不能早于上一步骤的日期 " + notBefore);
        }
    }

    static YearMonth firstMonth(int year, int quarter) {
        return YearMonth.of(year, (quarter - 1) * 3 + 1);
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }
}

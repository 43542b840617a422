package org.medfund.crossregion.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.medfund.common.Fingerprint;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.BenefitRule;
import org.medfund.crossregion.CatalogueClass;
import org.medfund.crossregion.CrossRegion;
import org.medfund.crossregion.Designation;
import org.medfund.crossregion.FeeCategory;
import org.medfund.crossregion.FeeDetail;
import org.medfund.crossregion.FeeLine;
import org.medfund.crossregion.Filing;
import org.medfund.crossregion.FilingDraft;
import org.medfund.crossregion.FilingFileRejection;
import org.medfund.crossregion.FilingSource;
import org.medfund.crossregion.Settlement;
import org.medfund.crossregion.SettlementRequest;
import org.medfund.crossregion.SettlementState;
import org.medfund.crossregion.Suspension;
import org.medfund.policy.PolicyPacks;
import org.medfund.policy.Resolved;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Region;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cross-region engine. The regime is read from the insured region's policy pack: whether a filing is required
 * ({@code crossregion.filing-required}, guizhou-2017 三(一)), when each filing type opened ({@link Rollout}), whether a
 * delaying region is suspended ({@code crossregion.delay-suspends}, 五(一)), and the citations of the catalogue and
 * benefit rules ({@code crossregion.catalogue}, {@code crossregion.benefits}, 四(二)); the amounts themselves are
 * the insured region's data ({@link BenefitRule}).
 */
@Service
class JdbcCrossRegion implements CrossRegion {

    static final Pattern CARD_NO = Pattern.compile("[0-9A-Za-z]{1,30}");
    static final int SETL_ID_LENGTH_MAX = 30;
    static final int NAME_LENGTH_MAX = 60;
    static final int REASON_LENGTH_MAX = 200;
    static final int SHARE_SCALE_MAX = 4;
    /** One fee line at most 100 million yuan: far above any bill, far below an overflow of the sums. */
    static final long LINE_AMOUNT_FEN_MAX = 10_000_000_000L;

    private final CrossRegionStore store;
    private final Registry registry;
    private final PolicyPacks packs;
    private final Rollout rollout;
    private final FilingFile filingFile;

    JdbcCrossRegion(CrossRegionStore store, Registry registry, PolicyPacks packs, Rollout rollout) {
        this.store = store;
        this.registry = registry;
        this.packs = packs;
        this.rollout = rollout;
        this.filingFile = new FilingFile(registry);
    }

    // --- filing (guizhou-2017 三(一)) ---

    @Override
    @Transactional
    public Filing file(FilingDraft draft, Actor actor) {
        requireAgency(actor, draft.insuredRegionCode(), "insuredRegionCode");
        filingFile.check(draft).ifPresent(error -> {
            throw new Rejection("crossregion.filing-invalid", error.field(), error.message());
        });
        String id = draft.insuredRegionCode() + "-" + String.format("%06d", store.nextFilingNo(draft.insuredRegionCode()));
        Filing filing = new Filing(id, draft.cardNo(), draft.personName(), draft.insuredRegionCode(),
                draft.insuranceType(), draft.type(), draft.targetRegionCode(), draft.validFrom(), draft.validTo(),
                actor.orgCode(), FilingSource.FILED);
        store.insertFiling(filing);
        return filing;
    }

    @Override
    public List<Filing> filings(String cardNo, Actor actor) {
        if (cardNo == null || !CARD_NO.matcher(cardNo).matches()) {
            throw new Rejection("crossregion.card-invalid", "card", "社会保障卡号应为 1 至 30 位数字或字母");
        }
        Org own = registry.requireOrg(actor.orgCode(), "orgCode");
        List<String> ownLineage = registry.lineage(own.regionCode()).stream().map(Region::code).toList();
        return store.filingsOfCard(cardNo).stream()
                .filter(f -> ownLineage.contains(f.targetRegionCode())
                        || !own.isHospital() && (registry.canSeeRegion(actor, f.insuredRegionCode())
                                || registry.canSeeRegion(actor, f.targetRegionCode())))
                .toList();
    }

    @Override
    public String exportFilings(String regionCode, Actor actor) {
        requireAgency(actor, regionCode, "region");
        List<String> regions = new ArrayList<>(List.of(regionCode));
        registry.descendants(regionCode).forEach(r -> regions.add(r.code()));
        return filingFile.write(store.filingsOfRegions(regions));
    }

    @Override
    @Transactional
    public FilingImport importFilings(String fileText, Actor actor) {
        Org own = registry.requireOrg(actor.orgCode(), "orgCode");
        if (own.kind() != OrgKind.AGENCY && own.kind() != OrgKind.SETTLEMENT_CENTRE || !actor.has(Role.CLERK)) {
            throw Rejection.forbidden("crossregion.agency-only", "file", "只有经办机构或省异地就医结算中心的经办人员可以导入备案");
        }
        List<FilingFile.Row> rows = filingFile.read(fileText, CrossRegion.FILE_LINES_MAX);
        List<FilingFileRejection.LineError> errors = new ArrayList<>();
        List<Filing> toAdd = new ArrayList<>();
        Map<String, Integer> seen = new LinkedHashMap<>();
        for (FilingFile.Row row : rows) {
            Integer earlier = seen.putIfAbsent(row.filing().id(), row.line());
            if (earlier != null) {
                errors.add(new FilingFileRejection.LineError(row.line(), "filing_id",
                        "备案编号与第 " + earlier + " 行重复"));
                continue;
            }
            Optional<Filing> present = store.filing(row.filing().id());
            if (present.isEmpty()) {
                toAdd.add(row.filing());
            } else if (!sameContent(present.get(), row.filing())) {
                errors.add(new FilingFileRejection.LineError(row.line(), "filing_id",
                        "备案编号 " + row.filing().id() + " 已存在且内容不同"));
            }
        }
        if (!errors.isEmpty()) {
            throw new FilingFileRejection(errors);
        }
        toAdd.forEach(store::insertFiling);
        return new FilingImport(rows.size(), toAdd.size(), rows.size() - toAdd.size());
    }

    private static boolean sameContent(Filing a, Filing b) {
        return a.cardNo().equals(b.cardNo()) && a.personName().equals(b.personName())
                && a.insuredRegionCode().equals(b.insuredRegionCode()) && a.insuranceType().equals(b.insuranceType())
                && a.type() == b.type() && a.targetRegionCode().equals(b.targetRegionCode())
                && a.validFrom().equals(b.validFrom()) && java.util.Objects.equals(a.validTo(), b.validTo());
    }

    // --- designation (guizhou-2017 四(三)) and suspension (五(一)) ---

    @Override
    @Transactional
    public Designation designate(String hospitalCode, LocalDate effectiveFrom, LocalDate effectiveTo, Actor actor) {
        Org hospital = registry.org(hospitalCode == null ? "" : hospitalCode).filter(Org::isHospital)
                .orElseThrow(() -> new Rejection("crossregion.hospital-unknown", "hospitalCode",
                        "未知定点医疗机构编码 " + hospitalCode));
        requireCentre(actor, hospital.regionCode(), "hospitalCode");
        if (effectiveFrom == null) {
            throw new Rejection("crossregion.date-missing", "effectiveFrom", "请填写生效日期");
        }
        if (effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
            throw new Rejection("crossregion.dates-reversed", "effectiveTo", "失效日期不能早于生效日期");
        }
        for (CrossRegionStore.DesignationRow row : store.designations(hospital.code())) {
            boolean overlaps = (row.to() == null || !row.to().isBefore(effectiveFrom))
                    && (effectiveTo == null || !effectiveTo.isBefore(row.from()));
            if (overlaps) {
                throw Rejection.conflict("crossregion.designation-overlaps", "effectiveFrom",
                        hospital.name() + " 已有 " + row.from() + " 起的跨省定点资格，期间不能重叠");
            }
        }
        store.insertDesignation(hospital.code(), effectiveFrom, effectiveTo, actor.orgCode());
        return new Designation(hospital.code(), hospital.name(), effectiveFrom, effectiveTo, actor.orgCode());
    }

    @Override
    public List<Designation> designations(String hospitalCode, Actor actor) {
        return store.designations(hospitalCode).stream()
                .filter(row -> registry.canSeeOrg(actor, row.hospitalCode()))
                .map(row -> new Designation(row.hospitalCode(),
                        registry.org(row.hospitalCode()).map(Org::name).orElse(row.hospitalCode()), row.from(),
                        row.to(), row.by()))
                .toList();
    }

    @Override
    @Transactional
    public Suspension suspend(String regionCode, LocalDate startedOn, String reason, Actor actor) {
        Region region = knownRegion(regionCode, "regionCode");
        requireCentre(actor, region.code(), "regionCode");
        if (startedOn == null) {
            throw new Rejection("crossregion.date-missing", "startedOn", "请填写暂停开始日期");
        }
        if (reason == null || reason.isBlank() || reason.length() > REASON_LENGTH_MAX) {
            throw new Rejection("crossregion.reason-invalid", "reason", "请填写暂停原因（至多 " + REASON_LENGTH_MAX + " 字）");
        }
        if (store.suspensionsOf(List.of(region.code())).stream().anyMatch(s -> s.liftedOn() == null)) {
            throw Rejection.conflict("crossregion.already-suspended", "regionCode",
                    region.name() + " 的异地就医直接结算已处于暂停状态");
        }
        long id = store.insertSuspension(region.code(), startedOn, reason.strip(), actor.orgCode());
        return suspension(store.suspension(id).orElseThrow());
    }

    @Override
    @Transactional
    public Suspension lift(long suspensionId, LocalDate liftedOn, Actor actor) {
        CrossRegionStore.SuspensionRow row = store.suspension(suspensionId).orElseThrow(() -> Rejection.notFound(
                "crossregion.suspension-unknown", "id", "没有编号为 " + suspensionId + " 的暂停记录"));
        requireCentre(actor, row.region(), "id");
        if (liftedOn == null) {
            throw new Rejection("crossregion.date-missing", "liftedOn", "请填写恢复日期");
        }
        if (row.liftedOn() != null) {
            if (row.liftedOn().equals(liftedOn)) {
                return suspension(row);
            }
            throw Rejection.conflict("crossregion.already-lifted", "id", "该暂停已于 " + row.liftedOn() + " 恢复");
        }
        if (liftedOn.isBefore(row.startedOn())) {
            throw new Rejection("crossregion.dates-reversed", "liftedOn", "恢复日期不能早于暂停开始日期 " + row.startedOn());
        }
        store.lift(suspensionId, liftedOn, actor.orgCode());
        return suspension(store.suspension(suspensionId).orElseThrow());
    }

    @Override
    public List<Suspension> suspensions(Actor actor) {
        return store.suspensions().stream().filter(s -> registry.canSeeRegion(actor, s.region()))
                .map(this::suspension).toList();
    }

    private Suspension suspension(CrossRegionStore.SuspensionRow row) {
        return new Suspension(row.id(), row.region(), registry.region(row.region()).map(Region::name)
                .orElse(row.region()), row.startedOn(), row.reason(), row.liftedOn(), row.suspendedBy(),
                row.liftedBy());
    }

    // --- the insured region's data (guizhou-2017 四(二)) ---

    @Override
    @Transactional
    public BenefitRule setBenefitRule(BenefitRule rule, Actor actor) {
        requireAgency(actor, rule.insuredRegionCode(), "insuredRegionCode");
        if (registry.insuranceType(rule.insuranceType()).isEmpty()) {
            throw new Rejection("crossregion.insutype-unknown", "insuranceType", "未知险种 " + rule.insuranceType());
        }
        if (rule.year() < 2017 || rule.year() > 2100) {
            throw new Rejection("crossregion.year-invalid", "year", "年度应在 2017 至 2100 之间");
        }
        List<Integer> grades = rule.grades().stream().map(BenefitRule.GradeTerms::grade).sorted().toList();
        if (!grades.equals(List.of(1, 2, 3))) {
            throw new Rejection("crossregion.grades-invalid", "grades", "须分别给出一级、二级、三级医院的起付线和支付比例");
        }
        for (BenefitRule.GradeTerms terms : rule.grades()) {
            String field = "grades[" + terms.grade() + "]";
            if (terms.deductible().isNegative()) {
                throw new Rejection("crossregion.deductible-invalid", field + ".deductible", "起付线不能为负");
            }
            checkShare(terms.ratio(), field + ".ratio", "支付比例");
        }
        if (rule.annualCap().isNegative()) {
            throw new Rejection("crossregion.cap-invalid", "annualCap", "最高支付限额不能为负");
        }
        store.upsertBenefitRule(rule, actor.orgCode());
        return rule;
    }

    @Override
    public List<BenefitRule> benefitRules(String regionCode, int year, Actor actor) {
        Region region = knownRegion(regionCode, "region");
        if (!registry.canSeeRegion(actor, region.code())) {
            throw Rejection.forbidden("crossregion.out-of-scope", "region", "无权查看统筹区 " + region.name());
        }
        List<String> regions = new ArrayList<>(List.of(region.code()));
        registry.descendants(region.code()).forEach(r -> regions.add(r.code()));
        return store.benefitRules(regions, null, year);
    }

    @Override
    @Transactional
    public Money setAccountBalance(String insuredRegionCode, String cardNo, Money balance, Actor actor) {
        requireAgency(actor, insuredRegionCode, "insuredRegionCode");
        if (cardNo == null || !CARD_NO.matcher(cardNo).matches()) {
            throw new Rejection("crossregion.card-invalid", "cardNo", "社会保障卡号应为 1 至 30 位数字或字母");
        }
        if (balance == null || balance.isNegative()) {
            throw new Rejection("crossregion.balance-invalid", "balance", "个人账户余额不能为负");
        }
        store.setAccount(insuredRegionCode, cardNo, balance.fen());
        return balance;
    }

    // --- settlement (guizhou-2017 三(二), 四(二)) ---

    /**
     * Writes nothing and needs no transaction: besides the hospital, everything it reads comes in one statement
     * ({@link CrossRegionStore#deskContext}), so it sees one consistent snapshot anyway.
     */
    @Override
    public Settlement preview(SettlementRequest request, Actor actor) {
        Org hospital = requireHospital(actor);
        Desk desk = checkAndRead(request, hospital);
        return compute(request, hospital, desk, desk.used(), desk.balance()).settlement(null, SettlementState.SETTLED,
                null, 0);
    }

    /**
     * Reads as the preview does, then books with compare-and-set writes: the year-to-date use (and the account, when
     * it pays) move only if they still hold what the calculation read. When another settlement or reversal of the
     * same person changed them meanwhile, the row is locked and the bill calculated again from its new value.
     */
    @Override
    @Transactional
    public Settlement settle(SettlementRequest request, Actor actor) {
        Org hospital = requireHospital(actor);
        Desk desk = checkAndRead(request, hospital);
        String fingerprint = fingerprint(request);
        if (desk.context().earlierFingerprint() != null) {
            return replay(store.settlement(hospital.code(), request.hospitalSettlementId(), false).orElseThrow(),
                    fingerprint);
        }
        Computation computed = compute(request, hospital, desk, desk.used(), desk.balance());
        CrossRegionStore.UseKey key = computed.useKey();
        if (!store.addToAnnualUseIf(key, desk.context().usedFen(), computed.outcome().payments().fundPay().fen())) {
            computed = compute(request, hospital, desk, Money.ofFen(store.annualUse(key, true)), desk.balance());
            store.addToAnnualUse(key, computed.outcome().payments().fundPay().fen());
        }
        Money accountPay = computed.outcome().payments().accountPay();
        if (accountPay.isPositive() && !store.takeFromAccountIf(request.insuredRegionCode(), request.cardNo(),
                desk.balance().fen(), accountPay.fen())) {
            Computation again = compute(request, hospital, desk, computed.inputs().usedBefore(),
                    Money.ofFen(store.account(request.insuredRegionCode(), request.cardNo(), true)));
            if (!again.outcome().payments().fundPay().equals(computed.outcome().payments().fundPay())) {
                throw new IllegalStateException("the fund's pay changed with the account balance");
            }
            computed = again;
            if (computed.outcome().payments().accountPay().isPositive()) {
                store.addToAccount(request.insuredRegionCode(), request.cardNo(),
                        -computed.outcome().payments().accountPay().fen());
            }
        }
        String id = UUID.randomUUID().toString();
        try {
            store.insertSettlement(settlementRow(id, fingerprint, computed));
        } catch (DuplicateKeyException raced) {
            throw Rejection.conflict("crossregion.setl-id-concurrent", "setl_id",
                    "结算编号 " + request.hospitalSettlementId() + " 正在另一请求中结算，请稍后重试");
        }
        return computed.settlement(id, SettlementState.SETTLED, null, 0);
    }

    /** The row a computed settlement is stored as: its amounts and the inputs its derivation is recomputed from. */
    static CrossRegionStore.SettlementRow settlementRow(String id, String fingerprint, Computation computed) {
        SettlementRequest request = computed.request();
        Org hospital = computed.hospital();
        Settlement.Payments pay = computed.outcome().payments();
        Benefits.Inputs inputs = computed.inputs();
        return new CrossRegionStore.SettlementRow(id, hospital.code(), request.hospitalSettlementId(),
                fingerprint, computed.filingId(), request.cardNo(), request.insuredRegionCode(),
                hospital.regionCode(), request.insuranceType(), request.date(), SettlementState.SETTLED,
                pay.total().fen(), pay.fundPay().fen(), pay.accountPay().fen(), pay.cashPay().fen(),
                linesText(request.lines()), inputs.grade(), inputs.terms().deductible().fen(),
                inputs.terms().ratio(), inputs.annualCap().fen(), inputs.usedBefore().fen(),
                inputs.accountBalance().fen(), inputs.catalogueCitation(), inputs.benefitCitation(), null);
    }

    private Settlement replay(CrossRegionStore.SettlementRow row, String fingerprint) {
        if (!row.fingerprint().equals(fingerprint)) {
            throw Rejection.conflict("crossregion.setl-id-reused", "setl_id",
                    "结算编号 " + row.setlId() + " 已用于内容不同的结算");
        }
        return read(row);
    }

    @Override
    @Transactional
    public Settlement reverse(String hospitalSettlementId, LocalDate date, Actor actor) {
        Org hospital = requireHospital(actor);
        CrossRegionStore.SettlementRow row = store.settlement(hospital.code(), hospitalSettlementId, true)
                .orElseThrow(() -> unknownSettlement(hospitalSettlementId));
        if (row.state() == SettlementState.REVERSED) {
            return read(row);
        }
        if (date == null) {
            throw new Rejection("crossregion.date-missing", "date", "请填写冲正日期");
        }
        if (date.isBefore(row.settledOn())) {
            throw new Rejection("crossregion.dates-reversed", "date", "冲正日期不能早于结算日期 " + row.settledOn());
        }
        store.markReversed(row.id(), date);
        store.annualUse(useKey(row.insuredRegion(), row.cardNo(), row.insuranceType(), row.settledOn()), true);
        store.addToAnnualUse(useKey(row.insuredRegion(), row.cardNo(), row.insuranceType(), row.settledOn()),
                -row.fundFen());
        if (row.accountFen() > 0) {
            store.addToAccount(row.insuredRegion(), row.cardNo(), row.accountFen());
        }
        return read(store.settlement(hospital.code(), hospitalSettlementId, false).orElseThrow());
    }

    @Override
    public Settlement settlement(String hospitalCode, String hospitalSettlementId, Actor actor) {
        if (!registry.canSeeOrg(actor, hospitalCode)) {
            throw Rejection.forbidden("crossregion.out-of-scope", "hospital", "无权查看机构 " + hospitalCode + " 的结算");
        }
        return read(store.settlement(hospitalCode, hospitalSettlementId, false)
                .orElseThrow(() -> unknownSettlement(hospitalSettlementId)));
    }

    @Override
    @Transactional
    public Settlement attachDetails(String hospitalSettlementId, List<FeeDetail> details, Actor actor) {
        Org hospital = requireHospital(actor);
        CrossRegionStore.SettlementRow row = store.settlement(hospital.code(), hospitalSettlementId, true)
                .orElseThrow(() -> unknownSettlement(hospitalSettlementId));
        if (details == null || details.isEmpty() || details.size() > DETAILS_MAX) {
            throw new Rejection("crossregion.details-invalid", "details", "费用明细应为 1 至 " + DETAILS_MAX + " 条");
        }
        List<FeeDetail> present = store.details(row.id());
        if (!present.isEmpty()) {
            if (present.equals(details)) {
                return read(row);
            }
            throw Rejection.conflict("crossregion.details-present", "details", "该结算的费用明细已上传，内容不同");
        }
        if (row.state() == SettlementState.REVERSED) {
            throw Rejection.conflict("crossregion.settlement-reversed", "setl_id", "该结算已冲正，不能再上传费用明细");
        }
        DetailMatch.check(parseLines(row.linesText()), details);
        store.insertDetails(row.id(), details);
        return read(row);
    }

    private static Rejection unknownSettlement(String setlId) {
        return Rejection.notFound("crossregion.settlement-unknown", "setl_id", "没有结算编号为 " + setlId + " 的异地结算");
    }

    /** What a settlement computation found: the filing, the calculation's inputs and its outcome. */
    record Computation(SettlementRequest request, Org hospital, String filingId, CrossRegionStore.UseKey useKey,
                               Benefits.Inputs inputs, Benefits.Outcome outcome) {

        Settlement settlement(String id, SettlementState state, LocalDate reversedOn, int detailCount) {
            return new Settlement(id, hospital.code(), request.hospitalSettlementId(), filingId, request.cardNo(),
                    request.insuredRegionCode(), hospital.regionCode(), request.insuranceType(), request.date(),
                    state, outcome.payments(), outcome.lines(), outcome.derivations(), reversedOn, detailCount);
        }
    }

    /** The desk's reads ({@link CrossRegionStore#deskContext}) with the lineage they were made for. */
    record Desk(CrossRegionStore.DeskContext context, List<String> lineage, boolean useAccount) {

        Money used() {
            return Money.ofFen(context.usedFen() == null ? 0 : context.usedFen());
        }

        Money balance() {
            return useAccount && context.balanceFen() != null ? Money.ofFen(context.balanceFen()) : Money.ZERO;
        }
    }

    /**
     * The input checks, with the desk's reads made at the point where the insurance type's existence is checked (a
     * request without a date is refused before anything is read, except that one registry lookup, as before).
     * Public, like {@link #compute} and {@link #requireHospital}, only so that {@link DeskBatchWriter} calls them
     * through the transactional proxy of this package-private class as surely as any other method.
     */
    public Desk checkAndRead(SettlementRequest request, Org hospital) {
        Desk[] desk = {null};
        check(request, code -> {
            if (request.date() == null) {
                return registry.insuranceType(code).isPresent();
            }
            List<String> lineage = registry.lineage(request.insuredRegionCode() == null ? ""
                    : request.insuredRegionCode()).stream().map(Region::code).toList();
            // An unknown insured region is refused by compute, after the designation; the reads still need a list.
            List<String> regions = lineage.isEmpty() ? List.of(String.valueOf(request.insuredRegionCode())) : lineage;
            desk[0] = new Desk(store.deskContext(hospital.code(), request.hospitalSettlementId(),
                    useKey(String.valueOf(request.insuredRegionCode()), request.cardNo(), code, request.date()),
                    request.date(), regions), lineage, request.useAccount());
            return desk[0].context().insuranceTypeKnown();
        });
        return desk[0];
    }

    /**
     * Refusals in the order a clerk would check them: hospital, regime, filing, rollout, suspension, cap.
     *
     * @param used the person's fund pay so far this year
     * @param balance the account balance the bill may use (zero when the person does not use the account)
     */
    public Computation compute(SettlementRequest request, Org hospital, Desk desk, Money used, Money balance) {
        LocalDate date = request.date();
        CrossRegionStore.DeskContext context = desk.context();
        if (!hospital.designated() || !context.designated()) {
            throw new Rejection("crossregion.hospital-not-designated", "fixmedins_code",
                    hospital.name() + " 在 " + date + " 不是跨省异地就医定点医疗机构，不能直接结算");
        }
        Region insured = knownRegion(request.insuredRegionCode(), "insuplc_admdvs");
        Resolved benefits = packs.find(insured.code(), date, "crossregion.benefits").orElseThrow(() ->
                new Rejection("crossregion.no-regime", "insuplc_admdvs",
                        "参保地 " + insured.name() + " 在 " + date + " 没有生效的异地就医直接结算政策"));
        Resolved catalogue = packs.resolve(insured.code(), date, "crossregion.catalogue");
        String filingId = filing(request, hospital, insured, context.filings());
        if (flag(insured.code(), date, "crossregion.delay-suspends") && context.activeSuspensionId() != null) {
            Suspension s = suspension(store.suspension(context.activeSuspensionId()).orElseThrow());
            throw new Rejection("crossregion.region-suspended", "insuplc_admdvs", s.regionName()
                    + " 自 " + s.startedOn()
                    + " 起因拖延拨付异地就医资金被暂停直接结算（" + s.reason() + "），请参保人回参保地报销");
        }
        BenefitRule rule = benefitRule(desk.lineage(), context.rules(), request.insuranceType(), date.getYear(),
                insured);
        if (hospital.grade() == null || hospital.grade() < 1 || hospital.grade() > 3) {
            throw new Rejection("crossregion.hospital-grade-missing", "fixmedins_code",
                    hospital.name() + " 没有登记医院等级，无法确定起付线和支付比例");
        }
        CrossRegionStore.UseKey key = useKey(request.insuredRegionCode(), request.cardNo(), request.insuranceType(), date);
        if (used.compareTo(rule.annualCap()) >= 0) {
            throw new Rejection("crossregion.cap-used", "mdtrt_cert_no", "参保人本年度统筹基金支付已达最高支付限额 "
                    + rule.annualCap().toYuanText() + " 元，本次费用由个人负担，请按普通结算办理");
        }
        String treatmentName = registry.region(hospital.regionCode()).map(Region::name).orElse(hospital.regionCode());
        Benefits.Inputs inputs = new Benefits.Inputs(request.lines(), hospital.grade(),
                rule.terms(hospital.grade()), rule.annualCap(), used, balance,
                catalogue.citation() + "，就医地" + treatmentName + "支付范围",
                benefits.citation() + "，参保地" + insured.name() + "待遇");
        return new Computation(request, hospital, filingId, key, inputs, Benefits.calculate(inputs));
    }

    /** The filing the settlement relies on (guizhou-2017 三(一)), or null when the regime needs none. */
    private String filing(SettlementRequest request, Org hospital, Region insured, List<Filing> filings) {
        LocalDate date = request.date();
        if (!flag(insured.code(), date, "crossregion.filing-required")) {
            return null;
        }
        List<String> hospitalLineage = registry.lineage(hospital.regionCode()).stream().map(Region::code).toList();
        List<Filing> valid = filings.stream()
                .filter(f -> f.insuranceType().equals(request.insuranceType()) && f.validOn(date)
                        && hospitalLineage.contains(f.targetRegionCode()))
                .toList();
        if (valid.isEmpty()) {
            throw new Rejection("crossregion.no-valid-filing", "mdtrt_cert_no", "社会保障卡 " + request.cardNo()
                    + " 在 " + date + " 没有到" + hospitalRegionName(hospital) + "就医的有效异地就医备案，请先到参保地经办机构备案");
        }
        for (Filing filing : valid) {
            Optional<Rollout.GoLive> goLive = rollout.goLive(filing.type(), insured.code(), date);
            if (goLive.isPresent() && !date.isBefore(goLive.get().date())) {
                return filing.id();
            }
        }
        Filing first = valid.get(0);
        String opens = rollout.goLive(first.type(), insured.code(), date).map(g -> "（" + g.date() + " 起开通）")
                .orElse("");
        throw new Rejection("crossregion.filing-type-not-enabled", "mdtrt_cert_no", insured.name() + "的"
                + first.type().label() + "异地就医直接结算在 " + date + " 尚未开通" + opens);
    }

    private String hospitalRegionName(Org hospital) {
        return registry.region(hospital.regionCode()).map(Region::name).orElse(hospital.regionCode());
    }

    private BenefitRule benefitRule(List<String> lineage, List<BenefitRule> rules, String insuranceType, int year,
                                    Region insured) {
        for (String code : lineage) {
            for (BenefitRule rule : rules) {
                if (rule.insuredRegionCode().equals(code)) {
                    return rule;
                }
            }
        }
        throw new Rejection("crossregion.no-benefit-rule", "insutype", "参保地 " + insured.name() + " 没有登记 " + year
                + " 年险种 " + insuranceType + " 的起付线、支付比例和最高支付限额");
    }

    private boolean flag(String region, LocalDate date, String rule) {
        return packs.find(region, date, rule).map(r -> r.parameter().flag()).orElse(false);
    }

    static CrossRegionStore.UseKey useKey(String region, String card, String insuranceType, LocalDate date) {
        return new CrossRegionStore.UseKey(region, card, insuranceType, date.getYear());
    }

    /** A stored settlement with its derivation recomputed from the stored inputs, checked against its amounts. */
    private Settlement read(CrossRegionStore.SettlementRow row) {
        Benefits.Inputs inputs = new Benefits.Inputs(parseLines(row.linesText()), row.grade(),
                new BenefitRule.GradeTerms(row.grade(), Money.ofFen(row.deductibleFen()), row.ratio()),
                Money.ofFen(row.annualCapFen()), Money.ofFen(row.usedBeforeFen()),
                Money.ofFen(row.accountBeforeFen()), row.catalogueCitation(), row.benefitCitation());
        Benefits.Outcome outcome = Benefits.calculate(inputs);
        Settlement.Payments pay = outcome.payments();
        if (pay.total().fen() != row.totalFen() || pay.fundPay().fen() != row.fundFen()
                || pay.accountPay().fen() != row.accountFen() || pay.cashPay().fen() != row.cashFen()) {
            throw new IllegalStateException("settlement " + row.id() + " no longer matches its derivation");
        }
        return new Settlement(row.id(), row.hospitalCode(), row.setlId(), row.filingId(), row.cardNo(),
                row.insuredRegion(), row.treatmentRegion(), row.insuranceType(), row.settledOn(), row.state(), pay,
                outcome.lines(), outcome.derivations(), row.reversedOn(), store.detailCount(row.id()));
    }

    // --- input checks ---

    private void check(SettlementRequest r, Predicate<String> insuranceTypeKnown) {
        if (r.hospitalSettlementId() == null || r.hospitalSettlementId().isBlank()
                || r.hospitalSettlementId().length() > SETL_ID_LENGTH_MAX) {
            throw new Rejection("crossregion.setl-id-invalid", "setl_id", "结算编号应为 1 至 " + SETL_ID_LENGTH_MAX + " 个字符");
        }
        if (r.cardNo() == null || !CARD_NO.matcher(r.cardNo()).matches()) {
            throw new Rejection("crossregion.card-invalid", "mdtrt_cert_no", "社会保障卡号应为 1 至 30 位数字或字母");
        }
        if (r.insuranceType() == null || !insuranceTypeKnown.test(r.insuranceType())) {
            throw new Rejection("crossregion.insutype-unknown", "insutype", "未知险种 " + r.insuranceType());
        }
        if (r.date() == null) {
            throw new Rejection("crossregion.date-missing", "setl_date", "请填写结算日期");
        }
        if (r.lines().isEmpty() || r.lines().size() > FEE_LINES_MAX) {
            throw new Rejection("crossregion.fee-lines-invalid", "fee_lines", "费用明细大类应为 1 至 " + FEE_LINES_MAX + " 行");
        }
        for (int i = 0; i < r.lines().size(); i++) {
            FeeLine line = r.lines().get(i);
            String field = "fee_lines[" + i + "]";
            if (line.category() == null || line.catalogueClass() == null || line.amount() == null) {
                throw new Rejection("crossregion.fee-line-invalid", field, "每行须有大类、目录类别和金额");
            }
            if (line.amount().isNegative() || line.amount().fen() > LINE_AMOUNT_FEN_MAX) {
                throw new Rejection("crossregion.fee-line-invalid", field + ".det_item_fee_sumamt",
                        "金额应在 0 至 1 亿元之间");
            }
            BigDecimal share = line.selfPayShare() == null ? BigDecimal.ZERO : line.selfPayShare();
            if (line.catalogueClass() == CatalogueClass.B) {
                checkShare(line.selfPayShare(), field + ".selfpay_prop", "乙类先行自付比例");
            } else if (share.signum() != 0) {
                throw new Rejection("crossregion.fee-line-invalid", field + ".selfpay_prop",
                        line.catalogueClass().label() + "没有先行自付比例，只有乙类有");
            }
        }
    }

    private static void checkShare(BigDecimal share, String field, String name) {
        if (share == null || share.signum() < 0 || share.compareTo(BigDecimal.ONE) > 0
                || share.stripTrailingZeros().scale() > SHARE_SCALE_MAX) {
            throw new Rejection("crossregion.share-invalid", field, name + "应为 0 至 1 之间、至多 4 位小数的数");
        }
    }

    static String fingerprint(SettlementRequest r) {
        return Fingerprint.of(r.cardNo(), r.insuredRegionCode(), r.insuranceType(), r.date().toString(),
                Boolean.toString(r.useAccount()), linesText(r.lines()));
    }

    /** Lines as stored: {@code category:class:fen:share} joined by ';'. */
    static String linesText(List<FeeLine> lines) {
        StringBuilder text = new StringBuilder();
        for (FeeLine line : lines) {
            BigDecimal share = line.selfPayShare() == null ? BigDecimal.ZERO : line.selfPayShare();
            text.append(text.isEmpty() ? "" : ";").append(line.category().code()).append(':')
                    .append(line.catalogueClass().code()).append(':').append(line.amount().fen()).append(':')
                    .append(share.stripTrailingZeros().toPlainString());
        }
        return text.toString();
    }

    static List<FeeLine> parseLines(String text) {
        List<FeeLine> lines = new ArrayList<>();
        for (String part : text.split(";")) {
            String[] f = part.split(":");
            lines.add(new FeeLine(FeeCategory.ofCode(f[0]).orElseThrow(), CatalogueClass.ofCode(f[1]).orElseThrow(),
                    Money.ofFen(Long.parseLong(f[2])), new BigDecimal(f[3])));
        }
        return lines;
    }

    // --- scope ---

    public Org requireHospital(Actor actor) {
        Org org = registry.requireOrg(actor.orgCode(), "orgCode");
        if (!org.isHospital() || !actor.has(Role.HOSPITAL)) {
            throw Rejection.forbidden("crossregion.hospital-only", "fixmedins_code", "只有定点医疗机构可以办理出院直接结算");
        }
        return org;
    }

    private void requireAgency(Actor actor, String regionCode, String field) {
        Region region = knownRegion(regionCode, field);
        Org own = registry.requireOrg(actor.orgCode(), "orgCode");
        if (own.kind() != OrgKind.AGENCY && own.kind() != OrgKind.SETTLEMENT_CENTRE || !actor.has(Role.CLERK)
                || !registry.canSeeRegion(actor, region.code())) {
            throw Rejection.forbidden("crossregion.agency-only", field,
                    "只有 " + region.name() + " 或其上级的医保经办机构经办人员可以办理");
        }
    }

    private void requireCentre(Actor actor, String regionCode, String field) {
        Org own = registry.requireOrg(actor.orgCode(), "orgCode");
        if (own.kind() != OrgKind.SETTLEMENT_CENTRE || !actor.has(Role.CLERK)
                || !registry.canSeeRegion(actor, regionCode)) {
            throw Rejection.forbidden("crossregion.centre-only", field, "只有本省异地就医结算中心的经办人员可以办理");
        }
    }

    private Region knownRegion(String code, String field) {
        return registry.region(code == null ? "" : code).orElseThrow(() ->
                new Rejection("crossregion.region-unknown", field, "未知统筹区编码 " + code));
    }
}

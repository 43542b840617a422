package org.medfund.prepayment.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerReports;
import org.medfund.prepayment.EffectiveFundStatus;
import org.medfund.prepayment.FundDataSource;
import org.medfund.prepayment.FundFigures;
import org.medfund.prepayment.FundMonth;
import org.medfund.prepayment.FundRecord;
import org.medfund.prepayment.FundStatus;
import org.medfund.prepayment.FundStatuses;
import org.medfund.prepayment.Regime;
import org.medfund.prepayment.SettledYear;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Region;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link FundStatuses}: the inputs of Xinyang's art. 7 gate per pooling region, fund and prepayment year (xinyang-2025 art. 7): the accumulated
 * balance at the end of last year, last year's twelve months and the rolling forecast. A city clerk records them with
 * the evidence seen and a different reviewer confirms; only the newest confirmed record counts. Once the fund's own
 * books hold last year ({@link #booksHold}), the balance and the twelve months are read from the books instead of
 * the record; the forecast is a projection and is always recorded.
 */
@Service
class FundStatusService implements FundStatuses {

    /** A calendar year has twelve months: last year's actuals are always January to December. */
    static final int MONTHS_PER_YEAR = SettledYear.MONTHS_PER_YEAR;

    private final PrepaymentService prepayments;
    private final Registry registry;
    private final Ledger ledger;
    private final LedgerReports reports;
    private final FundRecordStore store;

    FundStatusService(PrepaymentService prepayments, Registry registry, Ledger ledger, LedgerReports reports,
                      FundRecordStore store) {
        this.prepayments = prepayments;
        this.registry = registry;
        this.ledger = ledger;
        this.reports = reports;
        this.store = store;
    }

    /**
     * A city clerk records the art. 7 inputs of a fund for a prepayment year; the record waits for a reviewer.
     * Balance and last year's months may be left out only when the books already hold them. Idempotent per request id.
     */
    @Override
    @Transactional
    public FundRecord record(String regionCode, String insuranceType, int year, FundFigures figures, String evidence,
                         LocalDate date, Actor actor, String requestId) {
        Access.requireRole(actor, Role.CLERK);
        Region region = registry.requireRegion(regionCode, "regionCode");
        if (!registry.canSeeRegion(actor, region.code()) || registry.requireOrg(actor.orgCode(), "org").isHospital()) {
            throw Rejection.forbidden("prepayment.out-of-scope", "regionCode", "无权登记该地区基金状况");
        }
        Regime regime = prepayments.regime(regionCode, date);
        if (!regime.insuranceTypes().contains(insuranceType) || regime.monthsPayableMin(insuranceType).isEmpty()) {
            throw new Rejection("prepayment.no-fund-gate", "insuranceType", regime.packId() + " 对险种 " + insuranceType
                    + " 不设基金结余条件（xinyang-2025 art. 7），无需登记");
        }
        Access.requireEvidence(evidence);
        boolean typedIn = figures.accumulatedBalance() != null || !figures.lastYear().isEmpty();
        if (typedIn) {
            if (figures.accumulatedBalance() == null) {
                throw new Rejection("prepayment.fund-balance-missing", "accumulatedBalance", "须同时填写上年末累计结余");
            }
            if (figures.accumulatedBalance().isNegative()) {
                throw new Rejection("prepayment.fund-balance-missing", "accumulatedBalance", "累计结余不能为负数");
            }
            checkMonths(figures.lastYear(), YearMonth.of(year - 1, 1), MONTHS_PER_YEAR, "lastYear");
        } else if (!booksHold(regionCode, insuranceType, year)) {
            throw new Rejection("prepayment.fund-balance-missing", "accumulatedBalance", "基金账簿尚未完整记载 " + (year - 1)
                    + " 年各月数据，须填写上年末累计结余和上年 12 个月收支");
        }
        checkMonths(figures.forecast(), YearMonth.of(year, 1), regime.forecastMonths(), "forecast");
        FundRecord draft = new FundRecord(0, regionCode, insuranceType, year, figures, evidence.strip(), null);
        return store.record(store.insert(draft, actor.userId(), Access.requestId(requestId)))
                .orElseThrow();
    }

    private static void checkMonths(List<FundMonth> months, YearMonth first, int count, String field) {
        if (months.size() != count) {
            throw new Rejection("prepayment.fund-window", field, "须提供 " + first + " 起 " + count + " 个月的数据");
        }
        for (int i = 0; i < months.size(); i++) {
            FundMonth month = months.get(i);
            if (!month.month().equals(first.plusMonths(i)) || month.income().isNegative()
                    || month.expenditure().isNegative()) {
                throw new Rejection("prepayment.fund-window", field, "须为 " + first + " 起逐月、非负的收支数据");
            }
        }
    }

    /** A reviewer other than the recording clerk confirms; from then it is the record the gate uses. */
    @Override
    @Transactional
    public FundRecord confirm(long id, Actor actor) {
        FundRecord record = store.record(id).filter(r -> registry.canSeeRegion(actor, r.regionCode()))
                .orElseThrow(() -> Rejection.notFound("prepayment.fund-record-not-found", "id", "基金状况登记 " + id
                        + " 不存在"));
        Access.requireRole(actor, Role.REVIEWER);
        if (record.review().confirmed()) {
            return record;
        }
        if (actor.userId().equals(record.review().recordedBy())) {
            throw Rejection.forbidden("prepayment.maker-checker", "id", "复核人不能与登记人为同一人");
        }
        store.confirm(id, actor.userId());
        return store.record(id).orElseThrow();
    }

    /**
     * The records of a region and year, newest first. Visible to those who see the region and to the agencies below
     * it (a county centre reads the city's fund status that gates its hospitals' prepayments).
     */
    @Override
    public List<FundRecord> records(String regionCode, int year, Actor actor) {
        String actorRegion = registry.org(actor.orgCode()).filter(o -> !o.isHospital()).map(Org::regionCode)
                .orElse(null);
        boolean below = actorRegion != null && registry.lineage(actorRegion).stream()
                .anyMatch(r -> r.code().equals(regionCode));
        if (!registry.canSeeRegion(actor, regionCode) && !below) {
            throw Rejection.forbidden("prepayment.out-of-scope", "regionCode", "无权查看该地区基金状况");
        }
        return store.records(regionCode, year);
    }

    /**
     * The art. 7 inputs the gate uses: balance and last year's months from the books when they hold them, else from
     * the newest confirmed record; the forecast from that record. None confirmed means the gate cannot open.
     */
    @Override
    public EffectiveFundStatus effective(String regionCode, String fund, int year) {
        FundRecord record = store.confirmed(regionCode, fund, year).orElseThrow(() -> new Rejection(
                "prepayment.fund-status-missing", "regionCode", "地区 " + regionCode + " 未登记经复核的 " + year
                + " 年险种 " + fund + " 基金结余情况（xinyang-2025 art. 7）"));
        Optional<FundStatus> books = fromBooks(regionCode, fund, year, record.figures().forecast());
        if (books.isPresent()) {
            return new EffectiveFundStatus(books.get(), FundDataSource.BOOKS, record);
        }
        if (record.figures().accumulatedBalance() == null) {
            throw new Rejection("prepayment.fund-status-missing", "regionCode", "基金账簿不再完整记载 " + (year - 1)
                    + " 年数据，须重新登记上年末累计结余和上年 12 个月收支（xinyang-2025 art. 7）");
        }
        return new EffectiveFundStatus(new FundStatus(fund, record.figures().accumulatedBalance(),
                record.figures().lastYear(), record.figures().forecast()), FundDataSource.RECORDED, record);
    }

    /**
     * Whether the fund's own books hold last year: every agency book of the pooling region (the city and the regions
     * below it) is closed through December, and each month of last year has income or expenditure of the fund booked.
     * The finance department's special-account book is not counted: its transfers to the agencies' expenditure
     * accounts would count the same spending twice.
     */
    @Override
    public boolean booksHold(String regionCode, String fund, int year) {
        return flows(regionCode, fund, year).isPresent();
    }

    private Optional<LedgerReports.FundFlows> flows(String regionCode, String fund, int year) {
        List<String> books = agencyBooks(regionCode);
        YearMonth december = YearMonth.of(year - 1, MONTHS_PER_YEAR);
        for (String book : books) {
            if (ledger.lastClosedPeriod(book).map(closed -> closed.isBefore(december)).orElse(true)) {
                return Optional.empty();
            }
        }
        LedgerReports.FundFlows flows = reports.fundFlows(books, fund, YearMonth.of(year - 1, 1), december);
        return flows.periods().stream().allMatch(p -> p.lines() > 0) ? Optional.of(flows) : Optional.empty();
    }

    private Optional<FundStatus> fromBooks(String regionCode, String fund, int year,
                                                    List<FundMonth> forecast) {
        return flows(regionCode, fund, year).map(flows -> {
            List<FundMonth> months = new ArrayList<>();
            for (LedgerReports.FundPeriod p : flows.periods()) {
                months.add(new FundMonth(p.period(), p.income(), p.expenditure()));
            }
            return new FundStatus(fund, flows.closingBalance(), months, forecast);
        });
    }

    /** The agency books of a pooling region: its own agency's and those of every region below it. */
    private List<String> agencyBooks(String regionCode) {
        List<String> books = new ArrayList<>();
        List<Region> regions = new ArrayList<>(List.of(registry.requireRegion(regionCode, "regionCode")));
        regions.addAll(registry.descendants(regionCode));
        for (Region region : regions) {
            registry.agencyOf(region.code()).filter(org -> org.kind() == OrgKind.AGENCY).map(Org::code)
                    .ifPresent(books::add);
        }
        return books;
    }
}

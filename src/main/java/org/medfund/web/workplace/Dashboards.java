package org.medfund.web.workplace;

import java.math.BigDecimal;
import org.medfund.settlement.ReconciliationStatus;
import java.util.EnumMap;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.medfund.common.Money;
import org.medfund.ledger.Book;
import org.medfund.ledger.ChainBreak;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.ledger.LedgerReports;
import org.medfund.ledger.PostedEntry;
import org.medfund.ledger.Transfer;
import org.medfund.prepayment.Prepayments;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Registry;
import org.medfund.settlement.MonthlySettlements;
import org.medfund.settlement.PaymentBatch;
import org.medfund.settlement.ReconciliationView;
import org.medfund.settlement.Reconciliations;
import org.springframework.stereotype.Component;

/**
 * The figures of the home dashboard, read from the capabilities' facades for the user's scope: reconciliations of
 * the month by status, what is overdue and what waits for the user; batches to approve and release, money paid out,
 * transfers in transit; a hospital's own reconciliation, payments and prepayment balance; the chain verification of
 * the books an auditor sees and their latest postings; each subordinate agency's month; and the chart series.
 */
@Component
public class Dashboards {

    /** Months the money-paid chart goes back. */
    static final int CHART_MONTHS = 12;
    /** Hospitals the prepayment-balance chart shows at most (largest balances first). */
    static final int CHART_HOSPITALS_MAX = 20;
    /** Rows each dashboard list shows at most; the full list is one click away. */
    static final int LIST_ROWS_MAX = 10;
    /** Books whose chains one dashboard verifies at most (the verify page checks any book on request). */
    static final int VERIFIED_BOOKS_MAX = 30;

    private final Reconciliations reconciliations;
    private final MonthlySettlements settlements;
    private final Prepayments prepayments;
    private final Ledger ledger;
    private final LedgerReports reports;
    private final LedgerAudit audit;
    private final Registry registry;
    private final Clock clock;

    Dashboards(Reconciliations reconciliations, MonthlySettlements settlements, Prepayments prepayments,
               Ledger ledger, LedgerReports reports, LedgerAudit audit, Registry registry, Clock clock) {
        this.reconciliations = reconciliations;
        this.settlements = settlements;
        this.prepayments = prepayments;
        this.ledger = ledger;
        this.reports = reports;
        this.audit = audit;
        this.registry = registry;
        this.clock = clock;
    }

    /** The month of reconciliations in one status, with a count. */
    public record StatusCount(String status, String label, long count) {
    }

    /** One subordinate agency's month: its reconciliations by status and what its batches of the cycle paid. */
    public record AgencyMonth(String agencyCode, String agencyName, long hospitals, long applied, long confirmed,
                              long paid, long overdue, Money paidNet, Money held) {
    }

    /** One book's chain verification. */
    public record ChainStatus(String orgCode, String bookName, boolean sound, String firstBreak) {
    }

    /** One fund's prepayment the hospital still holds. */
    public record Balance(String hospitalCode, String hospitalName, String insuranceType, Money amount) {
    }

    /** A point of a chart series. */
    public record Point(String label, BigDecimal value) {
    }

    /** The month a dashboard shows: remembered, else the latest with a reconciliation in scope, else last month. */
    public YearMonth month(Actor actor, YearMonth remembered) {
        if (remembered != null) {
            return remembered;
        }
        return reconciliations.inScope(actor, null).stream().map(ReconciliationView::period).findFirst()
                .orElse(YearMonth.now(clock).minusMonths(1));
    }

    public List<ReconciliationView> reconciliationsOf(Actor actor, YearMonth period) {
        return reconciliations.inScope(actor, period);
    }

    /** Counts by status, every status listed (zero too) so the chart keeps its colours. */
    public List<StatusCount> byStatus(List<ReconciliationView> month, List<ReconciliationView.Obligation> obligations) {
        Map<ReconciliationStatus, Long> counts = new EnumMap<>(ReconciliationStatus.class);
        for (ReconciliationStatus status : ReconciliationStatus.values()) {
            counts.put(status, 0L);
        }
        month.forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        counts.merge(ReconciliationStatus.NOT_APPLIED,
                obligations.stream().filter(o -> o.reconciliationId() == null).count(), Long::sum);
        return counts.entrySet().stream()
                .map(e -> new StatusCount(e.getKey().name(), e.getKey().label(), e.getValue())).toList();
    }

    /** The month's obligations of the user's own agency (every hospital it settles), as of today. */
    public List<ReconciliationView.Obligation> obligations(Actor actor, YearMonth period) {
        Org org = registry.requireOrg(actor.orgCode(), "org");
        if (org.isHospital() || org.kind() != OrgKind.AGENCY) {
            return List.of();
        }
        return reconciliations.obligations(actor, period, LocalDate.now(clock));
    }

    public List<PaymentBatch> batches(Actor actor) {
        return settlements.batchesInScope(actor);
    }

    /** Paid out by the batches in {@code month} (by payment date), held lines excluded. */
    public Money paidIn(List<PaymentBatch> batches, YearMonth month) {
        return batches.stream().filter(b -> b.paidOn() != null && YearMonth.from(b.paidOn()).equals(month))
                .map(PaymentBatch::totalNet).reduce(Money.ZERO, Money::plus);
    }

    /** Paid out so far by the batches of one settlement cycle, held lines excluded. */
    public Money paidFor(List<PaymentBatch> batches, YearMonth cycle) {
        return batches.stream().filter(b -> b.paidOn() != null && b.cycle().equals(cycle))
                .map(PaymentBatch::totalNet).reduce(Money.ZERO, Money::plus);
    }

    /** Money paid per month by the batches, the last {@link #CHART_MONTHS} months up to this one. */
    public List<Point> paidPerMonth(List<PaymentBatch> batches) {
        YearMonth now = YearMonth.now(clock);
        Map<YearMonth, Money> paid = new TreeMap<>();
        for (int i = CHART_MONTHS - 1; i >= 0; i--) {
            paid.put(now.minusMonths(i), Money.ZERO);
        }
        for (PaymentBatch b : batches) {
            if (b.paidOn() != null && paid.containsKey(YearMonth.from(b.paidOn()))) {
                paid.merge(YearMonth.from(b.paidOn()), b.totalNet(), Money::plus);
            }
        }
        return paid.entrySet().stream().map(e -> new Point(e.getKey().toString(), e.getValue().toYuan())).toList();
    }

    /** Transfers in transit that the user's organisation sends or receives or whose parties it may see. */
    public List<Transfer> inTransit(Actor actor) {
        return reports.transfersInTransit().stream()
                .filter(t -> t.parties().values().stream().anyMatch(org -> registry.canSeeOrg(actor, org)))
                .limit(LIST_ROWS_MAX).toList();
    }

    /**
     * Prepayment still held per hospital (暂付款—医保预付金, from the paying agencies' books as of today), largest first;
     * a hospital sees its own per fund.
     */
    public List<Balance> prepaymentBalances(Actor actor, WorkplaceScope scope) {
        LocalDate today = LocalDate.now(clock);
        List<Balance> balances = new ArrayList<>();
        if (scope.scope().orgOnly()) {
            String hospital = actor.orgCode();
            prepayments.register(new org.medfund.prepayment.RegisterFilter(null, hospital, null, null, null), actor).stream()
                    .map(org.medfund.prepayment.Prepayment::insuranceType).distinct().forEach(fund -> {
                        Money held = prepayments.outstanding(hospital, fund);
                        if (!held.isZero()) {
                            balances.add(new Balance(hospital, name(hospital), fund, held));
                        }
                    });
            return balances;
        }
        Map<String, Money> perHospital = new LinkedHashMap<>();
        for (Org agency : scope.agencies()) {
            if (ledger.book(agency.code()).isEmpty()) {
                continue;
            }
            for (LedgerReports.DimensionBalance b : reports.balancesByCounterparty(agency.code(),
                    Prepayments.RECEIVABLE_ACCOUNT, today)) {
                if (b.counterpartyCode() != null && registry.canSeeOrg(actor, b.counterpartyCode())) {
                    perHospital.merge(b.counterpartyCode(), b.balance(), Money::plus);
                }
            }
        }
        perHospital.forEach((code, amount) -> balances.add(new Balance(code, name(code), null, amount)));
        balances.sort(Comparator.comparing(Balance::amount).reversed());
        return balances.stream().limit(CHART_HOSPITALS_MAX).toList();
    }

    /** Each agency of the scope with its month (a superior agency's dashboard). */
    public List<AgencyMonth> agencyMonths(WorkplaceScope scope, List<ReconciliationView> month,
                                          List<PaymentBatch> batches, YearMonth period) {
        List<AgencyMonth> rows = new ArrayList<>();
        for (Org agency : scope.agencies()) {
            List<ReconciliationView> own = month.stream().filter(r -> r.agencyCode().equals(agency.code())).toList();
            List<PaymentBatch> cycle = batches.stream()
                    .filter(b -> b.agencyCode().equals(agency.code()) && b.cycle().equals(period)).toList();
            long hospitals = reconciliations.hospitalsSettledBy(agency).size();
            rows.add(new AgencyMonth(agency.code(), agency.name(), hospitals, own.size(),
                    own.stream().filter(r -> r.status() == ReconciliationStatus.CONFIRMED).count(),
                    own.stream().filter(r -> r.status() == ReconciliationStatus.PAID).count(),
                    own.stream().filter(ReconciliationView::late).count(),
                    cycle.stream().filter(b -> b.paidOn() != null).map(PaymentBatch::totalNet)
                            .reduce(Money.ZERO, Money::plus),
                    cycle.stream().map(PaymentBatch::totalHeld).reduce(Money.ZERO, Money::plus)));
        }
        return rows;
    }

    /** The hash chain of each book the auditor may see, own book first. */
    public List<ChainStatus> chains(Actor actor) {
        List<ChainStatus> rows = new ArrayList<>();
        List<Book> books = ledger.books().stream().filter(b -> registry.canSeeOrg(actor, b.orgCode()))
                .sorted(Comparator.comparing((Book b) -> !b.orgCode().equals(actor.orgCode()))
                        .thenComparing(Book::orgCode))
                .limit(VERIFIED_BOOKS_MAX).toList();
        for (Book book : books) {
            List<ChainBreak> breaks = audit.verifyChains(book.orgCode());
            rows.add(new ChainStatus(book.orgCode(), book.name(), breaks.isEmpty(),
                    breaks.isEmpty() ? null : describe(breaks.get(0))));
        }
        return rows;
    }

    /** The latest entries of the user's own book, newest first. */
    public List<PostedEntry> latestPostings(Actor actor) {
        String org = actor.orgCode();
        if (ledger.book(org).isEmpty()) {
            return List.of();
        }
        return reports.latestPeriod(org).map(period -> {
            List<PostedEntry> entries = new ArrayList<>(reports.journal(org, period));
            java.util.Collections.reverse(entries);
            return entries.stream().limit(LIST_ROWS_MAX).toList();
        }).orElse(List.of());
    }

    private static String describe(ChainBreak b) {
        return "第 " + b.sequenceNo() + " 号凭证：" + b.kind().label() + (b.detail() == null ? "" : "（" + b.detail() + "）");
    }

    String name(String orgCode) {
        return registry.org(orgCode).map(Org::name).orElse(orgCode);
    }
}

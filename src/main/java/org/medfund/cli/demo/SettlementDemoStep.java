package org.medfund.cli.demo;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medfund.claims.IntakeResult;
import org.medfund.claims.SettlementIntake;
import org.medfund.claims.SettlementRecords;
import org.medfund.claims.SettlingAgency;
import org.medfund.claims.SyntheticSettlements;
import org.medfund.common.Money;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.Region;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.medfund.settlement.MonthlySettlements;
import org.medfund.settlement.PaymentBatch;
import org.medfund.settlement.ReconciliationApplication;
import org.medfund.settlement.ReconciliationStatus;
import org.medfund.settlement.ReconciliationView;
import org.medfund.settlement.Reconciliations;
import org.medfund.users.UserAccount;
import org.medfund.users.Users;
import org.springframework.stereotype.Component;

/**
 * Demo (order 500): a realistic month (2026-09) of settlements for every demo hospital, each hospital's
 * reconciliation applied on 2026-10-08 (Henan's 5th shifted past National Day; Hainan within its 20th), checked by
 * the named clerk, confirmed by a reviewer, and the agencies' batches prepared and paid. Fixed request ids make a
 * second run change nothing.
 */
@Component
class SettlementDemoStep implements DemoStep {

    static final YearMonth MONTH = YearMonth.of(2026, 9);
    static final LocalDate APPLIED_ON = LocalDate.of(2026, 10, 8);
    static final LocalDate PAID_ON = LocalDate.of(2026, 10, 16);

    private final Registry registry;
    private final SettlementIntake intake;
    private final SettlementRecords records;
    private final Reconciliations reconciliations;
    private final MonthlySettlements settlements;
    private final Ledger ledger;
    private final Users users;

    SettlementDemoStep(Registry registry, SettlementIntake intake, SettlementRecords records,
                       Reconciliations reconciliations, MonthlySettlements settlements, Ledger ledger, Users users) {
        this.users = users;
        this.registry = registry;
        this.intake = intake;
        this.records = records;
        this.reconciliations = reconciliations;
        this.settlements = settlements;
        this.ledger = ledger;
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    public String title() {
        return "结算数据、月度对账与结算（2026年9月）";
    }

    @Override
    public void run(PrintWriter out) {
        Map<String, Org> agencies = new java.util.TreeMap<>();
        long written = 0;
        for (Org hospital : demoHospitals()) {
            Org agency = agencyOf(hospital);
            agencies.put(agency.code(), agency);
            written += load(hospital, agency).rowsWritten();
            reconcile(hospital, agency);
        }
        out.println("结算记录新写入 " + written + " 条（重复运行为 0）");
        for (Org agency : agencies.values()) {
            pay(agency, out);
        }
    }

    private List<Org> demoHospitals() {
        List<Org> hospitals = new ArrayList<>();
        for (String province : List.of("410000", "460000", "130000", "520000")) {
            for (Region region : registry.descendants(province)) {
                registry.hospitals(region.code()).stream().filter(h -> h.demo() && h.designated())
                        .forEach(hospitals::add);
            }
        }
        return hospitals;
    }

    private Org agencyOf(Org hospital) {
        return registry.agencyOf(SettlingAgency.regionCode(registry, hospital)).orElseThrow();
    }

    private IntakeResult load(Org hospital, Org agency) {
        int count = hospital.grade() == null ? 40 : hospital.grade() == 3 ? 400 : hospital.grade() == 2 ? 150 : 40;
        String province = hospital.regionCode().substring(0, 2) + "0000";
        String inProvince = registry.descendants(province).stream().map(Region::code)
                .filter(c -> !c.equals(agency.regionCode())).findFirst().orElse(agency.regionCode());
        List<Map<String, String>> rows = new ArrayList<>();
        SyntheticSettlements.generate(hospital.code(), hospital.code() + "-" + MONTH.toString().replace("-", "") + "-",
                agency.regionCode(), hospital.regionCode(), inProvince, MONTH, count, hospital.code().hashCode(),
                rows::add);
        return intake.submit(Actor.system(hospital.code()), rows, "demo-settlements-" + hospital.code());
    }

    private void reconcile(Org hospital, Org agency) {
        String clerk = demoClerk(agency);
        if (reconciliations.clerkOf(hospital.code()).isEmpty()) {
            reconciliations.assignClerk(new Actor(clerk, agency.code(), Set.of(Role.CLERK)), hospital.code(), clerk);
        }
        List<ReconciliationApplication.Total> totals = new ArrayList<>();
        Map<String, Boolean> seen = new HashMap<>();
        for (SettlementRecords.GroupTotal g : records.totals(hospital.code(), MONTH)) {
            seen.put(g.insuranceType() + g.clearingType(), true);
            totals.add(new ReconciliationApplication.Total(g.insuranceType(), g.clearingType(), agency.regionCode(),
                    MONTH.atDay(1), MONTH.atEndOfMonth(), g.medfeeSum(), g.fundPaySum(), g.accountPay(), g.count(),
                    "1"));
        }
        ReconciliationView r = reconciliations.apply(Actor.system(hospital.code()),
                new ReconciliationApplication(hospital.code(), MONTH, totals, List.of()), APPLIED_ON,
                "demo-reconcile-" + hospital.code());
        String actualClerk = r.clerkUser();
        if (r.status() == ReconciliationStatus.APPLIED) {
            reconciliations.check(new Actor(actualClerk, agency.code(), Set.of(Role.CLERK)), r.id(), APPLIED_ON);
        }
        if (reconciliations.view(Actor.system(agency.code()), r.id()).status() == ReconciliationStatus.CHECKED) {
            reconciliations.confirm(new Actor("demo-reviewer-" + agency.code(), agency.code(), Set.of(Role.REVIEWER)),
                    r.id(), APPLIED_ON.plusDays(1));
        }
    }

    /**
     * The agency's demo reconciliation clerk: a stored clerk account, since only one may be named (its password is
     * generated and never shown; an administrator resets it to log in as the clerk).
     */
    private String demoClerk(Org agency) {
        String username = "demo-clerk-" + agency.code().toLowerCase(java.util.Locale.ROOT);
        if (users.find(username).isEmpty()) {
            users.create(new UserAccount(username, agency.name() + " 对账专人（演示）", agency.code(),
                    Set.of(Role.CLERK), true), null);
        }
        return username;
    }

    private void pay(Org agency, PrintWriter out) {
        ledger.openBook(agency.code());
        ledger.post(new BusinessEvent("opening.balance.expenditure-account", "demo-stl-open-" + agency.code(),
                LocalDate.of(2026, 1, 1), YearMonth.of(2026, 1), Money.ofYuan("500000000.00"),
                Map.of("book", agency.code()), null, "demo", "demo-opening-" + agency.code(), null, null,
                "演示：支出户期初余额"));
        Actor clerk = new Actor(demoClerk(agency), agency.code(), Set.of(Role.CLERK));
        PaymentBatch batch = settlements.prepare(clerk, MONTH, APPLIED_ON.plusDays(2), "demo-prepare-" + agency.code());
        PaymentBatch paid = settlements.approve(new Actor("demo-finance-" + agency.code(), agency.code(),
                Set.of(Role.FINANCE)), batch.id(), PAID_ON, "demo-pay-" + agency.code());
        out.println(agency.name() + "：批次 " + paid.id() + "，" + paid.lines().size() + " 行，实付 "
                + paid.totalNet().toYuanText() + " 元" + (paid.dueDate() == null ? "" : "，拨付期限 " + paid.dueDate()));
    }
}

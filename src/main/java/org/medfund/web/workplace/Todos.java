package org.medfund.web.workplace;

import java.time.Clock;
import org.medfund.settlement.ReconciliationStatus;
import org.medfund.settlement.BatchStatus;
import org.medfund.prepayment.RecoveryStatus;
import org.medfund.prepayment.PrepaymentStatus;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.medfund.prepayment.Applications;
import org.medfund.prepayment.Prepayments;
import org.medfund.prepayment.Recoveries;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.medfund.settlement.MonthlySettlements;
import org.medfund.settlement.PaymentBatch;
import org.medfund.settlement.ReconciliationView;
import org.medfund.settlement.Reconciliations;
import org.springframework.stereotype.Component;

/**
 * 我的待办: what the user (by its roles and organisation) is expected to do next, across settlement and prepayment,
 * each with the due date the capability computed from its policy pack and the calendar, and the page that does it.
 * A city's clerk also sees its counties' reconciliations and batches (supervision: it sees them, their own clerks act).
 */
@Component
public class Todos {

    /** Items a to-do list shows at most, soonest due first. */
    static final int ITEMS_MAX = 300;

    private final Reconciliations reconciliations;
    private final MonthlySettlements settlements;
    private final Prepayments prepayments;
    private final Applications applications;
    private final Recoveries recoveries;
    private final Registry registry;
    private final Clock clock;

    Todos(Reconciliations reconciliations, MonthlySettlements settlements, Prepayments prepayments,
          Applications applications, Recoveries recoveries, Registry registry, Clock clock) {
        this.reconciliations = reconciliations;
        this.settlements = settlements;
        this.prepayments = prepayments;
        this.applications = applications;
        this.recoveries = recoveries;
        this.registry = registry;
        this.clock = clock;
    }

    /**
     * One thing to do.
     *
     * @param task what to do, in the words of the procedure (核对对账申请, 审核结算批次, …)
     * @param subject whom or what it concerns, by name
     * @param orgName the organisation that acts (own, or a county the city supervises)
     * @param dueDate from the capability's deadline rule and the calendar; null when the rules set none
     * @param link the page that does it
     * @param mine the user's own organisation acts (false: a subordinate's, shown for supervision)
     */
    public record Item(String area, String task, String subject, String orgName, LocalDate dueDate, boolean overdue,
                       String link, boolean mine) {
    }

    public List<Item> of(Actor actor, YearMonth period) {
        LocalDate today = LocalDate.now(clock);
        Org org = registry.requireOrg(actor.orgCode(), "org");
        List<Item> items = new ArrayList<>();
        if (org.isHospital()) {
            hospital(actor, org, period, today, items);
        } else {
            reconciliationsOfScope(actor, period, today, items);
            batchesOfScope(actor, today, items);
            prepaymentsOfScope(actor, today, items);
        }
        items.sort(Comparator.comparing(Item::dueDate, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(Item::subject));
        return items.stream().limit(ITEMS_MAX).toList();
    }

    private void hospital(Actor actor, Org hospital, YearMonth period, LocalDate today, List<Item> items) {
        boolean applied = reconciliations.list(actor, period).stream().anyMatch(r -> r.period().equals(period));
        if (!applied && period.isBefore(YearMonth.from(today))) {
            LocalDate due = reconciliations.deadline(hospital.code(), period).dueDate();
            items.add(new Item("结算", "经医院信息系统提交 " + period + " 月度对账申请（3201）", hospital.name(),
                    hospital.name(), due, due != null && today.isAfter(due), "/settlements?period=" + period, true));
        }
        for (org.medfund.prepayment.Recovery r : recoveries.recoveries(hospital.code(), actor)) {
            if (r.status() == RecoveryStatus.OPEN) {
                items.add(new Item("预付金", "退回预付金 " + r.remaining().toYuanText() + " 元", hospital.name(),
                        hospital.name(), r.returnDue(), r.overdue(today), "/prepayments/" + r.prepaymentId(), true));
            }
        }
    }

    private void reconciliationsOfScope(Actor actor, YearMonth period, LocalDate today, List<Item> items) {
        Map<AgencyCycle, LocalDate> paymentDue = new HashMap<>();
        for (ReconciliationView r : reconciliations.inScope(actor, null)) {
            boolean mine = r.agencyCode().equals(actor.orgCode());
            LocalDate due = paymentDue.computeIfAbsent(new AgencyCycle(r.agencyCode(), r.cycle()),
                    k -> settlements.paymentDue(r.agencyCode(), r.cycle()));
            String subject = name(r.hospitalCode()) + " " + r.period() + " 对账";
            String link = "/settlements/reconciliations/" + r.id();
            if (r.status() == ReconciliationStatus.APPLIED && actor.has(Role.CLERK)
                    && (!mine || actor.userId().equals(r.clerkUser()))) {
                items.add(new Item("结算", "核对对账申请（专人对账）", subject, name(r.agencyCode()), due,
                        due != null && today.isAfter(due), link, mine));
            } else if (r.status() == ReconciliationStatus.CHECKED && actor.has(Role.REVIEWER)
                    && !actor.userId().equals(r.checkedBy())) {
                items.add(new Item("结算", "复核确认对账", subject, name(r.agencyCode()), due,
                        due != null && today.isAfter(due), link, mine));
            }
        }
        // The own agency's hospitals that have not applied for the month by its due date: the clerk reminds them.
        Org org = registry.requireOrg(actor.orgCode(), "org");
        if (actor.has(Role.CLERK) && org.kind() == OrgKind.AGENCY) {
            for (ReconciliationView.Obligation o : reconciliations.obligations(actor, period, today)) {
                if (o.reconciliationId() == null && o.overdue()) {
                    items.add(new Item("结算", "督促申请 " + period + " 月度对账（已逾期）", name(o.hospitalCode()),
                            org.name(), o.dueDate(), true, "/obligations?period=" + period, true));
                }
            }
        }
    }

    /** An agency's settlement cycle, whose payment deadline reviewing and checking must meet. */
    private record AgencyCycle(String agencyCode, YearMonth cycle) {
    }

    private void batchesOfScope(Actor actor, LocalDate today, List<Item> items) {
        for (PaymentBatch b : settlements.batchesInScope(actor)) {
            boolean mine = b.agencyCode().equals(actor.orgCode())
                    || registry.financeOf(registry.requireOrg(b.agencyCode(), "agency").regionCode())
                    .map(f -> f.code().equals(actor.orgCode())).orElse(false);
            String subject = name(b.agencyCode()) + " " + b.cycle() + " 结算批次 " + b.id();
            String link = "/settlements?period=" + b.cycle();
            if (b.status() == BatchStatus.PREPARED && (actor.has(Role.FINANCE) || actor.has(Role.CLERK) && !mine)) {
                items.add(new Item("结算", "审核并支付结算批次", subject, name(b.agencyCode()), b.dueDate(), b.late(),
                        link, mine));
            } else if (b.status() == BatchStatus.PAID && !b.totalHeld().isZero() && actor.has(Role.FINANCE)) {
                items.add(new Item("结算", "暂停拨付 " + b.totalHeld().toYuanText() + " 元：解除后复核拨付", subject,
                        name(b.agencyCode()), b.dueDate(), b.late(), link, mine));
            }
        }
    }

    private void prepaymentsOfScope(Actor actor, LocalDate today, List<Item> items) {
        for (org.medfund.prepayment.Prepayment p : prepayments.unpaid(actor)) {
            boolean mine = actor.orgCode().equals(p.payerOrgCode());
            String subject = name(p.hospitalCode()) + " " + p.year() + " 年预付金 " + p.id();
            String link = "/prepayments/" + p.id();
            if (p.status() == PrepaymentStatus.PREPARED && actor.has(Role.REVIEWER)) {
                items.add(new Item("预付金", "审核预付金", subject, name(p.payerOrgCode()), p.dueOn(),
                        p.dueOn() != null && today.isAfter(p.dueOn()), link, mine));
            } else if (p.status() == PrepaymentStatus.APPROVED && actor.has(Role.CLERK)) {
                items.add(new Item("预付金", "拨付预付金", subject, name(p.payerOrgCode()), p.dueOn(),
                        p.dueOn() != null && today.isAfter(p.dueOn()), link, mine));
            }
        }
        for (org.medfund.prepayment.StepState s : applications.openSteps(actor)) {
            boolean mine = actor.orgCode().equals(s.actorOrgCode());
            if (mine && (actor.has(Role.CLERK) || actor.has(Role.FINANCE) || actor.has(Role.REVIEWER))) {
                items.add(new Item("预付金", s.step().label(), "预付金 " + s.prepaymentId(), name(s.actorOrgCode()),
                        s.dueOn(), s.overdue(today), "/prepayments/" + s.prepaymentId(), true));
            }
        }
        if (actor.has(Role.CLERK)) {
            for (org.medfund.prepayment.Recovery r : recoveries.open(actor)) {
                boolean mine = actor.orgCode().equals(r.payerOrgCode());
                items.add(new Item("预付金", "收回预付金 " + r.remaining().toYuanText() + " 元（退回或冲抵）",
                        name(r.hospitalCode()), name(r.payerOrgCode()), r.returnDue(), r.overdue(today),
                        "/prepayments/" + r.prepaymentId(), mine));
            }
        }
    }

    private String name(String orgCode) {
        return registry.org(orgCode).map(Org::name).orElse(orgCode);
    }
}

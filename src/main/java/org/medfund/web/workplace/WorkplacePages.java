package org.medfund.web.workplace;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfund.notices.XlsxExport;
import org.medfund.registry.Actor;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.medfund.registry.RoleLabels;
import org.medfund.settlement.PaymentBatch;
import org.medfund.settlement.ReconciliationView;
import org.medfund.web.MedfundUser;
import org.medfund.web.MonthFilter;
import org.medfund.web.Scope;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import tools.jackson.databind.json.JsonMapper;

/**
 * The workplace pages: the home dashboard of each role (首页), the to-do list (我的待办) and the statement of a
 * hospital's month (对账单, page and xlsx). Each month filter is remembered for the session ({@link MonthFilter}).
 */
@Controller
class WorkplacePages {

    static final List<String> STATEMENT_HEADER = List.of("医疗机构", "月份", "批次", "类别", "批次状态", "险种",
            "应付（元）", "已预拨及结转扣减（元）", "预付金冲抵（元）", "暂停拨付（元）", "实付（元）", "结转下期（元）", "支付日期");

    private final Dashboards dashboards;
    private final Todos todos;
    private final Statements statements;
    private final WorkplaceNames names;
    private final Registry registry;
    private final JsonMapper json;
    private final Clock clock;

    WorkplacePages(Dashboards dashboards, Todos todos, Statements statements,
                   WorkplaceNames names, Registry registry, JsonMapper json, Clock clock) {
        this.names = names;
        this.dashboards = dashboards;
        this.todos = todos;
        this.statements = statements;
        this.registry = registry;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/")
    String home(@AuthenticationPrincipal MedfundUser user, @RequestParam(required = false) String period,
                HttpSession session, Model model) {
        Actor actor = user.actor();
        Scope scope = Scope.of(user, registry);
        WorkplaceScope workplace = WorkplaceScope.of(scope, registry);
        YearMonth month = dashboards.month(actor, MonthFilter.resolve(session, period).orElse(null));
        LocalDate today = LocalDate.now(clock);
        List<ReconciliationView> reconciliations = dashboards.reconciliationsOf(actor, month);
        List<ReconciliationView.Obligation> obligations = dashboards.obligations(actor, month);
        List<PaymentBatch> batches = dashboards.batches(actor);
        List<Dashboards.StatusCount> byStatus = dashboards.byStatus(reconciliations, obligations);
        List<Dashboards.Point> paid = dashboards.paidPerMonth(batches);
        List<Dashboards.Balance> balances = dashboards.prepaymentBalances(actor, workplace);
        model.addAttribute("scope", scope);
        model.addAttribute("roleNames", RoleLabels.of(actor.roles()));
        model.addAttribute("period", month);
        model.addAttribute("today", today);
        model.addAttribute("thisMonth", YearMonth.from(today));
        model.addAttribute("hospital", scope.orgOnly());
        model.addAttribute("clerk", actor.has(Role.CLERK) && !scope.orgOnly());
        model.addAttribute("reviewer", actor.has(Role.REVIEWER));
        model.addAttribute("finance", actor.has(Role.FINANCE));
        model.addAttribute("auditor", actor.has(Role.AUDITOR));
        model.addAttribute("supervises", workplace.supervises());
        model.addAttribute("byStatus", byStatus);
        model.addAttribute("reconciliations", reconciliations);
        model.addAttribute("overdue", obligations.stream().filter(ReconciliationView.Obligation::overdue).toList());
        model.addAttribute("todo", todos.of(actor, month).stream().filter(Todos.Item::mine)
                .limit(Dashboards.LIST_ROWS_MAX).toList());
        model.addAttribute("toApprove", batches.stream().filter(b -> b.status().name().equals("PREPARED")).toList());
        model.addAttribute("toRelease", batches.stream().filter(b -> !b.totalHeld().isZero()).toList());
        model.addAttribute("paidThisMonth", dashboards.paidIn(batches, YearMonth.from(today)));
        model.addAttribute("paidForPeriod", dashboards.paidFor(batches, month));
        model.addAttribute("payments", batches.stream().limit(Dashboards.LIST_ROWS_MAX).toList());
        model.addAttribute("balances", balances);
        if (actor.has(Role.FINANCE) || actor.has(Role.AUDITOR) || workplace.supervises()) {
            model.addAttribute("inTransit", dashboards.inTransit(actor));
        }
        if (actor.has(Role.AUDITOR)) {
            model.addAttribute("chains", dashboards.chains(actor));
            model.addAttribute("postings", dashboards.latestPostings(actor));
        }
        if (workplace.supervises()) {
            model.addAttribute("agencyMonths", dashboards.agencyMonths(workplace, reconciliations, batches, month));
        }
        model.addAttribute("chartsJson", charts(byStatus, paid, balances));
        return "home";
    }

    /** The chart series as JSON for static/js/dashboard.js; "<" escaped so no name can close the script element. */
    private String charts(List<Dashboards.StatusCount> byStatus, List<Dashboards.Point> paid,
                          List<Dashboards.Balance> balances) {
        Map<String, Object> charts = new LinkedHashMap<>();
        charts.put("status", byStatus.stream().map(s -> point(s.label(), s.count())).toList());
        charts.put("paid", paid.stream().map(p -> point(p.label(), p.value())).toList());
        charts.put("balances", balances.stream().map(b -> point(b.hospitalName()
                + (b.insuranceType() == null ? "" : " " + names.insurance(b.insuranceType())),
                b.amount().toYuan())).toList());
        return json.writeValueAsString(charts).replace("<", "\\u003c");
    }

    /** One point of a series, name before value as ECharts documents it. */
    private static Map<String, Object> point(String name, Object value) {
        Map<String, Object> point = new LinkedHashMap<>();
        point.put("name", name);
        point.put("value", value);
        return point;
    }

    @GetMapping("/todo")
    String todo(@AuthenticationPrincipal MedfundUser user, @RequestParam(required = false) String period,
                HttpSession session, Model model) {
        YearMonth month = dashboards.month(user.actor(), MonthFilter.resolve(session, period).orElse(null));
        List<Todos.Item> items = todos.of(user.actor(), month);
        model.addAttribute("period", month);
        model.addAttribute("today", LocalDate.now(clock));
        model.addAttribute("mine", items.stream().filter(Todos.Item::mine).toList());
        model.addAttribute("supervised", items.stream().filter(i -> !i.mine()).toList());
        return "todo";
    }

    @GetMapping("/statements")
    String statement(@AuthenticationPrincipal MedfundUser user, @RequestParam(required = false) String hospital,
                     @RequestParam(required = false) String period, HttpSession session, Model model) {
        Actor actor = user.actor();
        YearMonth month = dashboards.month(actor, MonthFilter.resolve(session, period).orElse(null));
        List<org.medfund.registry.Org> hospitals = statements.hospitals(actor,
                WorkplaceScope.of(Scope.of(user, registry), registry));
        String shown = hospital != null && !hospital.isBlank() ? hospital.strip()
                : hospitals.size() == 1 ? hospitals.get(0).code() : null;
        model.addAttribute("period", month);
        model.addAttribute("hospitals", hospitals);
        model.addAttribute("hospital", shown);
        model.addAttribute("statement", shown == null ? null : statements.of(actor, shown, month));
        return "statement";
    }

    @GetMapping("/statements.xlsx")
    ResponseEntity<byte[]> statementXlsx(@AuthenticationPrincipal MedfundUser user,
                                         @RequestParam String hospital, @RequestParam String period) {
        Statements.Statement s = statements.of(user.actor(), hospital.strip(), MonthFilter.parse(period));
        List<List<Object>> rows = new ArrayList<>();
        for (Statements.Line l : s.lines()) {
            rows.add(Arrays.asList(s.hospitalName(), s.period().toString(), l.batchId(),
                    l.batchKind().label(), l.batchStatus().label(), l.insuranceName(),
                    l.owed().toYuan(), l.prepaid().toYuan(), l.offset().toYuan(), l.held().toYuan(),
                    l.paid().toYuan(), l.carriedOut().toYuan(),
                    l.paidOn() == null ? null : l.paidOn().toString()));
        }
        Statements.Totals t = s.totals();
        rows.add(Arrays.asList(s.hospitalName(), s.period().toString(), null, "合计", null, null, t.owed().toYuan(),
                t.prepaid().toYuan(), t.offset().toYuan(), t.held().toYuan(), t.paid().toYuan(),
                t.carriedOut().toYuan(), null));
        for (Statements.PrepaymentBalance b : s.prepaymentBalances()) {
            rows.add(Arrays.asList(s.hospitalName(), s.period().toString(), null, "预付金月末余额（" + b.payerName() + "）",
                    null, b.insuranceName(), b.amount().toYuan(), null, null, null, null, null, null));
        }
        return XlsxExport.response(s.hospitalName() + "-" + s.period() + "-对账单.xlsx", "对账单", STATEMENT_HEADER,
                rows);
    }
}

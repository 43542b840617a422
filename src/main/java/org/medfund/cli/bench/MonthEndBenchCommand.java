package org.medfund.cli.bench;

import org.medfund.cli.NestedSubcommand;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import javax.sql.DataSource;
import org.medfund.claims.SettlementFields;
import org.medfund.claims.SettlementRecords;
import org.medfund.claims.SettlingAgency;
import org.medfund.claims.SyntheticSettlements;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.OrgDraft;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Region;
import org.medfund.registry.Registry;
import org.medfund.registry.RegistryAdmin;
import org.medfund.registry.Role;
import org.medfund.settlement.MonthlySettlements;
import org.medfund.settlement.PaymentBatch;
import org.medfund.settlement.ReconciliationApplication;
import org.medfund.settlement.ReconciliationView;
import org.medfund.settlement.Reconciliations;
import org.postgresql.PGConnection;
import org.medfund.users.UserAccount;
import org.medfund.users.Users;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medfund bench month-end --settlements N --hospitals H}: H benchmark hospitals (codes {@code H<region>9xxxx},
 * named 基准测试医院, created once in the first Henan hospital's region and reused) get N synthetic settlements of
 * one month, loaded by the fast path (COPY on PostgreSQL, JDBC batch on H2, untimed). Timed: every hospital's
 * reconciliation through the real services (totals from {@link SettlementRecords}, apply, clerk check, reviewer
 * confirm) and the agency's payment batch ({@link MonthlySettlements#prepare}); then a raw {@code GROUP BY} over the
 * same rows. Each run takes the next month from 2024-01 on that the benchmark hospitals have not reconciled yet, so
 * runs never touch demo months or each other.
 */
@Component
@Command(name = "month-end", mixinStandardHelpOptions = true,
        description = "月末对账与结算耗时：真实服务 vs 原始 GROUP BY 汇总")
class MonthEndBenchCommand implements Callable<Integer>, NestedSubcommand, RunsOnScratchDatabase {

    /** The stored clerk account named for every benchmark hospital (a reconciliation clerk must be one). */
    static final String BENCH_CLERK = "bench-clerk";

    static final int SETTLEMENTS_MAX = 20_000_000;
    static final int HOSPITALS_MAX = 9_999;
    static final YearMonth FIRST_MONTH = YearMonth.of(2024, 1);
    static final int LOAD_CHUNK = 50_000;

    private final Registry registry;
    private final RegistryAdmin registryAdmin;
    private final SettlementRecords records;
    private final Reconciliations reconciliations;
    private final MonthlySettlements settlements;
    private final DataSource dataSource;
    private final JdbcClient jdbc;
    private final Users users;

    @Spec
    CommandSpec spec;

    @Option(names = "--settlements", required = true, description = "结算记录条数")
    int count;

    @Option(names = "--hospitals", required = true, description = "医院数")
    int hospitalCount;

    MonthEndBenchCommand(Registry registry, RegistryAdmin registryAdmin, SettlementRecords records,
                         Reconciliations reconciliations, MonthlySettlements settlements, DataSource dataSource,
                         JdbcClient jdbc, Users users) {
        this.users = users;
        this.registry = registry;
        this.registryAdmin = registryAdmin;
        this.records = records;
        this.reconciliations = reconciliations;
        this.settlements = settlements;
        this.dataSource = dataSource;
        this.jdbc = jdbc;
    }

    @Override
    public String parent() {
        return "bench";
    }

    @Override
    public Integer call() throws SQLException, IOException {
        if (count < 1 || count > SETTLEMENTS_MAX) {
            throw new Rejection("bench.settlements-invalid", "--settlements", "条数须在 1 至 " + SETTLEMENTS_MAX + " 之间");
        }
        if (hospitalCount < 1 || hospitalCount > HOSPITALS_MAX || hospitalCount > count) {
            throw new Rejection("bench.hospitals-invalid", "--hospitals", "医院数须在 1 至 " + HOSPITALS_MAX
                    + " 之间且不超过条数");
        }
        PrintWriter out = spec.commandLine().getOut();
        Org model = firstHospital();
        Org agency = registry.agencyOf(SettlingAgency.regionCode(registry, model)).orElseThrow();
        List<String> hospitals = ensureHospitals(model, agency, out);
        YearMonth month = nextMonth(hospitals.get(0));
        String run = Long.toString(System.currentTimeMillis(), 36);
        out.println("医院 " + hospitalCount + " 家（" + agency.name() + "），月份 " + month + "，结算记录 " + count + " 条");
        out.flush();
        load(hospitals, agency, month, run, out);
        long start = System.nanoTime();
        LocalDate appliedOn = month.plusMonths(1).atDay(2);
        YearMonth cycle = reconcile(hospitals, agency, month, appliedOn, run, out);
        Actor clerk = new Actor(BENCH_CLERK, agency.code(), Set.of(Role.CLERK));
        PaymentBatch batch = settlements.prepare(clerk, cycle, appliedOn.plusDays(2), "bench-prepare-" + run);
        double services = seconds(start);
        out.printf("  结算批次 %d：%d 行%n", batch.id(), batch.lines().size());
        start = System.nanoTime();
        long groups = jdbc.sql("""
                select fixmedins_code, insutype, clr_type, count(*), sum(medfee_sumamt), sum(hifp_pay),
                       sum(fund_pay_sumamt), sum(acct_pay)
                from claims_settlement where period = :p and fixmedins_code like :codes
                group by fixmedins_code, insutype, clr_type""")
                .param("p", period(month)).param("codes", "H" + model.regionCode() + "9%")
                .query((rs, n) -> rs.getLong(4)).list().stream().mapToLong(Long::longValue).sum();
        double raw = seconds(start);
        out.printf("对账+结算（真实服务）: %.2f 秒；原始 GROUP BY（%,d 行）: %.3f 秒；比值 %.1f 倍%n", services, groups, raw,
                services / raw);
        out.flush();
        return 0;
    }

    private Org firstHospital() {
        for (Region region : registry.descendants("410000")) {
            for (Org h : registry.hospitals(region.code())) {
                if (h.designated() && h.code().startsWith("H") && !h.cityManaged()) {
                    return h;
                }
            }
        }
        throw new Rejection("bench.no-hospital", "--hospitals", "登记中没有可作模板的定点医院");
    }

    /** Benchmark hospitals are created once (registry admin path) and reused; each has the bench clerk. */
    private List<String> ensureHospitals(Org model, Org agency, PrintWriter out) {
        Actor admin = new Actor("bench-admin", agency.code(), Set.of(Role.ADMIN));
        Actor clerkAdmin = new Actor("bench-admin", agency.code(), Set.of(Role.ADMIN, Role.CLERK));
        List<String> codes = new ArrayList<>();
        int created = 0;
        if (users.find(BENCH_CLERK).isEmpty()) {
            users.create(new UserAccount(BENCH_CLERK, "基准测试对账专人", agency.code(), Set.of(Role.CLERK), true), null);
        }
        for (int i = 0; i < hospitalCount; i++) {
            String code = "H" + model.regionCode() + "9" + String.format("%04d", i);
            if (registry.org(code).isEmpty()) {
                registryAdmin.createOrg(admin, new OrgDraft(code, "基准测试医院 " + i, OrgKind.HOSPITAL,
                        model.regionCode(), 2, true, false, null, false, null));
                created++;
            }
            if (reconciliations.clerkOf(code).isEmpty()) {
                reconciliations.assignClerk(clerkAdmin, code, BENCH_CLERK);
            }
            codes.add(code);
        }
        out.println("  基准医院新建 " + created + " 家");
        out.flush();
        return codes;
    }

    private YearMonth nextMonth(String hospital) {
        YearMonth month = FIRST_MONTH;
        while (records.isMonthClosed(hospital, month)) {
            month = month.plusMonths(1);
        }
        return month;
    }

    /** Untimed setup: the generator's rows straight into claims_settlement (COPY on PostgreSQL). */
    /**
     * Setup, not timed: COPY straight into {@code claims_settlement} rather than through the intake, whose rate is
     * what {@code bench intake} measures (docs/decisions.md, "Benchmarks that write another capability's tables
     * directly"); the run is on a scratch database.
     */
    private void load(List<String> hospitals, Org agency, YearMonth month, String run, PrintWriter out)
            throws SQLException, IOException {
        long start = System.nanoTime();
        boolean postgresql;
        try (Connection c = dataSource.getConnection()) {
            postgresql = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            c.setAutoCommit(false);
            List<String[]> chunk = new ArrayList<>(LOAD_CHUNK);
            int done = 0;
            for (int h = 0; h < hospitals.size(); h++) {
                int n = count / hospitals.size() + (h < count % hospitals.size() ? 1 : 0);
                String hospital = hospitals.get(h);
                List<Map<String, String>> rows = new ArrayList<>(n);
                SyntheticSettlements.generate(hospital, "S" + run + "-" + h + "-", agency.regionCode(),
                        hospital.substring(1, 7), agency.regionCode(), month, n, h, rows::add);
                for (Map<String, String> row : rows) {
                    chunk.add(columns(row, month));
                    if (chunk.size() == LOAD_CHUNK) {
                        write(c, chunk, postgresql);
                        done += chunk.size();
                        chunk.clear();
                        progress(out, "载入", done);
                    }
                }
            }
            write(c, chunk, postgresql);
            c.setAutoCommit(true);
        }
        out.printf("  载入 %,d 条用时 %.1f 秒（%s，不计入比较）%n", count, seconds(start),
                postgresql ? "COPY" : "JDBC 批量插入");
        out.flush();
    }

    private static String[] columns(Map<String, String> row, YearMonth month) {
        String[] v = new String[25];
        int i = 0;
        for (String f : SettlementFields.ALL) {
            String text = row.getOrDefault(f, "");
            v[i++] = SettlementFields.AMOUNTS.contains(f) ? Long.toString(Money.ofYuan(text).fen()) : text;
            if (f.equals("setl_time")) {
                v[i++] = Integer.toString(period(month));
            }
        }
        v[i++] = "bench";
        v[i] = "0";
        return v;
    }

    private static final String COLUMNS = String.join(", ", SettlementFields.ALL).replace("setl_time",
            "setl_time, period") + ", content_hash, batch_id";

    private static void write(Connection c, List<String[]> rows, boolean postgresql)
            throws SQLException, IOException {
        if (rows.isEmpty()) {
            return;
        }
        if (postgresql) {
            StringBuilder csv = new StringBuilder(rows.size() * 200);
            for (String[] v : rows) {
                csv.append(String.join(",", v)).append('\n');
            }
            c.unwrap(PGConnection.class).getCopyAPI().copyIn("copy claims_settlement (" + COLUMNS
                    + ") from stdin with (format csv)", new StringReader(csv.toString()));
        } else {
            String sql = "insert into claims_settlement (" + COLUMNS + ") values ("
                    + String.join(", ", java.util.Collections.nCopies(25, "?")) + ")";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                for (String[] v : rows) {
                    for (int i = 0; i < v.length; i++) {
                        ps.setObject(i + 1, value(i, v[i]));
                    }
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
        c.commit();
    }

    /** Column index → JDBC value for the H2 path (12 setl_time, 13 period, 14–20 amounts, 24 batch_id). */
    private static Object value(int i, String text) {
        if (i == 12) {
            return Timestamp.valueOf(LocalDateTime.parse(text, SettlementFields.TIME));
        }
        if (i == 13) {
            return Integer.parseInt(text);
        }
        if ((i >= 14 && i <= 20) || i == 24) {
            return Long.parseLong(text);
        }
        return i == 22 && text.isEmpty() ? null : text;
    }

    /** Timed: the month-end path of each hospital as the services run it in production. */
    private YearMonth reconcile(List<String> hospitals, Org agency, YearMonth month, LocalDate appliedOn, String run,
                                PrintWriter out) {
        Actor clerk = new Actor(BENCH_CLERK, agency.code(), Set.of(Role.CLERK));
        Actor reviewer = new Actor("bench-reviewer", agency.code(), Set.of(Role.REVIEWER));
        YearMonth cycle = month;
        int done = 0;
        for (String hospital : hospitals) {
            List<ReconciliationApplication.Total> totals = new ArrayList<>();
            for (SettlementRecords.GroupTotal g : records.totals(hospital, month)) {
                totals.add(new ReconciliationApplication.Total(g.insuranceType(), g.clearingType(),
                        agency.regionCode(), month.atDay(1), month.atEndOfMonth(), g.medfeeSum(), g.fundPaySum(),
                        g.accountPay(), g.count(), "1"));
            }
            ReconciliationView r = reconciliations.apply(Actor.system(hospital),
                    new ReconciliationApplication(hospital, month, totals, List.of()), appliedOn,
                    "bench-reconcile-" + run + "-" + hospital);
            reconciliations.check(clerk, r.id(), appliedOn);
            reconciliations.confirm(reviewer, r.id(), appliedOn.plusDays(1));
            cycle = r.cycle();
            done++;
            if (done % Math.max(1, hospitals.size() / 10) == 0 || done == hospitals.size()) {
                out.println("  对账 " + done + "/" + hospitals.size());
                out.flush();
            }
        }
        return cycle;
    }

    private static int period(YearMonth month) {
        return month.getYear() * 100 + month.getMonthValue();
    }

    private void progress(PrintWriter out, String what, int done) {
        if (done % Math.max(LOAD_CHUNK, count / 10 / LOAD_CHUNK * LOAD_CHUNK) == 0) {
            out.println("  " + what + " " + done + "/" + count);
            out.flush();
        }
    }

    private static double seconds(long start) {
        return Math.max(1e-9, (System.nanoTime() - start) / 1e9);
    }
}

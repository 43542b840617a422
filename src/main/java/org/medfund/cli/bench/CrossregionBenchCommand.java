package org.medfund.cli.bench;

import org.medfund.cli.NestedSubcommand;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.medfund.MedfundApplication;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.BenefitRule;
import org.medfund.crossregion.CrossRegion;
import org.medfund.crossregion.FilingDraft;
import org.medfund.crossregion.FilingType;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.users.UserAccount;
import org.medfund.users.Users;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medfund bench crossregion-settle}: the discharge desk's throughput over HTTP on loopback. Starts a second
 * medfund web server in a scratch PostgreSQL schema of its own (the user's database is never touched; the schema is
 * dropped afterwards), files {@code --cards} Guizhou insured persons for a designated Henan hospital, and drives it
 * with {@code --threads} java.net.http clients: the trivial endpoint that inserts one row (the stack's own limit) and
 * the mix of previews and settlements, each warmed up, then measured in alternating slices of the same run. Prints
 * requests per second, p50/p99 per kind, CPU per request and the ratio; checks that every successful settlement was
 * booked once. The command's own context runs on a scratch database too ({@link RunsOnScratchDatabase}), so the
 * user's database is never opened.
 */
@Component
@Command(name = "crossregion-settle", mixinStandardHelpOptions = true,
        description = "异地就医出院直接结算吞吐量（HTTP 回环，PostgreSQL 临时 schema）：对比插入一行的简单端点")
class CrossregionBenchCommand implements Callable<Integer>, NestedSubcommand, RunsOnScratchDatabase {

    static final int THREADS_MAX = 256;
    static final int SECONDS_MAX = 3_600;
    static final int CARDS_MAX = 100_000;
    static final String HOSPITAL = "H41040200001";
    static final String INSURED = "520100";
    /** Goals of issue 14 for this 2-core machine. */
    static final double SETTLES_PER_SECOND_GOAL = 2_000;
    static final double P99_MILLIS_GOAL = 20;
    static final double RATIO_GOAL = 0.5;
    /** Above this share of stolen CPU (a shared host) a phase's figures are not the machine's own: the run says so. */
    static final double STEAL_SHARE_NOTED = 0.05;
    /** Measured slices per phase, alternating trivial and mixed after both warm-ups. */
    static final int ROUNDS = 3;
    /** Unmeasured seconds at the start of each slice: the other workload's queues drain, connections settle. */
    static final int SLICE_SETTLE_SECONDS = 2;

    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Option(names = "--pg-url", description = "PostgreSQL JDBC URL（默认 jdbc:postgresql://127.0.0.1:5432/test）")
    String pgUrl = "jdbc:postgresql://127.0.0.1:5432/test";

    @Option(names = "--pg-user", description = "PostgreSQL 用户（默认 postgres）")
    String pgUser = "postgres";

    @Option(names = "--pg-password", description = "PostgreSQL 密码（默认空）")
    String pgPassword = "";

    /**
     * Eight: the server needs a few requests in flight per core to overlap its database waits, and the pool's ten
     * connections then never make a request wait; more clients on two shared cores only lengthen the queues.
     */
    @Option(names = "--threads", description = "并发客户端线程数（默认 8）")
    int threads = 8;

    @Option(names = "--seconds", description = "每个阶段的测量秒数（默认 15，分 3 轮与另一阶段交替测量）")
    int seconds = 15;

    /**
     * Two minutes: on two loaded cores the JIT compiler is still busy after 45 s (a third of the JVM's CPU in one
     * measured run, 2026-12-01), and a desk runs for hours, so the steady state is what counts.
     */
    @Option(names = "--warmup-seconds", description = "每个阶段的预热秒数（默认 120，先让即时编译完成）")
    int warmupSeconds = 120;

    @Option(names = "--preview-percent", description = "试算请求占比（默认 20）")
    int previewPercent = 20;

    @Option(names = "--cards", description = "备案参保人数（默认 2000）")
    int cards = 2_000;

    CrossregionBenchCommand(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String parent() {
        return "bench";
    }

    @Override
    public Integer call() throws Exception {
        check();
        PrintWriter out = spec.commandLine().getOut();
        String run = Long.toString(System.currentTimeMillis(), 36);
        String schema = "medfund_bench_" + run;
        try (Connection c = DriverManager.getConnection(pgUrl, pgUser, pgPassword)) {
            c.createStatement().execute("create schema " + schema);
        }
        out.printf("基准 crossregion-settle：%s 临时 schema %s，%d 线程，每阶段预热 %d 秒、测量 %d 秒%n", pgUrl, schema,
                threads, warmupSeconds, seconds);
        out.flush();
        try (ConfigurableApplicationContext server = startServer(schema)) {
            int port = Integer.parseInt(server.getEnvironment().getProperty("local.server.port"));
            LocalDate today = LocalDate.now(clock);
            String token = prepare(server, today);
            out.printf("  服务已启动：127.0.0.1:%d；已备案 %d 人，医院 %s%n", port, cards, HOSPITAL);
            out.flush();
            Cpu cpu = new Cpu(server.getBean(javax.sql.DataSource.class), schema);
            CallFactory ping = (http, rnd, seq) -> new Call(Kind.PING,
                    http.post("/api/crossregion/bench/ping", token, null, "{}"));
            CallFactory desk = (http, rnd, seq) -> deskCall(http, token, rnd, seq, run, today);
            // Both warm up first; then the measured seconds alternate between them in short slices, so that a host
            // that takes CPU away part of the way through slows both alike and the ratio stays the machine's own.
            List<Phase> trivialSlices = new ArrayList<>(List.of(phase(port, ping, cpu, warmupSeconds, 0)));
            List<Phase> mixedSlices = new ArrayList<>(List.of(phase(port, desk, cpu, warmupSeconds, 0)));
            for (int round = 0; round < ROUNDS; round++) {
                trivialSlices.add(phase(port, ping, cpu, SLICE_SETTLE_SECONDS, seconds / (double) ROUNDS));
                mixedSlices.add(phase(port, desk, cpu, SLICE_SETTLE_SECONDS, seconds / (double) ROUNDS));
            }
            Phase trivial = Phase.merge(trivialSlices);
            Phase mixed = Phase.merge(mixedSlices);
            out.printf("  （两个阶段各预热 %d 秒后交替测量 %d 轮，每轮各 %.1f 秒）%n", warmupSeconds, ROUNDS,
                    seconds / (double) ROUNDS);
            out.println("  简单端点（鉴权 + 插入一行）: " + trivial.describe(Kind.PING));
            out.println("    每请求 CPU：" + trivial.cpu());
            out.flush();
            double ratio = mixed.perSecond(null) / trivial.perSecond(Kind.PING);
            out.printf("  异地结算（%d%% 试算）: %,.0f 请求/秒；结算 %s；试算 %s%n", previewPercent,
                    mixed.perSecond(null), mixed.describe(Kind.SETTLE), mixed.describe(Kind.PREVIEW));
            out.println("    每请求 CPU：" + mixed.cpu());
            double steal = Math.max(trivial.stealShare(), mixed.stealShare());
            if (steal > STEAL_SHARE_NOTED) {
                out.printf("  注意：测量期间本机 CPU 有 %.1f%% 被宿主调度给其他虚拟机（steal），结果偏低且不稳定，请在空闲时重测%n",
                        100 * steal);
            }
            out.printf("  比值（异地结算请求/秒 ÷ 简单端点请求/秒）: %.1f%%；按每请求 CPU（服务端 JVM + PostgreSQL 会话）: %.1f%%%n",
                    100 * ratio, 100 * trivial.serverCpuPerRequest() / mixed.serverCpuPerRequest());
            long booked = JdbcClient.create(server.getBean(javax.sql.DataSource.class))
                    .sql("select count(*) from cr_settlement").query(Long.class).single();
            long answered = mixed.settledTotal();
            if (booked != answered) {
                throw new IllegalStateException("booked " + booked + " settlements for " + answered + " answers");
            }
            out.printf("  核对：成功结算应答 %,d 次，结算记录 %,d 条，一致%n", answered, booked);
            boolean met = mixed.perSecond(Kind.SETTLE) >= SETTLES_PER_SECOND_GOAL
                    && mixed.p99Millis(Kind.SETTLE) <= P99_MILLIS_GOAL && ratio >= RATIO_GOAL;
            out.printf("目标（结算 ≥ %,.0f/秒、p99 ≤ %.0f 毫秒、比值 ≥ %.0f%%）：%s%n", SETTLES_PER_SECOND_GOAL,
                    P99_MILLIS_GOAL, 100 * RATIO_GOAL, met ? "达到" : "未达到");
        } finally {
            try (Connection c = DriverManager.getConnection(pgUrl, pgUser, pgPassword)) {
                c.createStatement().execute("drop schema " + schema + " cascade");
            }
            out.println("已删除临时 schema " + schema);
            out.flush();
        }
        return 0;
    }

    private void check() {
        if (pgUrl == null || !pgUrl.startsWith("jdbc:postgresql:")) {
            throw new Rejection("bench.pg-url-invalid", "--pg-url", "--pg-url 应为 PostgreSQL 的 JDBC URL（jdbc:postgresql://…）");
        }
        if (threads < 1 || threads > THREADS_MAX) {
            throw new Rejection("bench.threads-invalid", "--threads", "线程数须在 1 至 " + THREADS_MAX + " 之间");
        }
        if (seconds < 1 || seconds > SECONDS_MAX || warmupSeconds < 0 || warmupSeconds > SECONDS_MAX) {
            throw new Rejection("bench.seconds-invalid", "--seconds", "测量秒数须在 1 至 " + SECONDS_MAX + " 之间，预热不为负");
        }
        if (previewPercent < 0 || previewPercent > 90) {
            throw new Rejection("bench.preview-invalid", "--preview-percent", "试算占比须在 0 至 90 之间");
        }
        if (cards < 1 || cards > CARDS_MAX) {
            throw new Rejection("bench.cards-invalid", "--cards", "备案人数须在 1 至 " + CARDS_MAX + " 之间");
        }
    }

    /**
     * Command-line arguments outrank application.properties and the environment (MEDFUND_DB_URL, MEDFUND_DATA_DIR),
     * so the benchmark's server can only ever see its scratch schema.
     */
    private ConfigurableApplicationContext startServer(String schema) {
        String separator = pgUrl.contains("?") ? "&" : "?";
        List<String> args = List.of(
                "--spring.datasource.url=" + pgUrl + separator + "currentSchema=" + schema + "&ApplicationName="
                        + schema,
                "--spring.datasource.username=" + pgUser,
                "--spring.datasource.password=" + pgPassword,
                "--spring.flyway.schemas=" + schema,
                "--spring.flyway.default-schema=" + schema,
                "--server.port=0",
                "--server.address=127.0.0.1",
                "--medfund.bench.enabled=true",
                "--medfund.cli.enabled=false",
                "--medfund.data-dir=" + System.getProperty("java.io.tmpdir") + "/" + schema);
        return new SpringApplicationBuilder(MedfundApplication.class).web(WebApplicationType.SERVLET)
                .logStartupInfo(false).run(args.toArray(String[]::new));
    }

    /** Benefit parameters, designation, filings and the hospital's API token, through the facades. */
    private String prepare(ConfigurableApplicationContext server, LocalDate today) {
        CrossRegion crossRegion = server.getBean(CrossRegion.class);
        Actor agency = Actor.system(INSURED + "-AGENCY");
        crossRegion.designate(HOSPITAL, today.withDayOfYear(1), null, Actor.system("410000-CENTRE"));
        // A cap no bench run reaches, so every settlement is a full calculation rather than a refusal.
        crossRegion.setBenefitRule(new BenefitRule(INSURED, "310", today.getYear(), List.of(
                new BenefitRule.GradeTerms(1, Money.ofYuan("300.00"), new BigDecimal("0.95")),
                new BenefitRule.GradeTerms(2, Money.ofYuan("600.00"), new BigDecimal("0.9")),
                new BenefitRule.GradeTerms(3, Money.ofYuan("900.00"), new BigDecimal("0.85"))),
                Money.ofYuan("100000000.00")), agency);
        for (int i = 0; i < cards; i++) {
            crossRegion.file(new FilingDraft(card(i), "基准参保人", INSURED, "310", FilingType.RESETTLED_RETIREE,
                    "410000", today.withDayOfYear(1), null), agency);
        }
        Users users = server.getBean(Users.class);
        users.create(new UserAccount("bench-hospital", "基准医院结算系统", HOSPITAL, Set.of(Role.HOSPITAL), true), null);
        return users.issueToken("bench-hospital", "bench crossregion-settle");
    }

    private String card(int i) {
        return String.format("52B%08d", i);
    }

    private enum Kind { PING, PREVIEW, SETTLE }

    private record Call(Kind kind, byte[] request) {
    }

    private interface CallFactory {
        Call next(LoopbackHttp http, ThreadLocalRandom rnd, long seq);
    }

    private Call deskCall(LoopbackHttp http, String token, ThreadLocalRandom rnd, long seq, String run,
                          LocalDate today) {
        boolean preview = rnd.nextInt(100) < previewPercent;
        String setlId = run + "-" + Thread.currentThread().getId() + "-" + seq;
        String body = """
                {"setl_id":"%s","mdtrt_cert_no":"%s","insuplc_admdvs":"%s","insutype":"310","setl_date":"%s",
                 "acct_used_flag":"0","fee_lines":[
                 {"med_chrgitm_type":"01","chrgitm_lv":"01","det_item_fee_sumamt":"2000.00"},
                 {"med_chrgitm_type":"09","chrgitm_lv":"02","det_item_fee_sumamt":"1000.05","selfpay_prop":"0.1"},
                 {"med_chrgitm_type":"06","chrgitm_lv":"01","det_item_fee_sumamt":"%d.%02d"},
                 {"med_chrgitm_type":"08","chrgitm_lv":"03","det_item_fee_sumamt":"300.00"}]}"""
                .formatted(setlId, card(rnd.nextInt(cards)), INSURED, today, rnd.nextInt(100, 5_000),
                        rnd.nextInt(100));
        String path = "/api/crossregion/settlements" + (preview ? "/preview" : "");
        return new Call(preview ? Kind.PREVIEW : Kind.SETTLE, http.post(path, token, preview ? null : setlId, body));
    }

    /** Latencies of one kind of request in one thread, in nanoseconds. */
    private static final class Latencies {
        long[] nanos = new long[1 << 14];
        int count;

        void add(long value) {
            if (count == nanos.length) {
                nanos = Arrays.copyOf(nanos, count * 2);
            }
            nanos[count++] = value;
        }
    }

    private record ThreadResult(Map<Kind, Latencies> measured, long settledTotal, int errors, String firstError,
                                long cpuNanos) {
    }

    /**
     * Results of one phase over all threads, with the CPU time the measured seconds took: the client threads', the
     * rest of this JVM (the server), and the server's PostgreSQL backends (from /proc; zero when unreadable).
     */
    private record Phase(Map<Kind, long[]> sorted, double seconds, long settledTotal, int errors, String firstError,
                         long clientCpuNanos, long serverCpuNanos, long requestThreadsCpuNanos, long databaseCpuNanos,
                         long stolenTicks, long machineTicks) {

        /** The slices of one kind of load as one phase: their latencies, seconds, counts and clocks added up. */
        static Phase merge(List<Phase> slices) {
            Map<Kind, long[]> sorted = new java.util.EnumMap<>(Kind.class);
            for (Kind kind : Kind.values()) {
                sorted.put(kind, slices.stream().flatMapToLong(p -> Arrays.stream(p.sorted().get(kind))).sorted()
                        .toArray());
            }
            boolean unknown = slices.stream().anyMatch(p -> p.machineTicks() < 0);
            return new Phase(sorted, slices.stream().mapToDouble(Phase::seconds).sum(),
                    slices.stream().mapToLong(Phase::settledTotal).sum(), slices.stream().mapToInt(Phase::errors).sum(),
                    slices.stream().map(Phase::firstError).filter(java.util.Objects::nonNull).findFirst().orElse(null),
                    slices.stream().mapToLong(Phase::clientCpuNanos).sum(),
                    slices.stream().mapToLong(Phase::serverCpuNanos).sum(),
                    slices.stream().mapToLong(Phase::requestThreadsCpuNanos).sum(),
                    slices.stream().mapToLong(Phase::databaseCpuNanos).sum(),
                    unknown ? -1 : slices.stream().mapToLong(Phase::stolenTicks).sum(),
                    unknown ? -1 : slices.stream().mapToLong(Phase::machineTicks).sum());
        }

        /** The share of the machine's CPU the host gave to other guests while this phase was measured; -1 unknown. */
        double stealShare() {
            return machineTicks <= 0 ? -1 : stolenTicks / (double) machineTicks;
        }

        long requests() {
            return sorted.values().stream().mapToLong(a -> a.length).sum();
        }

        /** Server JVM and PostgreSQL CPU nanoseconds per measured request: what the stack itself spends on one. */
        double serverCpuPerRequest() {
            return (serverCpuNanos + databaseCpuNanos) / (double) Math.max(1, requests());
        }

        /** CPU milliseconds per measured request: server JVM, PostgreSQL backends, client. */
        String cpu() {
            double n = Math.max(1, requests());
            return String.format("服务端 JVM %.2f 毫秒（其中请求线程和批量写入线程 %.2f 毫秒，其余为即时编译、垃圾回收等），"
                            + "PostgreSQL 会话 %.2f 毫秒，负载端 %.2f 毫秒%s", serverCpuNanos / n / 1e6,
                    requestThreadsCpuNanos / n / 1e6, databaseCpuNanos / n / 1e6, clientCpuNanos / n / 1e6,
                    stealShare() < 0 ? "" : String.format("；宿主占用（steal）%.1f%%", 100 * stealShare()));
        }

        double perSecond(Kind kind) {
            long n = kind == null ? sorted.values().stream().mapToLong(a -> a.length).sum() : sorted.get(kind).length;
            return n / seconds;
        }

        double p99Millis(Kind kind) {
            return percentile(sorted.get(kind), 0.99) / 1e6;
        }

        String describe(Kind kind) {
            long[] all = sorted.get(kind);
            return String.format("%,.0f 请求/秒，p50 %.1f 毫秒，p99 %.1f 毫秒，错误 %d%s", perSecond(kind),
                    percentile(all, 0.5) / 1e6, percentile(all, 0.99) / 1e6, errors,
                    firstError == null ? "" : "（首个错误：" + firstError + "）");
        }

        private static double percentile(long[] sortedNanos, double p) {
            if (sortedNanos.length == 0) {
                return 0;
            }
            return sortedNanos[(int) Math.min(sortedNanos.length - 1, Math.ceil(p * sortedNanos.length) - 1)];
        }
    }

    /** One load for {@code warmup} seconds unmeasured, then {@code measured} seconds measured (zero: none). */
    private Phase phase(int port, CallFactory calls, Cpu cpu, int warmup, double measured) throws Exception {
        long start = System.nanoTime();
        long measureFrom = start + warmup * 1_000_000_000L;
        long end = measureFrom + (long) (measured * 1e9);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<ThreadResult>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> drive(port, calls, measureFrom, end)));
            }
            sleepUntil(measureFrom);
            long process0 = cpu.process();
            long requestThreads0 = cpu.requestThreads();
            long database0 = cpu.database();
            long[] machine0 = Cpu.machine();
            sleepUntil(end);
            long process = cpu.process() - process0;
            long requestThreads = cpu.requestThreads() - requestThreads0;
            long database = cpu.database() - database0;
            long[] machine = Cpu.machine();
            boolean known = machine0 != null && machine != null;
            Map<Kind, List<Latencies>> byKind = new java.util.EnumMap<>(Kind.class);
            long settled = 0;
            int errors = 0;
            long client = 0;
            String firstError = null;
            for (Future<ThreadResult> future : futures) {
                ThreadResult result = future.get();
                result.measured().forEach((kind, l) -> byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(l));
                settled += result.settledTotal();
                errors += result.errors();
                client += result.cpuNanos();
                firstError = firstError != null ? firstError : result.firstError();
            }
            Map<Kind, long[]> sorted = new java.util.EnumMap<>(Kind.class);
            for (Kind kind : Kind.values()) {
                long[] all = byKind.getOrDefault(kind, List.of()).stream()
                        .flatMapToLong(l -> Arrays.stream(l.nanos, 0, l.count)).sorted().toArray();
                sorted.put(kind, all);
            }
            return new Phase(sorted, measured, settled, errors, firstError, client, Math.max(0, process - client),
                    requestThreads, database, known ? machine[0] - machine0[0] : -1,
                    known ? machine[1] - machine0[1] : -1);
        } finally {
            pool.shutdownNow();
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        for (long left = nanoTime - System.nanoTime(); left > 0; left = nanoTime - System.nanoTime()) {
            Thread.sleep(Math.max(1, left / 1_000_000));
        }
    }

    /** CPU clocks: this JVM's, and the PostgreSQL backends serving the bench server's pool (by application name). */
    private record Cpu(javax.sql.DataSource server, String applicationName) {

        long process() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                    .getOperatingSystemMXBean()).getProcessCpuTime();
        }

        /** The discharge desk's batch writers, named like this (crossregion.internal.DeskBatchWriter). */
        static final String DESK_WRITER_THREAD = "desk-batch-writer";

        /** CPU of the server's request threads (Tomcat's {@code http-nio-…-exec-N}) and the desk's batch writers. */
        long requestThreads() {
            java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
            long sum = 0;
            for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (info != null && (info.getThreadName().startsWith("http-nio-")
                        || info.getThreadName().startsWith(DESK_WRITER_THREAD))) {
                    sum += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
                }
            }
            return sum;
        }

        /**
         * The machine's stolen and total CPU ticks so far (the {@code cpu} line of /proc/stat), or null where there
         * is none: on a shared virtual machine, time the host gave to other guests slows every phase alike.
         */
        static long[] machine() {
            try {
                String[] fields = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0)
                        .trim().split("\\s+");
                long total = 0;
                for (int i = 1; i < fields.length && i <= 8; i++) {
                    total += Long.parseLong(fields[i]);
                }
                return fields.length > 8 ? new long[] {Long.parseLong(fields[8]), total} : null;
            } catch (java.io.IOException | RuntimeException e) {
                return null;
            }
        }

        /** Sum of utime + stime of the backends, from /proc (the benchmark's PostgreSQL runs on this machine). */
        long database() {
            List<Integer> pids = JdbcClient.create(server)
                    .sql("select pid from pg_stat_activity where application_name = :name")
                    .param("name", applicationName).query(Integer.class).list();
            long ticks = 0;
            for (int pid : pids) {
                try {
                    String stat = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
                } catch (java.io.IOException | RuntimeException e) {
                    // A backend that ended meanwhile, or a database on another machine: not counted.
                }
            }
            return ticks * 10_000_000L; // USER_HZ is 100 on Linux
        }
    }

    private static ThreadResult drive(int port, CallFactory calls, long measureFrom, long end) throws Exception {
        ThreadLocalRandom rnd = ThreadLocalRandom.current();
        Map<Kind, Latencies> measured = new java.util.EnumMap<>(Kind.class);
        long settled = 0;
        int errors = 0;
        String firstError = null;
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuFrom = -1;
        try (LoopbackHttp http = new LoopbackHttp("127.0.0.1", port)) {
            for (long seq = 0; ; seq++) {
                Call call = calls.next(http, rnd, seq);
                long begin = System.nanoTime();
                if (begin >= end) {
                    break;
                }
                if (cpuFrom < 0 && begin >= measureFrom) {
                    cpuFrom = cpu.getCurrentThreadCpuTime();
                }
                LoopbackHttp.Answer answer = http.send(call.request());
                long took = System.nanoTime() - begin;
                boolean ok = answer.status() / 100 == 2;
                if (ok && call.kind() == Kind.SETTLE) {
                    settled++;
                }
                if (!ok) {
                    errors++;
                    if (firstError == null) {
                        firstError = answer.status() + " " + answer.body();
                    }
                } else if (begin >= measureFrom) {
                    measured.computeIfAbsent(call.kind(), k -> new Latencies()).add(took);
                }
            }
        }
        long cpuNanos = cpuFrom < 0 ? 0 : cpu.getCurrentThreadCpuTime() - cpuFrom;
        return new ThreadResult(measured, settled, errors, firstError, cpuNanos);
    }
}

package org.medfund.cli.soak;

import org.medfund.cli.DataDirectory;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.medfund.MedfundApplication;

/**
 * The crash soak (issue 11): runs {@code medfund soak job} in a child JVM on a scratch database once without
 * interruption, then on a second scratch database kills it with SIGKILL at seeded random points and restarts it
 * after each kill — the restarted job re-runs every step with the same request ids — until it completes. Both runs
 * must end sound (ledger audit, settlements paid exactly once, transfers matched, prepayment register equal to the
 * ledger) and with the same figures and the same chain head in every book. Kill points are chosen in the job's
 * step timeline: a step drawn at random and a random fraction of the time that step took in the uninterrupted run,
 * so kills land inside commands as well as between them. Never touches the configured database: scratch schemas
 * (PostgreSQL) or scratch H2 files are created here and dropped at the end.
 */
final class CrashSoak {

    static final int POINTS_MAX = 10_000;
    /** One child run (the whole job at most) may take this long before the soak gives up on it. */
    static final long RUN_SECONDS_MAX = 600;
    /** The job's clock starts here; every step then moves it to its business date. */
    static final String REPLAY_START = "2024-12-31T10:00:00+08:00";

    /** The scratch databases: a PostgreSQL server (a new schema per run) or H2 files under the work directory. */
    record Scratch(String postgresUrl, String user, String password) {

        static Scratch h2() {
            return new Scratch(null, "sa", "");
        }

        boolean postgres() {
            return postgresUrl != null;
        }

        String url(String name, Path workDir) {
            if (!postgres()) {
                return "jdbc:h2:file:" + workDir.resolve(name).resolve("medfund").toAbsolutePath()
                        + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
            }
            return postgresUrl + (postgresUrl.contains("?") ? "&" : "?") + "currentSchema=" + name;
        }

        void create(String name) {
            if (postgres()) {
                sql("create schema " + name);
            }
        }

        void drop(String name, Path workDir) {
            if (postgres()) {
                sql("drop schema if exists " + name + " cascade");
            } else {
                deleteTree(workDir.resolve(name));
            }
        }

        String describe() {
            return postgres() ? "PostgreSQL " + postgresUrl.replaceAll("\\?.*", "") + "（临时 schema，结束后删除）"
                    : "H2 文件库（临时目录，结束后删除）";
        }

        private void sql(String statement) {
            try (Connection c = DriverManager.getConnection(postgresUrl, user, password)) {
                c.createStatement().execute(statement);
            } catch (SQLException e) {
                throw new IllegalStateException("scratch database: " + statement + ": " + e.getMessage(), e);
            }
        }
    }

    /**
     * @param launcher the command that starts medfund in a child JVM, without the medfund arguments
     */
    record Options(int points, long seed, SoakJob.Input input, Scratch scratch, List<String> launcher) {
    }

    /** Where one SIGKILL was aimed and where it hit; {@code landed} false when the job had already finished. */
    record Kill(int number, int targetStep, long delayMs, int stepAtKill, boolean landed) {
    }

    /** What one child run printed. */
    record Run(int exitCode, boolean done, long startupMs, List<String> stepNames, List<Long> stepStartMs, long workMs,
               Map<String, Long> figures, List<String> problems, Map<String, String> heads, String errorTail) {
    }

    /** The outcome: passed when both runs are sound and the crashed one reproduced the reference exactly. */
    record Report(boolean passed, Run reference, Run crashed, List<Kill> kills, int starts, long startupMsAverage,
                  List<String> mismatches, long seconds) {
    }

    private final Options options;
    private final PrintWriter out;
    private final Path workDir;
    private final String stamp;
    /** The child started last; stopped before its scratch database is dropped, also when the soak fails. */
    private Child running;

    CrashSoak(Options options, PrintWriter out) {
        this.options = options;
        this.out = out;
        try {
            this.workDir = Files.createTempDirectory("medfund-soak-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.stamp = "medfund_soak_" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMddHHmmss"))
                + "_" + Integer.toHexString(new Random().nextInt(0x10000, 0xfffff));
    }

    /**
     * The command that starts this medfund again: {@code java -jar} the same jar, or the same class path (minus test
     * classes, whose components must not join the job's context) when run from a build tree.
     */
    static List<String> defaultLauncher() {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> entries = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(e -> !e.isBlank() && !e.replace('\\', '/').endsWith("test-classes")).toList();
        if (entries.size() == 1 && entries.get(0).endsWith(".jar")) {
            return List.of(javaBin, "-jar", Path.of(entries.get(0)).toAbsolutePath().toString());
        }
        return List.of(javaBin, "-cp", String.join(File.pathSeparator, entries),
                MedfundApplication.class.getName());
    }

    Report run() {
        long start = System.nanoTime();
        List<String> launcher = extracted(options.launcher());
        out.println("崩溃注入试验：种子 " + options.seed() + "，" + options.points() + " 个 SIGKILL 注入点，数据库 "
                + options.scratch().describe());
        out.println("作业：" + options.input().firstMonth() + " 至 " + SoakJob.YEAR + "-12 的月末对账结算与支付记账、"
                + "河南预拨与轧差、信阳预付与年终清算；" + SoakJob.hospitals().size() + " 家医院，每院每月 "
                + options.input().rowsPerMonth() + " 条结算记录");
        out.flush();
        try {
            Run reference = reference(launcher);
            Path archive = workDir.resolve("medfund-soak.jsa");
            List<Kill> kills = new ArrayList<>();
            int[] starts = {0};
            List<Long> startups = new ArrayList<>();
            Run crashed = crashed(launcher, reference, archive, kills, starts, startups);
            startups.add(crashed.startupMs());
            List<String> mismatches = compare(reference, crashed);
            boolean passed = mismatches.isEmpty() && reference.problems().isEmpty() && crashed.problems().isEmpty()
                    && reference.done() && crashed.done();
            Report report = new Report(passed, reference, crashed, kills, starts[0],
                    (long) startups.stream().mapToLong(Long::longValue).average().orElse(0), mismatches,
                    (System.nanoTime() - start) / 1_000_000_000L);
            print(report);
            return report;
        } finally {
            deleteTree(workDir);
        }
    }

    /** The uninterrupted run; it also writes the class-data archive that makes the many restarts start faster. */
    private Run reference(List<String> launcher) {
        String name = stamp + "_ref";
        options.scratch().create(name);
        try {
            Child child = start(launcher, name, workDir.resolve("medfund-soak.jsa"), true);
            Run run = child.await();
            if (!run.done() || run.exitCode() != 0 && run.problems().isEmpty()) {
                throw new IllegalStateException("the uninterrupted soak job failed (exit " + run.exitCode() + "):\n"
                        + run.errorTail());
            }
            out.printf("不中断运行：%d 步，作业用时 %.1f 秒%n", run.stepNames().size(), run.workMs() / 1000.0);
            out.flush();
            return run;
        } finally {
            stopRunning();
            options.scratch().drop(name, workDir);
        }
    }

    private Run crashed(List<String> launcher, Run reference, Path archive, List<Kill> kills, int[] starts,
                        List<Long> startups) {
        String name = stamp + "_crash";
        options.scratch().create(name);
        try {
            List<long[]> plan = plan(reference);
            for (int k = 0; k < plan.size(); k++) {
                int target = (int) plan.get(k)[0];
                long delayMs = plan.get(k)[1];
                Child child = start(launcher, name, archive, false);
                starts[0]++;
                int reached = child.awaitStep(target);
                if (reached < 0) {
                    Run run = child.await();
                    if (run.done()) {
                        out.println("作业在第 " + (k + 1) + " 次注入前已完成，其余注入点未用");
                        return run;
                    }
                    throw new IllegalStateException("the soak job stopped by itself before step " + target
                            + " (exit " + run.exitCode() + "):\n" + run.errorTail());
                }
                sleep(delayMs);
                Kill kill = child.kill(k + 1, target, delayMs);
                startups.add(child.startupMs());
                kills.add(kill);
                out.printf("SIGKILL %d/%d：瞄准第 %d 步「%s」+%d 毫秒，%s第 %d 步「%s」%n", k + 1, plan.size(),
                        target, reference.stepNames().get(target - 1), delayMs, kill.landed() ? "中断于"
                                : "未命中（作业已结束），最后为", kill.stepAtKill(),
                        reference.stepNames().get(kill.stepAtKill() - 1));
                out.flush();
            }
            Child last = start(launcher, name, archive, false);
            starts[0]++;
            Run run = last.await();
            if (!run.done()) {
                throw new IllegalStateException("the restarted soak job did not complete (exit " + run.exitCode()
                        + "):\n" + run.errorTail());
            }
            return run;
        } finally {
            stopRunning();
            options.scratch().drop(name, workDir);
        }
    }

    /** Kill points in the step timeline: (step, delay after its start), sorted, reproducible from the seed. */
    private List<long[]> plan(Run reference) {
        Random random = new Random(options.seed());
        int steps = reference.stepNames().size();
        List<long[]> plan = new ArrayList<>();
        for (int i = 0; i < options.points(); i++) {
            int step = 1 + random.nextInt(steps);
            long end = step < steps ? reference.stepStartMs().get(step) : reference.workMs();
            long took = Math.max(0, end - reference.stepStartMs().get(step - 1));
            plan.add(new long[] {step, (long) (random.nextDouble() * took)});
        }
        plan.sort(Comparator.<long[]>comparingLong(p -> p[0]).thenComparingLong(p -> p[1]));
        return plan;
    }

    private List<String> compare(Run reference, Run crashed) {
        List<String> mismatches = new ArrayList<>();
        if (!reference.heads().equals(crashed.heads())) {
            TreeMap<String, String> books = new TreeMap<>(reference.heads());
            crashed.heads().forEach(books::putIfAbsent);
            books.forEach((book, hash) -> {
                if (!String.valueOf(reference.heads().get(book)).equals(String.valueOf(crashed.heads().get(book)))) {
                    mismatches.add("账套 " + book + " 链尾哈希不同：不中断 " + reference.heads().get(book) + "，崩溃后 "
                            + crashed.heads().get(book));
                }
            });
        }
        reference.figures().forEach((figure, value) -> {
            if (!value.equals(crashed.figures().get(figure))) {
                mismatches.add(figure + " 不同：不中断 " + value + "，崩溃后 " + crashed.figures().get(figure));
            }
        });
        return mismatches;
    }

    private void print(Report r) {
        out.println();
        long landed = r.kills().stream().filter(Kill::landed).count();
        out.printf("注入 SIGKILL %d 次（命中运行中的作业 %d 次），作业启动 %d 次（含最终完成的一次，"
                + "进程启动至第一步平均 %.1f 秒），总用时 %d 秒%n", r.kills().size(), landed, r.starts(),
                r.startupMsAverage() / 1000.0, r.seconds());
        out.printf("%-24s %20s %20s%n", "项目", "不中断", "崩溃后重启");
        for (Map.Entry<String, Long> figure : r.reference().figures().entrySet()) {
            out.printf("%-24s %20d %20s%n", figure.getKey(), figure.getValue(),
                    r.crashed().figures().get(figure.getKey()));
        }
        out.println("链尾哈希：" + r.reference().heads().size() + " 个账套"
                + (r.reference().heads().equals(r.crashed().heads()) ? "，崩溃后与不中断运行逐一相同" : "，有不同"));
        r.reference().problems().forEach(p -> out.println("不中断运行的问题：" + p));
        r.crashed().problems().forEach(p -> out.println("崩溃后运行的问题：" + p));
        r.mismatches().forEach(m -> out.println("不一致：" + m));
        out.println(r.passed() ? "结论：通过——每个账套借贷平衡，结算无重付无遗漏，划款两端相符，链尾哈希一致"
                : "结论：未通过（种子 " + options.seed() + " 可复现注入点）");
        out.flush();
    }

    // ---- child processes

    private void stopRunning() {
        if (running != null && running.process.isAlive()) {
            running.process.destroyForcibly();
            running.waitFor();
        }
    }

    /**
     * Class-data sharing keeps the many restarts short, but it archives classes from plain jars only: a Spring Boot
     * jar is unpacked once into the work directory ({@code -Djarmode=tools extract}), and class directories of a
     * build tree are packed into jars there. When that is not possible the launcher runs as it is, only slower.
     */
    private List<String> extracted(List<String> launcher) {
        if (launcher.size() == 3 && launcher.get(1).equals("-jar")) {
            return unpacked(launcher);
        }
        if (launcher.size() >= 3 && launcher.get(1).equals("-cp")) {
            List<String> entries = new ArrayList<>();
            for (String entry : launcher.get(2).split(File.pathSeparator)) {
                Path path = Path.of(entry);
                entries.add(Files.isDirectory(path) ? packed(path, workDir.resolve("classes-" + entries.size()
                        + ".jar")).toString() : entry);
            }
            List<String> result = new ArrayList<>(launcher);
            result.set(2, String.join(File.pathSeparator, entries));
            return result;
        }
        return launcher;
    }

    private List<String> unpacked(List<String> launcher) {
        Path target = workDir.resolve("app");
        try {
            Process p = new ProcessBuilder(launcher.get(0), "-Djarmode=tools", "-jar", launcher.get(2), "extract",
                    "--destination", target.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Path jar = target.resolve(Path.of(launcher.get(2)).getFileName());
            if (p.waitFor(120, TimeUnit.SECONDS) && p.exitValue() == 0 && Files.exists(jar)) {
                return List.of(launcher.get(0), "-jar", jar.toString());
            }
            p.destroyForcibly();
        } catch (IOException e) {
            // Not a Spring Boot jar with the tools layer: run it as it is.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return launcher;
    }

    private static Path packed(Path directory, Path jar) {
        try (java.util.jar.JarOutputStream zip = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(directory)) {
            // Directory entries too: component scanning looks packages up as resources ("org/medfund/").
            for (Path file : files.filter(f -> !f.equals(directory)).sorted().toList()) {
                String name = directory.relativize(file).toString().replace(File.separatorChar, '/');
                boolean folder = Files.isDirectory(file);
                zip.putNextEntry(new java.util.jar.JarEntry(folder ? name + "/" : name));
                if (!folder) {
                    Files.copy(file, zip);
                }
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot pack " + directory, e);
        }
        return jar;
    }

    private Child start(List<String> launcher, String name, Path archive, boolean dumpArchive) {
        List<String> command = new ArrayList<>();
        command.add(launcher.get(0));
        command.addAll(List.of("-Xmx512m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xlog:cds=off",
                "-Xlog:cds+dynamic=off"));
        if (dumpArchive) {
            command.add("-XX:ArchiveClassesAtExit=" + archive);
        } else if (Files.exists(archive)) {
            command.add("-XX:SharedArchiveFile=" + archive);
        }
        command.add("-D" + MedfundApplication.SOAK_DATABASE_URL + "=" + options.scratch().url(name, workDir));
        command.add("-Dmedfund.replay-clock=" + REPLAY_START);
        if (options.scratch().postgres()) {
            command.add("-Dspring.flyway.schemas=" + name);
            command.add("-Dspring.flyway.default-schema=" + name);
        }
        command.addAll(launcher.subList(1, launcher.size()));
        command.addAll(List.of("soak", "job", "--months", Integer.toString(options.input().months()), "--rows",
                Integer.toString(options.input().rowsPerMonth()), "--seed", Long.toString(options.input().seed())));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().put("MEDFUND_DB_USER", options.scratch().user());
        builder.environment().put("MEDFUND_DB_PASSWORD", options.scratch().password());
        builder.environment().put("MEDFUND_DATA_DIR", workDir.toString());
        builder.environment().remove("MEDFUND_DB_URL");
        Path errors = workDir.resolve(name + ".err");
        builder.redirectError(ProcessBuilder.Redirect.appendTo(errors.toFile()));
        try {
            running = new Child(builder.start(), errors);
            return running;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the soak job: " + command.get(0), e);
        }
    }

    /** A running child: a reader thread follows its stdout so the soak can wait for a step and then kill it. */
    private static final class Child {

        static final int TAIL_LINES = 40;

        private final Process process;
        private final Path errors;
        private final Thread reader;
        private final List<String> stepNames = new ArrayList<>();
        private final List<Long> stepStartMs = new ArrayList<>();
        private final Map<String, Long> figures = new LinkedHashMap<>();
        private final List<String> problems = new ArrayList<>();
        private final Map<String, String> heads = new TreeMap<>();
        /** The last lines that are not soak protocol: Spring logs and stack traces go to stdout. */
        private final java.util.ArrayDeque<String> other = new java.util.ArrayDeque<>();
        private final long startNanos = System.nanoTime();
        private long firstStepNanos;
        private long startupMs;
        private long doneMs;
        private volatile int step;
        private volatile boolean done;

        Child(Process process, Path errors) {
            this.process = process;
            this.errors = errors;
            this.reader = new Thread(this::read, "soak-child-stdout");
            reader.setDaemon(true);
            reader.start();
        }

        private void read() {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                String line;
                while ((line = lines.readLine()) != null) {
                    parse(line);
                }
            } catch (IOException e) {
                // The child was killed mid-line: what was read so far is all there is.
            }
        }

        private synchronized void parse(String line) {
            if (line.startsWith(SoakJobCommand.STEP + " ")) {
                String[] parts = line.split(" ", 4);
                long now = System.nanoTime();
                if (stepNames.isEmpty()) {
                    firstStepNanos = now;
                    startupMs = (now - startNanos) / 1_000_000;
                }
                stepNames.add(parts.length > 3 ? parts[3] : "");
                stepStartMs.add((now - firstStepNanos) / 1_000_000);
                step = Integer.parseInt(parts[2]);
                notifyAll();
            } else if (line.equals(SoakJobCommand.DONE)) {
                doneMs = (System.nanoTime() - firstStepNanos) / 1_000_000;
                done = true;
            } else if (line.startsWith(SoakJobCommand.FIGURE + " ")) {
                String[] parts = line.split(" ", 4);
                figures.put(parts[2], Long.parseLong(parts[3]));
            } else if (line.startsWith(SoakJobCommand.HEAD + " ")) {
                String[] parts = line.split(" ", 4);
                heads.put(parts[2], parts[3]);
            } else if (line.startsWith(SoakJobCommand.PROBLEM + " ")) {
                problems.add(line.substring(SoakJobCommand.PROBLEM.length() + 1));
            } else if (!line.startsWith("SOAK ")) {
                other.addLast(line);
                if (other.size() > TAIL_LINES) {
                    other.removeFirst();
                }
            }
        }

        synchronized long startupMs() {
            return startupMs;
        }

        /** Waits until the job announces the step (or a later one); -1 when it exits first. */
        synchronized int awaitStep(int target) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(RUN_SECONDS_MAX);
            while (step < target) {
                if (!process.isAlive() && !reader.isAlive()) {
                    return -1;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the soak job did not reach step " + target + " in time");
                }
                try {
                    wait(Math.min(50, Math.max(1, left / 1_000_000)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException(e);
                }
            }
            return step;
        }

        /** SIGKILL (destroyForcibly on a POSIX system): no shutdown hook, no rollback but the database's own. */
        Kill kill(int number, int target, long delayMs) {
            int at = step;
            boolean landed = process.isAlive() && !done;
            process.destroyForcibly();
            waitFor();
            return new Kill(number, target, delayMs, at, landed);
        }

        Run await() {
            int exit = waitFor();
            synchronized (this) {
                return new Run(exit, done, startupMs, List.copyOf(stepNames), List.copyOf(stepStartMs), doneMs,
                        new LinkedHashMap<>(figures), List.copyOf(problems), new TreeMap<>(heads),
                        String.join("\n", other) + "\n" + tail(errors)
                                // A child prints one line on failure; its stack trace is in the log file.
                                + "\n" + tail(errors.resolveSibling(DataDirectory.LOG_FILE_NAME)));
            }
        }

        private int waitFor() {
            try {
                if (!process.waitFor(RUN_SECONDS_MAX, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("the soak job ran longer than " + RUN_SECONDS_MAX + " s");
                }
                reader.join(TimeUnit.SECONDS.toMillis(10));
                return process.exitValue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }

        private static String tail(Path file) {
            try {
                List<String> lines = Files.exists(file) ? Files.readAllLines(file, StandardCharsets.UTF_8)
                        : List.of();
                return String.join("\n", lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size()));
            } catch (IOException e) {
                return "(" + e.getMessage() + ")";
            }
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + root, e);
        }
    }
}

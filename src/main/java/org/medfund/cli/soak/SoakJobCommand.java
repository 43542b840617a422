package org.medfund.cli.soak;

import org.medfund.cli.NestedSubcommand;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.medfund.MedfundApplication;
import org.medfund.common.Rejection;
import org.medfund.common.ReplayClock;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code medfund soak job} (hidden): the {@link SoakJob} as the crash soak runs it in a child JVM on a scratch
 * database. It announces each step on stdout ({@value #STEP} n name) before running it, so the harness can aim its
 * SIGKILL, then prints the {@link SoakFigures} ({@value #FIGURE}, {@value #PROBLEM}, {@value #HEAD} lines) once the
 * job is through. Refuses to run unless started with the replay clock, i.e. by the harness.
 */
@Component
@Command(name = "job", hidden = true, mixinStandardHelpOptions = true,
        description = "（由 soak crash 在子进程中启动）月末结算与预付金年终作业，逐步打印进度，结束后打印核对结果")
class SoakJobCommand implements Callable<Integer>, NestedSubcommand {

    static final String STEPS = "SOAK STEPS";
    static final String STEP = "SOAK STEP";
    static final String DONE = "SOAK DONE";
    static final String FIGURE = "SOAK FIGURE";
    static final String PROBLEM = "SOAK PROBLEM";
    static final String HEAD = "SOAK HEAD";
    /** Exit code when the job completed but a check failed. */
    static final int EXIT_PROBLEMS = 1;

    private final SoakJob job;
    private final SoakFigures figures;
    private final Clock clock;

    @Spec
    CommandSpec spec;

    @Option(names = "--months", defaultValue = "3", description = "2025 年最后几个月（1–12）")
    int months;

    @Option(names = "--rows", defaultValue = "20", description = "每家医院每月结算记录条数")
    int rows;

    @Option(names = "--seed", defaultValue = "1", description = "生成数据的种子")
    long seed;

    SoakJobCommand(SoakJob job, SoakFigures figures, Clock clock) {
        this.job = job;
        this.figures = figures;
        this.clock = clock;
    }

    @Override
    public String parent() {
        return "soak";
    }

    @Override
    public Integer call() {
        if (!(clock instanceof ReplayClock replay)) {
            throw new Rejection("soak.not-replayed", null, "soak job 只由 soak crash 在子进程中启动（需要重放时钟和临时数据库）");
        }
        SoakJob.Input input = input(months, rows, seed);
        PrintWriter out = spec.commandLine().getOut();
        List<SoakJob.Step> steps = job.steps(input);
        out.println(STEPS + " " + steps.size());
        for (int i = 0; i < steps.size(); i++) {
            SoakJob.Step step = steps.get(i);
            out.println(STEP + " " + (i + 1) + " " + step.name());
            out.flush();
            replay.set(step.date().atTime(10, 0).atZone(MedfundApplication.ZONE).toInstant());
            step.command().run();
        }
        out.println(DONE);
        SoakFigures.Figures result = figures.measure(input);
        for (Map.Entry<String, Long> figure : result.values().entrySet()) {
            out.println(FIGURE + " " + figure.getKey() + " " + figure.getValue());
        }
        result.heads().forEach((book, hash) -> out.println(HEAD + " " + book + " " + hash));
        result.problems().forEach(problem -> out.println(PROBLEM + " " + problem));
        out.flush();
        return result.problems().isEmpty() ? 0 : EXIT_PROBLEMS;
    }

    static SoakJob.Input input(int months, int rows, long seed) {
        if (months < 1 || months > SoakJob.MONTHS_MAX) {
            throw new Rejection("soak.months-invalid", "--months", "月数须在 1 至 " + SoakJob.MONTHS_MAX + " 之间");
        }
        if (rows < 1 || rows > SoakJob.ROWS_PER_MONTH_MAX) {
            throw new Rejection("soak.rows-invalid", "--rows", "每月条数须在 1 至 " + SoakJob.ROWS_PER_MONTH_MAX + " 之间");
        }
        return new SoakJob.Input(months, rows, seed);
    }
}

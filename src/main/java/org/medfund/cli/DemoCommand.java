package org.medfund.cli;

import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Component
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "建立演示数据（机构、用户、账套、结算、预付…）；重复运行不会重复写入")
class DemoCommand implements Runnable, MedfundSubcommand {

    private final List<DemoStep> steps;

    @Spec
    CommandSpec spec;

    DemoCommand(List<DemoStep> steps) {
        this.steps = steps.stream().sorted(Comparator.comparingInt(DemoStep::order)).toList();
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        for (DemoStep step : steps) {
            out.println("== " + step.title());
            step.run(out);
            out.flush();
        }
        out.println("演示数据已就绪。启动网页：./medfund serve，然后打开 http://localhost:8080/");
        out.flush();
    }
}

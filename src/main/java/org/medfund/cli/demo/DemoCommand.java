package org.medfund.cli.demo;

import org.medfund.cli.MedfundSubcommand;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Component
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "建立演示数据（机构、用户、账套、结算、预付…）；重复运行不会重复写入")
class DemoCommand implements Runnable, MedfundSubcommand {

    private final List<DemoStep> steps;
    private final Environment environment;

    @Spec
    CommandSpec spec;

    DemoCommand(List<DemoStep> steps, Environment environment) {
        this.steps = steps.stream().sorted(Comparator.comparingInt(DemoStep::order)).toList();
        this.environment = environment;
    }

    @Override
    public void run() {
        PrintWriter out = spec.commandLine().getOut();
        for (DemoStep step : steps) {
            out.println("== " + step.title());
            step.run(out);
            out.flush();
        }
        out.println("演示数据已就绪。启动网页：./medfund serve（端口 " + serverPort(environment) + "，可用 --port 指定），然后打开 "
                + serverAddress(environment));
        out.flush();
    }

    /** The port serve will use unless given --port: server.port as configured (SERVER_PORT, properties). */
    static String serverPort(Environment environment) {
        return environment.getProperty("server.port", "8080");
    }

    /** Where the staff pages and the API will be, e.g. {@code http://localhost:8080/}. */
    static String serverAddress(Environment environment) {
        return "http://localhost:" + serverPort(environment) + "/";
    }
}

package org.medfund.cli;

import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code medfund serve}: the web server is already running when this command executes (main starts a web context
 * for it); the port option is read by main before the context starts and only declared here for help and parsing.
 */
@Component
@Command(name = "serve", mixinStandardHelpOptions = true, description = "启动网页与 API 服务")
class ServeCommand implements Runnable, MedfundSubcommand {

    private final Environment environment;

    @Option(names = "--port", description = "端口（默认 8080）")
    Integer port;

    ServeCommand(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void run() {
        System.out.println("medfund 已启动：http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080")) + "/");
        System.out.println("日志：" + environment.getProperty("logging.file.name", "控制台"));
    }
}

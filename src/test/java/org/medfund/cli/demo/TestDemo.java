package org.medfund.cli.demo;

import org.medfund.cli.CliRun;
import org.springframework.context.ApplicationContext;

/** The demo data (`medfund demo`) in a test's database, created once per JVM: a whole world to test access on. */
public final class TestDemo {

    private static boolean done;

    private TestDemo() {
    }

    public static synchronized void ensure(ApplicationContext context) {
        if (!done) {
            CliRun run = CliRun.of(context, "demo");
            if (run.exitCode() != 0) {
                throw new IllegalStateException("demo failed: " + run.err());
            }
            done = true;
        }
    }
}

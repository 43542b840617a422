package org.medfund.cli.demo;

import java.util.Collections;
import java.util.Set;
import java.util.WeakHashMap;
import org.medfund.cli.CliRun;
import org.springframework.context.ApplicationContext;

/**
 * The demo data (`medfund demo`) in a test's database, created once per Spring context (each context has a database
 * of its own, TestDatabase): a whole world to test access on.
 */
public final class TestDemo {

    private static final Set<ApplicationContext> DONE = Collections.newSetFromMap(new WeakHashMap<>());

    private TestDemo() {
    }

    public static synchronized void ensure(ApplicationContext context) {
        if (!DONE.contains(context)) {
            CliRun run = CliRun.of(context, "demo");
            if (run.exitCode() != 0) {
                throw new IllegalStateException("demo failed: " + run.err());
            }
            DONE.add(context);
        }
    }
}

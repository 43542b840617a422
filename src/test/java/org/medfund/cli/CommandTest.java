package org.medfund.cli;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/** What every command test needs: the test context and a way to run one command line in it. */
public abstract class CommandTest {

    @Autowired
    protected ApplicationContext context;

    protected CliRun run(String... args) {
        return CliRun.of(context, args);
    }
}

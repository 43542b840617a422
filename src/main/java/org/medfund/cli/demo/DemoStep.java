package org.medfund.cli.demo;

import java.io.PrintWriter;

/**
 * One part of {@code medfund demo}, contributed by a capability as a Spring bean. Steps run in {@link #order()};
 * each must be idempotent: run on a data directory that already has the demo, it changes nothing and says so.
 */
public interface DemoStep {

    /** Registry 100, calendar/policy 200, ledger 300, claims 400, settlement 500, prepayment 600, … */
    int order();

    /** Short Chinese title printed before the step's own output. */
    String title();

    void run(PrintWriter out);
}

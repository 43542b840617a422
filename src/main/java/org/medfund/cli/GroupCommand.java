package org.medfund.cli;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A command that only groups others ({@code medfund calendar}, {@code medfund bench}, …): run alone it prints its
 * usage, listing its subcommands. Every group command extends it rather than repeating the same few lines.
 */
public abstract class GroupCommand implements Runnable {

    @Spec
    protected CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}

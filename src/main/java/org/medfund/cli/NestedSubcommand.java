package org.medfund.cli;

/**
 * A picocli command bean that belongs under a top-level group command, e.g. {@code bench ledger} and
 * {@code bench intake} under {@code bench}: {@link CliRunner} adds it to the group named by {@link #parent()}.
 * Lets several capabilities contribute to one group without a shared registration file.
 */
public interface NestedSubcommand {

    /** Name of the top-level group command, e.g. {@code bench}. */
    String parent();
}

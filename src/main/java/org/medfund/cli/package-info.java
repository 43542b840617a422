/**
 * The command-line shell (picocli, DESIGN.md §8): {@code Launcher} answers help and bad command lines before Spring
 * starts, runs every other command in a lean, lazy context (the benchmarks on a scratch database of their own) and
 * turns an unexpected failure into one line naming the log file (exit 1); every command line is one audited action
 * ({@code AuditedExecution}); {@link org.medfund.cli.GroupCommand}, {@link org.medfund.cli.MedfundSubcommand} and
 * {@link org.medfund.cli.NestedSubcommand} are the command scaffolding and {@link org.medfund.cli.Arguments} the
 * shared option parsing. The commands live in {@code cli.<capability>} (calendar, registry, policy, ledger,
 * settlement, prepayment, crossregion, users, audit) plus {@code cli.demo}, {@code cli.bench} and {@code cli.soak};
 * they use this shell, never each other (ArchitectureTest). Commands are adapters: they parse and validate options,
 * call a capability's facade with an explicit business date and request id, and print one line in Chinese on bad
 * input (exit 2). Nothing but the application class depends on this package.
 */
package org.medfund.cli;

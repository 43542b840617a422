/**
 * The command line (picocli, DESIGN.md §8): one command class per capability verb — calendar, registry, policy,
 * prepayment, ledger, settlement import/generate, users, serve — plus the demo (one {@code DemoStep} per capability,
 * replaying a year by business date) and the benchmarks ({@code bench …}, each printing its throughput beside the
 * raw baseline of the same run). Commands are adapters: they parse and validate options, call a capability's facade
 * with an explicit business date and request id, and print one line in Chinese on bad input (exit 2). {@code Launcher}
 * answers help and bad command lines before Spring starts, runs every other command in a lean, lazy context (the
 * benchmarks on a scratch database of their own) and turns an unexpected failure into one line naming the log file
 * (exit 1). Nothing but the application class depends on this package.
 */
package org.medfund.cli;

package org.medfund.cli.bench;

/**
 * Marks a command that writes test data in bulk (the benchmarks): {@link Launcher} runs it on a scratch database
 * of its own ({@link ScratchDatabase}), never on the user's.
 */
public interface RunsOnScratchDatabase {
}

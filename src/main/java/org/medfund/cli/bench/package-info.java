/**
 * {@code medfund bench …}: throughput benchmarks, each on a scratch database of its own, printing the real path
 * beside the raw baseline of the same run (results in docs/performance.md).
 */
package org.medfund.cli.bench;

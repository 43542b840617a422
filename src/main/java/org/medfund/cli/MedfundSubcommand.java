package org.medfund.cli;

/**
 * Marker for a top-level picocli command ({@code @Command(name = "calendar", …)}) that is also a Spring bean:
 * {@link CliRunner} adds every such bean under {@code medfund}. Nested commands are declared with picocli's
 * {@code subcommands} attribute and instantiated through the Spring factory, so they can be beans too.
 */
public interface MedfundSubcommand {
}

package org.medfund.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.MedfundApplication;
import org.medfund.TestDatabase;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/**
 * A CLI context leaves out the web-only auto-configuration and builds beans lazily (docs/performance.md); every
 * command must still get all it needs there. Building the whole command tree creates every command object.
 */
class CliContextTest {

    private static void collect(CommandLine command, List<CommandLine> all) {
        all.add(command);
        command.getSubcommands().values().forEach(sub -> collect(sub, all));
    }

    @Test
    @DisplayName("issue 10: every command's bean can be created in the lean CLI context")
    void everyCommandInTheCliContext() {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(MedfundApplication.class)
                .web(WebApplicationType.NONE).initializers(new TestDatabase())
                .properties(Map.copyOf(Launcher.cliProperties())).run()) {
            List<CommandLine> commands = new ArrayList<>();
            collect(CliRunner.commandLine(context), commands);
            assertThat(commands).hasSizeGreaterThan(30);
            for (CommandLine command : commands) {
                assertThat(command.getCommandSpec().userObject()).as(command.getCommandSpec().qualifiedName())
                        .isNotNull();
            }
            // The web-only configuration is really left out (JSON is the server's).
            assertThat(context.getBeanNamesForType(tools.jackson.databind.json.JsonMapper.class)).isEmpty();
        }
    }
}

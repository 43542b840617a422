package org.medfund.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import picocli.CommandLine;

/** The demo's last line points at the web app on the port serve will use. */
class DemoCommandTest {

    @Test
    @DisplayName("issue 10: the demo prints the configured server port, not a fixed 8080")
    void printsConfiguredPort() {
        CommandLine demo = new CommandLine(new DemoCommand(List.of(),
                new MockEnvironment().withProperty("server.port", "9091")));
        StringWriter out = new StringWriter();
        demo.setOut(new PrintWriter(out));
        assertThat(demo.execute()).isZero();
        assertThat(out.toString()).contains("http://localhost:9091/").doesNotContain("8080");
    }
}

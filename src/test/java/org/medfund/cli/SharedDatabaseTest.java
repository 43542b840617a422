package org.medfund.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfund.MedfundApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Issue 10: while {@code medfund serve} runs, CLI commands work on the same embedded database, as the README's
 * walk-through does (issue a token while the server runs, then call the API with it). The server is a context in
 * this JVM (web server on a random port, the production H2 file URL, a temporary data directory); each CLI command
 * is a child JVM started the way {@code ./medfund} starts one, with only {@code HOME} pointing at the temporary
 * directory, so it also shows that the data directory follows {@code $HOME}.
 */
class SharedDatabaseTest {

    @TempDir
    static Path home;
    static ConfigurableApplicationContext server;

    @BeforeAll
    static void startServer() {
        server = new SpringApplicationBuilder(MedfundApplication.class)
                // Arguments, not default properties: a MEDFUND_DATA_DIR in the test's environment would outrank those.
                .run("--" + DataDirectory.PROPERTY + "=" + home.resolve(DataDirectory.DIRECTORY_NAME), "--server.port=0");
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private static ChildMedfund medfund(String... args) throws IOException, InterruptedException {
        return ChildMedfund.run(home, Map.of("HOME", home.toString()), args);
    }

    @Test
    @DisplayName("issue 10: with the server running, the CLI adds a user and issues a token; the server accepts it")
    void cliWhileServing() throws Exception {
        ChildMedfund added = medfund("users", "add", "shared-cli", "--org", "411500-AGENCY", "--role", "CLERK",
                "--name", "命令行用户");
        assertThat(added.exitCode()).as(added.err()).isZero();
        ChildMedfund token = medfund("users", "token", "shared-cli");
        assertThat(token.exitCode()).as(token.err()).isZero();
        String secret = token.out().lines().filter(line -> line.contains("mft_")).findFirst().orElseThrow()
                .replaceAll(".*(mft_\\S+).*", "$1");

        String port = server.getEnvironment().getProperty("local.server.port");
        HttpResponse<String> me = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/me"))
                        .header("Authorization", "Bearer " + secret).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(me.statusCode()).as(me.body()).isEqualTo(200);
        assertThat(me.body()).contains("\"username\":\"shared-cli\"");
        assertThat(home.resolve(".medfund/medfund.log")).exists();
    }
}

package org.medfund.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Where the embedded database lives: the command line, then MEDFUND_DATA_DIR, then $HOME, then user.home. */
class DataDirectoryTest {

    private static final String[] NO_ARGS = {};

    @Test
    @DisplayName("issue 10: $HOME decides the default data directory, not Java's user.home")
    void homeFromEnvironment() {
        assertThat(DataDirectory.resolve(NO_ARGS, Map.of("HOME", "/tmp/alice"), "/root"))
                .isEqualTo(Path.of("/tmp/alice/.medfund"));
    }

    @Test
    @DisplayName("MEDFUND_DATA_DIR outranks $HOME; --medfund.data-dir outranks both")
    void explicitSettingsWin() {
        Map<String, String> environment = Map.of("HOME", "/tmp/alice", "MEDFUND_DATA_DIR", "/srv/medfund");
        assertThat(DataDirectory.resolve(NO_ARGS, environment, "/root")).isEqualTo(Path.of("/srv/medfund"));
        assertThat(DataDirectory.resolve(new String[] {"users", "list", "--medfund.data-dir=/data/x"}, environment,
                "/root")).isEqualTo(Path.of("/data/x"));
    }

    @Test
    @DisplayName("without HOME (or with an empty one) the password file's home is the last resort")
    void userHomeLast() {
        assertThat(DataDirectory.resolve(NO_ARGS, Map.of(), "/root")).isEqualTo(Path.of("/root/.medfund"));
        assertThat(DataDirectory.resolve(NO_ARGS, Map.of("HOME", " ", "MEDFUND_DATA_DIR", ""), "/root"))
                .isEqualTo(Path.of("/root/.medfund"));
    }
}

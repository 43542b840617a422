package org.medfund;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code medfund soak …} never opens the configured database, whatever MEDFUND_DB_URL says. */
class SoakDatabaseTest {

    @Test
    @DisplayName("issue 11: the soak harness gets a throwaway in-memory database, the job the scratch one it is given")
    void soakNeverUsesTheConfiguredDatabase() {
        assertThat(MedfundApplication.soakDatabase(null).get("spring.datasource.url"))
                .startsWith("jdbc:h2:mem:medfund-soak;");
        assertThat(MedfundApplication.soakDatabase(" ").get("spring.datasource.username")).isEqualTo("sa");
        assertThat(MedfundApplication.soakDatabase("jdbc:postgresql://db/test?currentSchema=medfund_soak_1"))
                .containsExactlyEntriesOf(java.util.Map.of("spring.datasource.url",
                        "jdbc:postgresql://db/test?currentSchema=medfund_soak_1"));
    }
}

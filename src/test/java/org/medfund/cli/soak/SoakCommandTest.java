package org.medfund.cli.soak;

import org.medfund.cli.CliRun;
import org.medfund.cli.OneLineErrors;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * The soak commands refuse bad input with one line naming the option; the job refuses to run outside the harness
 * (without the replay clock it would write its scenario into whatever database the context has, here the tests').
 */
@DatabaseTest
class SoakCommandTest {

    @Autowired
    ApplicationContext context;

    @Test
    @DisplayName("issue 11: soak job refuses to run unless the crash soak started it (replay clock, scratch database)")
    void jobRefusesOutsideTheHarness() {
        CliRun r = CliRun.of(context, "soak", "job");
        assertThat(r.exitCode()).isEqualTo(OneLineErrors.EXIT_BAD_INPUT);
        assertThat(r.err()).contains("soak.not-replayed").contains("soak crash");
        assertThat(r.out()).doesNotContain(SoakJobCommand.STEP);
    }

    @Test
    @DisplayName("soak crash --points -1 and --months 13 are refused naming the option, exit code 2")
    void crashRefusesBadOptions() {
        CliRun points = CliRun.of(context, "soak", "crash", "--points", "-1");
        assertThat(points.exitCode()).isEqualTo(OneLineErrors.EXIT_BAD_INPUT);
        assertThat(points.err()).contains("--points");
        CliRun months = CliRun.of(context, "soak", "crash", "--points", "1", "--months", "13");
        assertThat(months.exitCode()).isEqualTo(OneLineErrors.EXIT_BAD_INPUT);
        assertThat(months.err()).contains("--months");
    }
}

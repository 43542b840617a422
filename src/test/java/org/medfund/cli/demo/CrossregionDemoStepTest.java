package org.medfund.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;

/** Demo step 700 settles one Guizhou visit in Henan with its derivation, and a second run changes nothing. */
@DatabaseTest
class CrossregionDemoStepTest {

    @Autowired
    CrossregionDemoStep step;

    private String run() {
        StringWriter text = new StringWriter();
        step.run(new PrintWriter(text, true));
        return text.toString();
    }

    @Test
    @DisplayName("guizhou-2017 四(二): demo settlement 3,300.05 → fund 1,700.04; 异地长期居住 refused; idempotent")
    void demo() {
        String first = run();
        assertThat(first).contains("统筹基金 1,700.04 元", "guizhou-2017", "crossregion.filing-type-not-enabled");
        String second = run();
        assertThat(second).contains("已存在", "统筹基金 1,700.04 元").doesNotContain("备案 520100-");
    }
}

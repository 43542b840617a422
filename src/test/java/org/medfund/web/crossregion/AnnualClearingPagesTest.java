package org.medfund.web.crossregion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.cli.demo.TestDemo;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.web.MedfundUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * henan-2023 三(四), 一(二)(三) on the staff side, on the demo's 2026 funding: the funding page of 2027 shows the 2026
 * annual clearing with its due date, Chinese outcomes and document citations; the clearing downloads as xlsx; the
 * signed documents print as PDF with 大写 amounts and 豫财社〔2023〕178号 — the joint remittance notice, the reserve
 * approval and a region's clearing statement; a city prints its own statement only.
 */
@DatabaseTest
class AnnualClearingPagesTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;

    private static MedfundUser as(String org, Role role) {
        return MedfundUser.of(new Actor("t-acp-" + org, org, Set.of(role)));
    }

    private MockHttpServletResponse fetch(String url, MedfundUser who) throws Exception {
        return mvc.perform(get(url).with(user(who))).andReturn().getResponse();
    }

    private static String pdfText(byte[] pdf) throws IOException {
        assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // A cell's text wraps inside the cell; a reader's copy joins the lines again.
            return new PDFTextStripper().getText(document).replace("\n", "");
        }
    }

    @Test
    @DisplayName("henan-2023 三(四): page block, xlsx and the three signed documents as PDF and printable page")
    void clearingOnTheStaffSide() throws Exception {
        TestDemo.ensure(context);
        MedfundUser centre = as("410000-CENTRE", Role.CLERK);
        String page = fetch("/crossregion/funding?year=2027", centre).getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("2026 年度异地就医资金年度清算", "2027-03-31", "结余，抵扣当年资金",
                "不足，在下次分配资金中补足", "2027 年第 2 季度城镇职工医保异地就医上解资金", "豫财社〔2023〕178号")
                .doesNotContain("SURPLUS", "SHORTFALL");
        assertThat(fetch("/crossregion/funding?year=2026", centre).getContentAsString(StandardCharsets.UTF_8))
                .contains("2025 年度异地就医资金年度清算", "尚未清算", "2026 年第 2 季度职工医保上解通知");

        MockHttpServletResponse xlsx = fetch("/api/crossregion/funding/annual-clearings.xlsx?year=2026", centre);
        assertThat(xlsx.getStatus()).isEqualTo(200);
        assertThat(xlsx.getContentType()).contains("spreadsheetml");

        String notice = pdfText(fetch("/crossregion/funding/remittance-notices/2026/2/notice.pdf", centre)
                .getContentAsByteArray());
        assertThat(notice).contains("河南省医疗保障局", "河南省财政厅", "豫财社〔2023〕178号 一(三)", "15,900,000.00",
                "壹仟伍佰玖拾万元整", "信阳市");
        String reserve = pdfText(fetch("/crossregion/funding/reserves/2026/approval.pdf", centre)
                .getContentAsByteArray());
        assertThat(reserve).contains("34,560,000.00", "叁仟肆佰伍拾陆万元整", "豫财社〔2023〕178号 一(二)", "中央");
        String statement = pdfText(fetch("/crossregion/funding/annual-clearings/2026/410400/statement.pdf", centre)
                .getContentAsByteArray());
        assertThat(statement).contains("平顶山市", "123,456.78", "壹拾贰万叁仟肆佰伍拾陆元柒角捌分",
                "豫财社〔2023〕178号 三(四)", "2027 年城乡居民医保异地就医预留资金");
        assertThat(fetch("/crossregion/funding/annual-clearings/2026/410400/statement.html", centre)
                .getContentAsString(StandardCharsets.UTF_8)).contains("平顶山市", "123,456.78");

        // 信阳's agency prints its own statement; 平顶山's is not found for it.
        MedfundUser xinyang = as("411500-AGENCY", Role.CLERK);
        assertThat(fetch("/crossregion/funding/annual-clearings/2026/411500/statement.pdf", xinyang).getStatus())
                .isEqualTo(200);
        assertThat(fetch("/crossregion/funding/annual-clearings/2026/410400/statement.pdf", xinyang).getStatus())
                .isEqualTo(404);
        assertThat(fetch("/crossregion/funding/remittance-notices/2026/5/notice.pdf", centre).getStatus())
                .isEqualTo(422);
    }
}

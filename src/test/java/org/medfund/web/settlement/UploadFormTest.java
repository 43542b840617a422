package org.medfund.web.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.claims.IntakeFixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * Issue 13, "forms that fit the role" on the settlement upload: every error stays on the form (not an error page), a
 * row is named by its line as Excel numbers it (the header is line 1), every error of a row is reported, a binary
 * file is "不是 CSV/xlsx 文件", and the downloadable error report has Chinese headers behind a BOM. Each answer keeps
 * the refusal's 4xx status, so the audit log records the upload as rejected.
 */
@DatabaseTest
class UploadFormTest {

    @Autowired
    MockMvc mvc;

    private String upload(String name, byte[] bytes) throws Exception {
        var response = mvc.perform(multipart("/settlements/upload")
                        .file(new MockMultipartFile("file", name, "application/octet-stream", bytes))
                        .param("requestId", IntakeFixtures.id("req")).with(csrf())
                        .with(user(SettlementIntakeApiTest.hospital(IntakeFixtures.PDS_HOSPITAL))))
                .andReturn().getResponse();
        // Refused: the refusal's status (the audit log records it as such), with the form and the reason.
        assertThat(response.getStatus()).as(name).isBetween(400, 499);
        String page = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).as("the form is shown again").contains("name=\"file\"");
        return page;
    }

    private static Map<String, String> good() {
        return IntakeFixtures.row(IntakeFixtures.id("UF"), IntakeFixtures.PDS_HOSPITAL, "310",
                "2026-10-01 10:00:00", "10.00", "5.00", "5.00", "0.00");
    }

    @Test
    @DisplayName("issue 13: the third data row is Excel line 4, and both of its errors are listed")
    void rowsNamedAsExcelNumbersThem() throws Exception {
        Map<String, String> bad = good();
        bad.put("psn_cash_pay", "9.99");
        bad.put("insutype", "ABC");
        byte[] csv = Files.readAllBytes(IntakeFixtures.csv(List.of(good(), good(), bad)));
        String page = upload("month.csv", csv);
        assertThat(page).contains("文件未导入");
        Matcher rows = Pattern.compile("<td class=\"line\">(\\d+)</td>").matcher(page);
        List<String> lines = rows.results().map(m -> m.group(1)).distinct().toList();
        assertThat(lines).containsExactly("4");
        assertThat(page).contains("insutype").contains("psn_part_amt");
        String report = HtmlUtils.htmlUnescape(page.replaceAll("(?s).*href=\"data:text/csv;charset=utf-8,([^\"]*)\".*",
                "$1"));
        String decoded = java.net.URLDecoder.decode(report, StandardCharsets.UTF_8);
        assertThat(decoded).startsWith("\uFEFF行号");
        assertThat(decoded.lines().skip(1)).allMatch(l -> l.startsWith("4,"));
    }

    @Test
    @DisplayName("issue 13: a blank line still counts: the row after it keeps its own line number")
    void blankLinesCount() throws Exception {
        Map<String, String> bad = good();
        bad.put("psn_cash_pay", "9.99");
        String text = new String(Files.readAllBytes(IntakeFixtures.csv(List.of(good(), bad))), StandardCharsets.UTF_8);
        String[] lines = text.split("\n");
        String withBlank = lines[0] + "\n" + lines[1] + "\n\n" + lines[2] + "\n";
        String page = upload("blank.csv", withBlank.getBytes(StandardCharsets.UTF_8));
        assertThat(page).contains("<td class=\"line\">4</td>");
    }

    @Test
    @DisplayName("issue 13: a binary file named .csv or .xlsx is 不是 CSV/xlsx 文件, shown on the form")
    void binaryFile() throws Exception {
        byte[] binary = new byte[512];
        new java.util.Random(13).nextBytes(binary);
        binary[0] = (byte) 0x89;
        binary[1] = 'P';
        binary[2] = 'N';
        binary[3] = 'G';
        for (String name : List.of("scan.csv", "scan.xlsx")) {
            String page = upload(name, binary);
            assertThat(page).as(name).contains("不是 CSV/xlsx 文件").doesNotContain("Input length");
        }
    }

    @Test
    @DisplayName("issue 13: a refused file (unknown column) and no file at all stay on the form with the message")
    void refusalsStayOnTheForm() throws Exception {
        String page = upload("cols.csv", "setl_id,nonsense\nA1,x\n".getBytes(StandardCharsets.UTF_8));
        assertThat(page).contains("未知列：nonsense");
        assertThat(upload("empty.csv", new byte[0])).contains("请选择文件");
    }
}

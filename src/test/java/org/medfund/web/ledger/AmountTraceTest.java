package org.medfund.web.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.cli.demo.TestDemo;
import org.medfund.common.Money;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.web.MedfundUser;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.web.util.HtmlUtils;

/**
 * Issue 13, "every amount explains itself, one click away", on the demo world: from a payment batch line to its
 * derivation, its vouchers and its source records (reconciliations, settlements down to the setl_id), and from the
 * voucher back; from a prepayment's movements to their vouchers and back; the balance explained by its movements;
 * the chain check offered to auditors and administrators only. Scoped both ways: a hospital sees its own line with
 * voucher numbers but not the agency's book; another hospital is refused.
 */
@DatabaseTest
class AmountTraceTest {

    static final String AGENCY = "411500-AGENCY";
    static final String HOSPITAL = "H41150200001";
    static final String OTHER_CITY_HOSPITAL = "H41040200001";

    @Autowired
    MockMvc mvc;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;

    private long batchId;
    private String insutype;

    @BeforeEach
    void world() {
        TestDemo.ensure(context);
        Map<String, Object> line = jdbc.sql("""
                select b.id, l.insutype from stl_payment_batch b join stl_payment_line l on l.batch_id = b.id
                where b.agency_code = :a and l.fixmedins_code = :h and b.status = 'PAID' and l.net > 0
                order by b.id limit 1""").param("a", AGENCY).param("h", HOSPITAL).query().singleRow();
        batchId = ((Number) line.get("id")).longValue();
        insutype = (String) line.get("insutype");
    }

    static MedfundUser as(String org, Role role) {
        return MedfundUser.of(new Actor("trace-" + role.name().toLowerCase(), org, Set.of(role)));
    }

    private MockHttpServletResponse page(String uri, MedfundUser who) throws Exception {
        return mvc.perform(get(uri).with(user(who))).andReturn().getResponse();
    }

    private String ok(String uri, MedfundUser who) throws Exception {
        MockHttpServletResponse response = page(uri, who);
        assertThat(response.getStatus()).as(uri).isEqualTo(200);
        return response.getContentAsString(StandardCharsets.UTF_8);
    }

    private static List<String> links(String html, String pattern) {
        Matcher m = Pattern.compile("href=\"(" + pattern + ")\"").matcher(html);
        return m.results().map(r -> HtmlUtils.htmlUnescape(r.group(1))).distinct().toList();
    }

    private String lineUri() {
        return "/settlements/payment-batches/" + batchId + "/line?hospital=" + HOSPITAL + "&insutype=" + insutype;
    }

    @Test
    @DisplayName("issue 13: batch line → derivation, voucher, reconciliation and setl_ids; voucher → batch line")
    void batchLineToVoucherAndBack() throws Exception {
        MedfundUser clerk = as(AGENCY, Role.CLERK);
        assertThat(links(ok("/settlements", clerk), "/settlements/payment-batches/\\d+/line[^\"]*"))
                .contains(lineUri());
        String line = ok(lineUri(), clerk);
        long net = jdbc.sql("select net from stl_payment_line where batch_id = :b and fixmedins_code = :h"
                + " and insutype = :t").param("b", batchId).param("h", HOSPITAL).param("t", insutype)
                .query(Long.class).single();
        String netText = Money.ofFen(net).toYuanText();
        assertThat(line).contains("计算过程", "应付 = max(0", "依据", "统筹基金支出", netText);
        List<String> vouchers = links(line, "/ledger/" + AGENCY + "/entries/\\d+");
        assertThat(vouchers).as("the line's payment vouchers").isNotEmpty();
        List<String> reconciliations = links(line, "/settlements/reconciliations/\\d+");
        assertThat(reconciliations).as("the reconciliations it pays").isNotEmpty();
        String setlId = jdbc.sql("""
                select min(s.setl_id) from claims_settlement s join stl_reconciliation r
                  on r.fixmedins_code = s.fixmedins_code and r.period = s.period
                where r.batch_id = :b and r.fixmedins_code = :h and s.insutype = :t""")
                .param("b", batchId).param("h", HOSPITAL).param("t", insutype).query(String.class).single();
        assertThat(line).as("down to the setl_id").contains(setlId);

        String voucher = ok(vouchers.get(0), clerk);
        assertThat(voucher).contains("记账凭证", netText, "信阳市中心医院");
        assertThat(links(voucher, "/settlements/payment-batches/\\d+/line[^\"]*"))
                .as("the voucher leads back to its batch line").contains(lineUri());
        // And the reconciliation leads on to the line that paid it.
        assertThat(links(ok(reconciliations.get(0), clerk), "/settlements/payment-batches/\\d+/line[^\"]*"))
                .contains(lineUri());
        // The journal's voucher numbers open the voucher.
        String period = jdbc.sql("select period from ledger_entry where org_code = :o and sequence_no = :s")
                .param("o", AGENCY).param("s", Long.parseLong(vouchers.get(0).replaceAll(".*/", "")))
                .query(String.class).single();
        assertThat(links(ok("/ledger/" + AGENCY + "/journal?period=" + period, clerk),
                "/ledger/" + AGENCY + "/entries/\\d+")).contains(vouchers.get(0));
    }

    @Test
    @DisplayName("issue 13: scoped — the hospital sees its line and voucher numbers, not the book; others are refused")
    void scoped() throws Exception {
        MedfundUser own = as(HOSPITAL, Role.HOSPITAL);
        String line = ok(lineUri(), own);
        assertThat(line).contains("计算过程").contains("第 ");
        assertThat(links(line, "/ledger/[^\"]+")).as("no links into the agency's book").isEmpty();
        String voucher = links(ok(lineUri(), as(AGENCY, Role.CLERK)), "/ledger/" + AGENCY + "/entries/\\d+").get(0);
        assertThat(page(voucher, own).getStatus()).isEqualTo(403);
        assertThat(page(lineUri(), as(OTHER_CITY_HOSPITAL, Role.HOSPITAL)).getStatus()).isEqualTo(403);
        assertThat(page(lineUri(), as("410400-AGENCY", Role.CLERK)).getStatus()).isEqualTo(403);
        assertThat(page(voucher, as("410400-AGENCY", Role.AUDITOR)).getStatus()).isEqualTo(403);
        // Another hospital's line of a batch the hospital is paid in: not found, nothing of it shown.
        String otherLine = "/settlements/payment-batches/" + batchId + "/line?hospital=H41152100001&insutype="
                + insutype;
        assertThat(page(otherLine, own).getStatus()).isIn(403, 404);
    }

    @Test
    @DisplayName("issue 13: prepayment movements → vouchers → back to the prepayment; the balance explained")
    void prepaymentToVoucherAndBack() throws Exception {
        Map<String, Object> movement = jdbc.sql("""
                select prepayment_id, payer_org_code from prepayment_movement
                where hospital_code = :h and kind = 'DISBURSED' order by movement_date limit 1""")
                .param("h", HOSPITAL).query().singleRow();
        String prepayment = (String) movement.get("prepayment_id");
        String payer = (String) movement.get("payer_org_code");
        MedfundUser clerk = as(payer, Role.CLERK);
        String page = ok("/prepayments/" + prepayment, clerk);
        assertThat(page).contains("余额的构成", "余额 = 已拨付 − 已收回", "记账凭证").doesNotContain("请报告");
        List<String> vouchers = links(page, "/ledger/" + payer + "/entries/\\d+");
        assertThat(vouchers).isNotEmpty();
        String voucher = ok(vouchers.get(0), clerk);
        assertThat(links(voucher, "/prepayments/[^\"#]+")).contains("/prepayments/" + prepayment);
        assertThat(voucher).contains("暂付款—医保预付金");
        // The hospital sees its balance explained and the voucher numbers, without links into the book.
        String own = ok("/prepayments/" + prepayment, as(HOSPITAL, Role.HOSPITAL));
        assertThat(own).contains("余额的构成");
        assertThat(links(own, "/ledger/[^\"]+")).isEmpty();
    }

    @Test
    @DisplayName("issue 13: the verify button — auditors and administrators run the chain check; a clerk is not offered it")
    void verifyButton() throws Exception {
        MedfundUser auditor = as(AGENCY, Role.AUDITOR);
        assertThat(ok("/ledger", auditor)).contains("/ledger/" + AGENCY + "/verify");
        String result = ok("/ledger/" + AGENCY + "/verify", auditor);
        assertThat(result).contains("校验通过", "已校验凭证");
        assertThat(ok("/ledger/" + AGENCY + "/verify", as(AGENCY, Role.ADMIN))).contains("校验通过");
        MedfundUser clerk = as(AGENCY, Role.CLERK);
        assertThat(ok("/ledger", clerk)).doesNotContain("/verify");
        assertThat(page("/ledger/" + AGENCY + "/verify", clerk).getStatus()).isEqualTo(403);
        assertThat(page("/ledger/410400-AGENCY/verify", auditor).getStatus()).isEqualTo(403);
    }

    @Test
    @DisplayName("issue 13: only forms the user may submit — the auditor is not offered 发起收回 (and is refused it)")
    void formsFitTheRole() throws Exception {
        // A Xinyang prepayment: xinyang-2025 art. 10 gives its recovery triggers.
        String id = "PP-2025-" + HOSPITAL + "-390";
        String payer = jdbc.sql("select payer_org_code from prepayment where id = :id").param("id", id)
                .query(String.class).single();
        String auditorPage = ok("/prepayments/" + id, as(payer, Role.AUDITOR));
        assertThat(auditorPage).doesNotContain("发起收回", "method=\"post\" action=\"/prepayments/" + id);
        assertThat(mvc.perform(post("/prepayments/" + id + "/recoveries").with(user(as(payer, Role.AUDITOR)))
                .with(csrf()).param("trigger", "AGREEMENT_ENDED").param("evidence", "x")).andReturn()
                .getResponse().getStatus()).isEqualTo(403);
        assertThat(ok("/prepayments/" + id, as(HOSPITAL, Role.HOSPITAL))).doesNotContain("发起收回");
        // A reviewer approves but does not raise; the paying agency's clerk raises.
        assertThat(ok("/prepayments/" + id, as(payer, Role.REVIEWER))).doesNotContain("发起收回");
        assertThat(ok("/prepayments/" + id, as(payer, Role.CLERK))).contains("发起收回");
        // The other pages' forms follow the same rule.
        assertThat(ok("/prepayments/agreements", as(AGENCY, Role.AUDITOR))).doesNotContain("登记协议或新版本");
        assertThat(ok("/prepayments/agreements", as(AGENCY, Role.CLERK))).contains("登记协议或新版本");
        assertThat(ok("/prepayments/fund-status", as(AGENCY, Role.AUDITOR))).doesNotContain("登记基金状况");
        assertThat(ok("/prepayments/region-plans", as(AGENCY, Role.CLERK))).doesNotContain("生成本年度计划");
        assertThat(ok("/prepayments/region-plans", as("410000-CENTRE", Role.CLERK))).contains("生成本年度计划");
        assertThat(ok("/settlements/upload", as(AGENCY, Role.AUDITOR))).doesNotContain("name=\"file\"");
        assertThat(ok("/settlements/upload", as(HOSPITAL, Role.HOSPITAL))).contains("name=\"file\"");
        // A clerk of another agency that may see the hospital is not its payer: no form either.
        if (!payer.equals("410000-CENTRE")) {
            assertThat(ok("/prepayments/" + id, as("410000-CENTRE", Role.CLERK))).doesNotContain("发起收回");
        }
    }
}

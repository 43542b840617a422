package org.medfund.web.crossregion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Money;
import org.medfund.crossregion.BenefitRule;
import org.medfund.crossregion.CrossRegion;
import org.medfund.crossregion.FilingDraft;
import org.medfund.crossregion.FilingType;
import org.medfund.prepayment.Fixtures;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.users.UserAccount;
import org.medfund.users.Users;
import org.medfund.web.Idempotency;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The discharge desk's settle endpoint through the batch writer, over HTTP with a hospital's bearer token
 * (guizhou-2017 三(二)): the same Idempotency-Key sent several times at once books one settlement and answers it
 * to every copy; a token whose user was disabled is refused at the very next request; a batched settlement leaves
 * the same audit row a settlement booked alone leaves. Insured region 西秀区 (520402), 2026.
 */
@DatabaseTest
class DeskSettleApiTest {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 100_000));
    private static final String REGION = "520402";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CrossRegion crossRegion;
    @Autowired
    Users users;

    private final Actor agency = Fixtures.actor("desk-api-agency", REGION + "-AGENCY", Role.CLERK);

    /** A designated hospital, 西秀区's 2026 parameters, a filed card; answers the hospital user's API token. */
    private String hospitalToken(String card) {
        String code = Fixtures.hospital(jdbc, "410402", 3, false, "（测试）批量接口");
        crossRegion.designate(code, LocalDate.of(2026, 1, 1), null,
                Fixtures.actor("desk-api-centre", "410000-CENTRE", Role.CLERK));
        crossRegion.setBenefitRule(new BenefitRule(REGION, "310", 2026, List.of(
                new BenefitRule.GradeTerms(1, Money.ofYuan("300.00"), new BigDecimal("0.95")),
                new BenefitRule.GradeTerms(2, Money.ofYuan("600.00"), new BigDecimal("0.9")),
                new BenefitRule.GradeTerms(3, Money.ofYuan("900.00"), new BigDecimal("0.85"))),
                Money.ofYuan("5000.00")), agency);
        crossRegion.file(new FilingDraft(card, "批量接口参保人", REGION, "310", FilingType.RESETTLED_RETIREE, "410000",
                LocalDate.of(2026, 1, 1), null), agency);
        String username = "desk-api-" + code.toLowerCase();
        users.create(new UserAccount(username, "批量接口医院", code, Set.of(Role.HOSPITAL), true), null);
        return users.issueToken(username, "desk test");
    }

    private static String bill(String setlId, String card) {
        return """
                {"setl_id":"%s","mdtrt_cert_no":"%s","insuplc_admdvs":"520402","insutype":"310",
                 "setl_date":"2026-05-12","acct_used_flag":"0","fee_lines":[
                 {"med_chrgitm_type":"01","chrgitm_lv":"01","det_item_fee_sumamt":"2000.00"},
                 {"med_chrgitm_type":"09","chrgitm_lv":"02","det_item_fee_sumamt":"1000.05","selfpay_prop":"0.1"},
                 {"med_chrgitm_type":"08","chrgitm_lv":"03","det_item_fee_sumamt":"300.00"}]}"""
                .formatted(setlId, card);
    }

    private MockHttpServletResponse settle(String token, String key, String body) throws Exception {
        return mvc.perform(post("/api/crossregion/settlements").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                .header(Idempotency.HEADER, key).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
    }

    private long settlements(String card) {
        return jdbc.sql("select count(*) from cr_settlement where card_no = :c").param("c", card)
                .query(Long.class).single();
    }

    @Test
    @DisplayName("The same Idempotency-Key four times at once: one settlement, the same answer to every copy")
    void repeatedKeyAtOnce() throws Exception {
        String card = "52DA" + NEXT.incrementAndGet();
        String token = hospitalToken(card);
        String setlId = "DKA" + NEXT.incrementAndGet();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<MockHttpServletResponse>> sent = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                Callable<MockHttpServletResponse> call = () -> {
                    start.await();
                    return settle(token, "key-" + setlId, bill(setlId, card));
                };
                sent.add(pool.submit(call));
            }
            start.countDown();
            List<String> bodies = new ArrayList<>();
            for (Future<MockHttpServletResponse> response : sent) {
                assertThat(response.get().getStatus()).isEqualTo(201);
                bodies.add(response.get().getContentAsString());
            }
            assertThat(bodies).allSatisfy(b -> assertThat(b).isEqualTo(bodies.get(0)).contains("\"1700.04\""));
            assertThat(settlements(card)).isOne();
            assertThat(jdbc.sql("select count(*) from audit_log where request_id = :k and outcome = 'DONE'")
                    .param("k", "key-" + setlId).query(Long.class).single()).isOne();
            assertThat(jdbc.sql("select business_ids from audit_log where request_id = :k and outcome = 'DONE'")
                    .param("k", "key-" + setlId).query(String.class).single()).contains("setl_id=" + setlId);
        } finally {
            pool.shutdownNow();
        }

        // The same key with another bill is the existing refusal, and nothing changes.
        MockHttpServletResponse reused = settle(token, "key-" + setlId, bill("DKA" + NEXT.incrementAndGet(), card));
        assertThat(reused.getStatus()).isEqualTo(409);
        assertThat(reused.getContentAsString()).contains("request.id-reused");
        assertThat(settlements(card)).isOne();
    }

    @Test
    @DisplayName("A hospital user disabled between two settle requests is refused at the second one (401)")
    void disabledTokenRefusedAtOnce() throws Exception {
        String card = "52DB" + NEXT.incrementAndGet();
        String token = hospitalToken(card);
        assertThat(settle(token, "key-" + card + "-1", bill("DKB" + NEXT.incrementAndGet(), card)).getStatus())
                .isEqualTo(201);
        String username = jdbc.sql("select username from app_user where org_code = (select hospital_code from"
                + " cr_settlement where card_no = :c)").param("c", card).query(String.class).single();
        users.setEnabled(username, false);

        MockHttpServletResponse refused = settle(token, "key-" + card + "-2", bill("DKB" + NEXT.incrementAndGet(),
                card));
        assertThat(refused.getStatus()).isEqualTo(401);
        assertThat(refused.getContentAsString()).contains("auth.token-invalid");
        assertThat(settlements(card)).isOne();
    }

    @Test
    @DisplayName("A successful preview changes nothing and leaves no audit row, like a GET; a refused preview and a "
            + "denied one (an agency clerk) are recorded")
    void previewAuditedOnlyWhenRefusedOrDenied() throws Exception {
        String card = "52DC" + NEXT.incrementAndGet();
        String token = hospitalToken(card);
        String ok = "DKC" + NEXT.incrementAndGet();
        String unfiled = "DKC" + NEXT.incrementAndGet();

        assertThat(preview(token, ok, bill(ok, card)).getStatus()).isEqualTo(200);
        assertThat(preview(token, unfiled, bill(unfiled, "52DCNONE" + NEXT.incrementAndGet())).getStatus())
                .isEqualTo(422);
        String clerk = "desk-api-clerk-" + NEXT.incrementAndGet();
        users.create(new UserAccount(clerk, "经办人", REGION + "-AGENCY", Set.of(Role.CLERK), true), null);
        String denied = "DKC" + NEXT.incrementAndGet();
        assertThat(preview(users.issueToken(clerk, "desk test"), denied, bill(denied, card)).getStatus())
                .isEqualTo(403);

        assertThat(audited(ok)).isEmpty();
        assertThat(audited(unfiled)).singleElement().asString().startsWith("REJECTED 422 crossregion.no-valid-filing ")
                .contains("备案");
        assertThat(audited(denied)).hasSize(1).allSatisfy(row -> assertThat(row).startsWith("DENIED 403"));
        assertThat(settlements(card)).isZero();
    }

    private MockHttpServletResponse preview(String token, String requestId, String body) throws Exception {
        return mvc.perform(post("/api/crossregion/settlements/preview")
                        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                        .header("X-Request-Id", requestId).contentType(MediaType.APPLICATION_JSON).content(body))
                .andReturn().getResponse();
    }

    private List<String> audited(String requestId) {
        return jdbc.sql("select outcome, status, detail from audit_log where request_id = :k").param("k", requestId)
                .query((rs, n) -> rs.getString(1) + " " + rs.getInt(2) + " " + rs.getString(3)).list();
    }
}

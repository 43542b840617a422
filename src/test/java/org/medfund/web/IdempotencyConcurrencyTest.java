package org.medfund.web;

import org.medfund.users.UserAccount;
import org.medfund.users.Users;
import org.medfund.web.settlement.SettlementIntakeApiTest;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.TestDatabase;
import org.medfund.claims.PlaceOfSettlement;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.prepayment.Agreements;
import org.medfund.prepayment.Prepayments;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.medfund.prepayment.Fixtures;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ContextConfiguration;

/**
 * Issue 11, idempotency under concurrency, over real HTTP against the app on a random port: 10,000 submissions of
 * 1,000 distinct requests — 600 settlement intake batches ({@code POST /api/settlements}) and 400 prepayment
 * disbursements that post to the ledger ({@code POST /api/prepayments/{id}/disburse}) — each sent ten times from
 * 8 threads, the repeats of a request bunched so that many arrive while its first call is still running. Exactly
 * 1,000 effects (records, intake batches, ledger entries, register movements); every repeat answered with the
 * first answer, status and body, marked {@code Idempotent-Replayed}; the same key with a different body is 409
 * {@code request.id-reused}, changing nothing. Its own context and database (a server on a port); it runs once
 * per build, on PostgreSQL when {@code MEDFUND_TEST_PG_URL} is set, else on H2 — 10,000 HTTP calls twice would
 * double its cost for little (the claim that makes repeats wait is the same SQL on both).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TestDatabase.Preferred.class)
class IdempotencyConcurrencyTest {

    static final int INTAKES = 600;
    static final int DISBURSEMENTS = 400;
    static final int REPEATS = 10;
    static final int THREADS = 8;
    /** Requests whose repeats are shuffled together, so repeats overlap the first call. */
    static final int WINDOW_REQUESTS = 8;
    static final int INTAKE_HOSPITALS = 4;
    /** Prepayments each disbursed by {@value #THREADS} concurrent calls with different keys. */
    static final int RACE_PREPAYMENTS = 20;
    static final String COUNTY = "410422"; // 叶县: no demo hospital of its own
    static final String AGENCY = "410422-AGENCY";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Users users;
    @Autowired
    Prepayments prepayments;
    @Autowired
    Agreements agreements;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerAudit audit;

    /** One distinct request: where it goes, its key and body, and the status its first call answers. */
    record Call(String path, String key, String body, String token, int status) {
    }

    record Answer(Call call, int status, String body, boolean replayed, long startNanos, long endNanos) {
    }

    @Test
    @DisplayName("issue 11 idempotency: 10,000 submissions of 1,000 requests from 8 threads → exactly 1,000 effects,"
            + " every repeat the first answer, a different body under a used key 409")
    void repeatsUnderConcurrencyHaveOneEffectAndTheFirstAnswer() throws Exception {
        List<Call> calls = new ArrayList<>(intakes());
        calls.addAll(disbursements());
        assertThat(calls).hasSize(INTAKES + DISBURSEMENTS);

        long started = System.nanoTime();
        List<Answer> answers = submit(schedule(calls));
        double seconds = (System.nanoTime() - started) / 1e9;

        Map<String, List<Answer>> byKey = new HashMap<>();
        for (Answer a : answers) {
            byKey.computeIfAbsent(a.call().key(), k -> new ArrayList<>()).add(a);
        }
        List<String> wrong = new ArrayList<>();
        int overlapping = 0;
        for (List<Answer> repeats : byKey.values()) {
            Set<String> bodies = new HashSet<>();
            Answer first = null;
            for (Answer a : repeats) {
                bodies.add(a.body());
                if (a.status() != a.call().status()) {
                    wrong.add(a.call().key() + " → " + a.status() + " " + a.body());
                }
                if (!a.replayed()) {
                    first = first == null ? a : first;
                }
            }
            long firsts = repeats.stream().filter(a -> !a.replayed()).count();
            if (firsts != 1 || bodies.size() != 1) {
                wrong.add(repeats.get(0).call().key() + ": " + firsts + " first answers, " + bodies.size()
                        + " different bodies");
            }
            if (first != null) {
                Answer f = first;
                overlapping += (int) repeats.stream().filter(a -> a != f && a.startNanos() < f.endNanos()).count();
            }
        }
        assertThat(wrong).as("answers that are not the first answer").isEmpty();
        assertThat(byKey).hasSize(INTAKES + DISBURSEMENTS);
        assertThat(answers).hasSize((INTAKES + DISBURSEMENTS) * REPEATS);
        assertEffects();
        System.out.printf("idempotency under concurrency: %d submissions of %d requests from %d threads in %.1f s"
                        + " (%.0f/s); %d repeats arrived while their first call was still running%n", answers.size(),
                byKey.size(), THREADS, seconds, answers.size() / seconds, overlapping);
        assertThat(overlapping).as("repeats that overlapped their first call").isPositive();

        // The same key with a different body, after the fact: 409 naming the header, nothing changes.
        List<Call> conflicting = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            Call intake = calls.get(i);
            conflicting.add(new Call(intake.path(), intake.key(), intake.body().replace("1000.10", "1000.20")
                    .replace("700.10", "700.20").replace("650.10", "650.20"), intake.token(), 409));
            Call disburse = calls.get(INTAKES + i);
            conflicting.add(new Call(disburse.path(), disburse.key(), disburse.body().replace("false", "true"),
                    disburse.token(), 409));
        }
        for (Answer a : submit(conflicting)) {
            assertThat(a.status()).as(a.body()).isEqualTo(409);
            assertThat(a.body()).contains("\"code\":\"request.id-reused\"").contains("\"field\":\"Idempotency-Key\"");
        }
        assertEffects();
    }

    @Test
    @DisplayName("issue 11: two clerks disbursing one prepayment at once (different keys) pay it once, not twice")
    void concurrentDisbursementsOfOnePrepaymentPayOnce() throws Exception {
        String county = "410423"; // 鲁山县
        String agency = county + "-AGENCY";
        Actor clerk = Fixtures.actor("race-sizer", agency, Role.CLERK);
        Fixtures.fund(ledger, agency, "race-opening-" + agency);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < RACE_PREPAYMENTS; i++) {
            String code = Fixtures.hospital(jdbc, county, 2, false, "（并发）同笔拨付医院");
            Fixtures.agreement(agreements, code, clerk);
            Fixtures.settlements(context, code, county, "310", PlaceOfSettlement.LOCAL,
                    Fixtures.months(2023, 1, 12, 200_000 + i));
            ids.add("PP-2024-" + code + "-310");
        }
        prepayments.sizeRegion(county, 2024, LocalDate.of(2024, 1, 5), clerk);
        String token = token("race-clerk", agency, Role.CLERK);
        List<Call> calls = new ArrayList<>();
        for (String id : ids) {
            prepayments.approve(id, LocalDate.of(2024, 1, 6), Fixtures.actor("race-reviewer", agency, Role.REVIEWER));
            for (int k = 0; k < THREADS; k++) {
                calls.add(new Call("/api/prepayments/" + id + "/disburse", "race-" + id + "-" + k,
                        "{\"date\":\"2024-01-08\",\"excessByReturn\":false}", token, 200));
            }
        }
        for (Answer a : submit(calls)) {
            assertThat(a.status()).as(a.body()).isEqualTo(200);
            assertThat(a.body()).contains("\"status\":\"DISBURSED\"");
        }
        assertThat(count("select count(*) from ledger_entry where rule_type = 'prepayment.disbursed'"
                + " and document_id like 'PP-2024-H" + county + "%'")).isEqualTo(RACE_PREPAYMENTS);
        assertThat(count("select count(*) from prepayment_movement where kind = 'DISBURSED'"
                + " and hospital_code like 'H" + county + "%'")).isEqualTo(RACE_PREPAYMENTS);
        assertThat(prepayments.invariantBreaks(LocalDate.of(2024, 12, 31))).isEmpty();
        assertThat(audit.problems()).isEmpty();
    }

    /** Exactly one effect per distinct request, and the books sound. */
    private void assertEffects() {
        assertThat(count("select count(*) from claims_settlement where setl_id like 'IDEM%'")).isEqualTo(INTAKES);
        assertThat(count("select count(*) from claims_intake_batch where request_id like 'idem-s-%'"))
                .isEqualTo(INTAKES);
        assertThat(count("select count(*) from ledger_entry where rule_type = 'prepayment.disbursed'"
                + " and document_id like 'PP-2024-H" + COUNTY + "%'")).isEqualTo(DISBURSEMENTS);
        assertThat(count("select count(*) from prepayment_movement where kind = 'DISBURSED'"
                + " and hospital_code like 'H" + COUNTY + "%'")).isEqualTo(DISBURSEMENTS);
        assertThat(count("select count(*) from request_log where request_id like 'idem-%'"))
                .isEqualTo(INTAKES + DISBURSEMENTS);
        assertThat(audit.problems()).isEmpty();
        assertThat(prepayments.invariantBreaks(LocalDate.of(2024, 12, 31))).isEmpty();
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    /** 600 one-record intake batches over four hospitals of their own, each hospital's system with its token. */
    private List<Call> intakes() {
        List<Call> calls = new ArrayList<>();
        List<String[]> hospitals = new ArrayList<>();
        for (int h = 0; h < INTAKE_HOSPITALS; h++) {
            String code = Fixtures.hospital(jdbc, "410402", 2, true, "（并发）医院");
            hospitals.add(new String[] {code, token(code.toLowerCase() + "-his", code, Role.HOSPITAL)});
        }
        for (int i = 0; i < INTAKES; i++) {
            String[] h = hospitals.get(i % INTAKE_HOSPITALS);
            calls.add(new Call("/api/settlements", "idem-s-" + i, SettlementIntakeApiTest.body("IDEM" + i, h[0],
                    "1000.10"), h[1], 201));
        }
        return calls;
    }

    /** 400 approved Henan prepayments (200 hospitals × 2 funds), disbursed by the county agency's clerk. */
    private List<Call> disbursements() {
        Actor clerk = Fixtures.actor("idem-sizer", AGENCY, Role.CLERK);
        Actor reviewer = Fixtures.actor("idem-reviewer", AGENCY, Role.REVIEWER);
        Fixtures.fund(ledger, AGENCY, "idem-opening-" + AGENCY);
        List<String> hospitals = new ArrayList<>();
        for (int i = 0; i < DISBURSEMENTS / 2; i++) {
            String code = Fixtures.hospital(jdbc, COUNTY, 2, false, "（并发）预拨医院");
            Fixtures.agreement(agreements, code, clerk);
            for (String fund : List.of("310", "390")) {
                Fixtures.settlements(context, code, COUNTY, fund, PlaceOfSettlement.LOCAL,
                        Fixtures.months(2023, 1, 12, 100_000 + i));
            }
            hospitals.add(code);
        }
        prepayments.sizeRegion(COUNTY, 2024, LocalDate.of(2024, 1, 5), clerk);
        String token = token("idem-clerk", AGENCY, Role.CLERK);
        List<Call> calls = new ArrayList<>();
        for (String code : hospitals) {
            for (String fund : List.of("310", "390")) {
                String id = "PP-2024-" + code + "-" + fund;
                prepayments.approve(id, LocalDate.of(2024, 1, 6), reviewer);
                calls.add(new Call("/api/prepayments/" + id + "/disburse", "idem-d-" + id,
                        "{\"date\":\"2024-01-08\",\"excessByReturn\":false}", token, 200));
            }
        }
        return calls;
    }

    private String token(String username, String org, Role role) {
        users.create(new UserAccount(username, "并发测试", org, Set.of(role), true), "idem-password-1");
        return users.issueToken(username, "concurrency test");
    }

    /** Ten copies of each request; windows of eight requests shuffled together, reproducibly. */
    private static List<Call> schedule(List<Call> calls) {
        Random random = new Random(11);
        List<Call> order = new ArrayList<>(calls);
        Collections.shuffle(order, random);
        List<Call> submissions = new ArrayList<>();
        for (int at = 0; at < order.size(); at += WINDOW_REQUESTS) {
            List<Call> window = new ArrayList<>();
            for (Call c : order.subList(at, Math.min(order.size(), at + WINDOW_REQUESTS))) {
                for (int r = 0; r < REPEATS; r++) {
                    window.add(c);
                }
            }
            Collections.shuffle(window, random);
            submissions.addAll(window);
        }
        return submissions;
    }

    private List<Answer> submit(List<Call> submissions) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<Answer>> futures = new ArrayList<>();
            for (Call c : submissions) {
                futures.add(pool.submit(() -> send(http, c)));
            }
            List<Answer> answers = new ArrayList<>();
            for (Future<Answer> f : futures) {
                answers.add(f.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }

    private Answer send(HttpClient http, Call c) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + c.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + c.token()).header(Idempotency.HEADER, c.key())
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(c.body()))
                .build();
        long start = System.nanoTime();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return new Answer(c, response.statusCode(), response.body(),
                response.headers().firstValue(Idempotency.REPLAYED_HEADER).isPresent(), start, System.nanoTime());
    }
}

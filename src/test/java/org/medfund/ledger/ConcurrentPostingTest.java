package org.medfund.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Money;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Several threads posting to one book at once get a gapless sequence and a valid chain (book row lock). */
@DatabaseTest
class ConcurrentPostingTest {

    static final int THREADS = 4;
    static final int POSTS_PER_THREAD = 15;

    @Autowired
    Ledger ledger;

    @Autowired
    LedgerAudit audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    @DisplayName("DESIGN.md §5: concurrent postings to one book keep the sequence gapless and the chain valid")
    void concurrentPostings() throws Exception {
        String book = Events.unique("AGENCY");
        ledger.openBook(book, BookType.AGENCY, "并发测试");
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < POSTS_PER_THREAD; i++) {
                        ledger.post(Events.event("interest.received", LocalDate.of(2025, 3, 21),
                                (thread + 1) + "." + String.format("%02d", i), Map.of("agency", book)));
                    }
                }));
            }
            for (Future<?> future : futures) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        List<Long> sequence = jdbc.sql("select sequence_no from ledger_entry where org_code = :book "
                + "order by sequence_no").param("book", book).query(Long.class).list();
        long total = THREADS * POSTS_PER_THREAD;
        assertThat(sequence).hasSize((int) total);
        for (int i = 0; i < sequence.size(); i++) {
            assertThat(sequence.get(i)).isEqualTo(i + 1L);
        }
        assertThat(ledger.book(book).orElseThrow().entryCount()).isEqualTo(total);
        assertThat(audit.verifyChains(book)).isEmpty();
        long expectedFen = 0;
        for (int t = 0; t < THREADS; t++) {
            for (int i = 0; i < POSTS_PER_THREAD; i++) {
                expectedFen += (t + 1) * 100L + i;
            }
        }
        assertThat(ledger.balance(book, "4201", null, null, null)).isEqualTo(Money.ofFen(expectedFen));
        assertThat(audit.problems()).isEmpty();
    }

    @Test
    @DisplayName("DESIGN.md §5: two concurrent reversals of one entry: exactly one is posted, the other refused")
    void concurrentReversalsOfOneEntry() throws Exception {
        String book = Events.unique("AGENCY");
        ledger.openBook(book, BookType.AGENCY, "并发冲销测试");
        PostedEntry original = ledger.post(Events.event("interest.received", LocalDate.of(2025, 3, 21), "9.99",
                Map.of("agency", book))).get(0);
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        List<Object> outcomes = new ArrayList<>();
        try {
            List<Future<Object>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                futures.add(pool.submit(() -> {
                    try {
                        return ledger.reverse(book, original.sequenceNo(), LocalDate.of(2025, 3, 22), "重复冲销",
                                Events.requestId());
                    } catch (org.medfund.common.Rejection rejection) {
                        return rejection.code();
                    }
                }));
            }
            for (Future<Object> future : futures) {
                outcomes.add(future.get(5, TimeUnit.MINUTES));
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(outcomes).filteredOn(PostedEntry.class::isInstance).hasSize(1);
        assertThat(outcomes).filteredOn("ledger.already-reversed"::equals).hasSize(THREADS - 1);
        assertThat(ledger.balance(book, "4201", null, null, null)).isEqualTo(Money.ZERO);
        assertThat(audit.verifyChains(book)).isEmpty();
    }
}

package org.medfund.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Rejection;
import org.springframework.beans.factory.annotation.Autowired;

/** Books are opened on demand; their type follows the registry's organisation kind; hospitals keep none. */
@DatabaseTest
class BookOpeningTest {

    @Autowired
    Ledger ledger;

    @Test
    @DisplayName("agencies and settlement centres keep agency books, finance departments special-account books")
    void bookTypeFollowsOrgKind() {
        ledger.openBook("411500-AGENCY");
        ledger.openBook("411500-FINANCE");
        ledger.openBook("410000-CENTRE");
        ledger.openBook("411500-AGENCY");
        assertThat(ledger.book("411500-AGENCY").orElseThrow().type()).isEqualTo(BookType.AGENCY);
        assertThat(ledger.book("411500-AGENCY").orElseThrow().name()).isEqualTo("信阳市医疗保障服务中心");
        assertThat(ledger.book("411500-FINANCE").orElseThrow().type()).isEqualTo(BookType.FINANCE);
        assertThat(ledger.book("410000-CENTRE").orElseThrow().type()).isEqualTo(BookType.AGENCY);
    }

    @Test
    @DisplayName("a posting opens the books of its parties on demand")
    void openedByPosting() {
        String requestId = Events.requestId();
        ledger.post(new BusinessEvent("interest.received", requestId, LocalDate.of(2025, 3, 21), null,
                org.medfund.common.Money.ofYuan("12.34"), Map.of("agency", "411521-AGENCY"), null, "bank-slip",
                requestId, null, "henan-2023", "利息收入"));
        assertThat(ledger.book("411521-AGENCY")).isPresent();
    }

    @Test
    @DisplayName("hospitals keep no book in medfund; unknown organisations are refused")
    void hospitalsAndUnknown() {
        assertThatThrownBy(() -> ledger.openBook("H41150200001")).isInstanceOf(Rejection.class)
                .extracting("code").isEqualTo("ledger.no-book-for-kind");
        assertThatThrownBy(() -> ledger.openBook("999999-AGENCY")).isInstanceOf(Rejection.class)
                .extracting("code").isEqualTo("ledger.org-unknown");
    }
}

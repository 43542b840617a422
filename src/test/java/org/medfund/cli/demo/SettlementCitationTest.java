package org.medfund.cli.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.ledger.LedgerAudit;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Each monthly payment cites the settlement rule of its own region's pack: Henan's agencies henan-2023 三(一), Hainan's
 * hainan-2020 art. 16 (not Henan's), and regions whose packs set no settlement cycle (Guizhou, Handan) no pack at all.
 * Reads the entries of the settlement demo month (the step is idempotent, so running it again changes nothing).
 */
@DatabaseTest
class SettlementCitationTest {

    @Autowired
    SettlementDemoStep step;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    LedgerAudit audit;

    /** Distinct "pack|article" of the settlement.paid entries in the books of one province's agencies (any test's). */
    private List<String> citations(String provincePrefix) {
        return jdbc.sql("""
                select distinct coalesce(pack_id, '-') || '|' || coalesce(article, '-') from ledger_entry
                where rule_type = 'settlement.paid' and left(org_code, 2) = :p""")
                .param("p", provincePrefix).query(String.class).list();
    }

    @Test
    @DisplayName("hainan-2020 art. 16 / henan-2023 三(一): a payment cites the rule of the regime that produced it")
    void paymentsCiteTheirRegime() {
        step.run(new PrintWriter(new StringWriter(), true));
        Map<String, String> expected = Map.of("46", "hainan-2020|hainan-2020 art. 16", "41", "henan-2023|henan-2023 三(一)",
                "52", "-|-", "13", "-|-");
        expected.forEach((province, citation) -> assertThat(citations(province)).as(province)
                .containsExactly(citation));
        assertThat(jdbc.sql("""
                select count(*) from stl_payment_line l join stl_payment_batch b on b.id = l.batch_id
                where left(b.agency_code, 2) = '46' and b.cycle = 202609 and l.derivation like '%henan-2023%'""")
                .query(Long.class).single()).isZero();
        audit.assertSound();
    }
}

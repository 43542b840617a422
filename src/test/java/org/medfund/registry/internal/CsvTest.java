package org.medfund.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The data files' CSV dialect: comments, the data version line, RFC 4180 quoting, empty cells as null. */
class CsvTest {

    @Test
    @DisplayName("comments are skipped, the version is read, quoted commas and quotes survive")
    void parses() {
        Csv csv = Csv.parse("t", "# medfund registry reference data, data version 2099.01.01-7\n"
                + "code,name,note\n"
                + "# a comment between rows\n"
                + "1,\"甲,乙\",\"say \"\"hi\"\"\"\n"
                + "2,丙,\n");
        assertThat(csv.version()).isEqualTo("2099.01.01-7");
        assertThat(csv.rows()).hasSize(2);
        assertThat(csv.rows().get(0)).containsEntry("name", "甲,乙").containsEntry("note", "say \"hi\"");
        assertThat(csv.rows().get(1).get("note")).isNull();
    }

    @Test
    @DisplayName("a row with the wrong number of cells or an open quote is a broken release")
    void broken() {
        assertThatThrownBy(() -> Csv.parse("t", "a,b\n1,2,3\n")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> Csv.parse("t", "a,b\n1,\"2\n")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("quote");
    }

    @Test
    @DisplayName("the shipped data set is consistent and all four files carry one version")
    void shippedDataSet() {
        DataSet data = DataSet.load();
        assertThat(data.version()).isEqualTo("2026.12.01-2");
        assertThat(data.regions()).hasSize(175);
        assertThat(data.provinceLevelRegions()).containsExactly("529900");
        // Fictional demo numbers, except an account a seed publishes, which says where it comes from.
        assertThat(data.accounts()).allMatch(account -> account.accountNo().startsWith("DEMO-")
                ? account.provenance() == null : account.provenance() != null);
        assertThat(data.orgs()).filteredOn(org -> org.isHospital()).allMatch(org -> org.demo()
                && org.name().startsWith("（演示）") && org.code().substring(1, 7).equals(org.regionCode()));
    }
}

package org.medfund.registry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.OrgDraft;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Registry;
import org.medfund.registry.RegistryAdmin;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A newer data version is upserted: new rows appear, data-owned rows follow the files, rows edited through the API
 * keep their edits; the same version twice changes nothing. Restores the shipped version at the end.
 */
@DatabaseTest
class DataLoaderTest {

    @Autowired
    JdbcClient jdbc;
    @Autowired
    Registry registry;
    @Autowired
    RegistryAdmin admin;

    private static DataSet dataSet(String version, List<Org> orgs) {
        return new DataSet(version, List.of(), List.of(), orgs, List.of(), List.of(), Map.of(), Map.of(), Set.of());
    }

    private static Org agency(String code, String name) {
        return new Org(code, name, OrgKind.AGENCY, "411528", null, false, false, false);
    }

    @Test
    @DisplayName("upsert by data version keeps API edits, adds new rows, and is idempotent per version")
    void upsertKeepsApiEdits() {
        DataLoader loader = new DataLoader(jdbc);
        DataSet shipped = DataSet.load();
        String suffix = Long.toString(System.nanoTime() % 1_000_000);
        String edited = "411528-TEST-E" + suffix;
        String followed = "411528-TEST-F" + suffix;
        String added = "411528-TEST-N" + suffix;
        try {
            assertThat(loader.load(shipped, Instant.EPOCH)).as("same version: nothing to do").isFalse();
            assertThat(loader.load(dataSet("test-1-" + suffix, List.of(agency(edited, "甲"), agency(followed, "乙"))),
                    Instant.EPOCH)).isTrue();
            admin.updateOrg(new Actor("admin", "411500-AGENCY", Set.of(Role.ADMIN)), edited,
                    new OrgDraft(null, "甲（经 API 修改）", null, "411528", null, null, null, null, null, null));
            DataSet second = dataSet("test-2-" + suffix, List.of(agency(edited, "甲2"), agency(followed, "乙2"),
                    agency(added, "丙")));
            assertThat(loader.load(second, Instant.EPOCH)).isTrue();
            assertThat(registry.requireOrg(edited, "code").name()).isEqualTo("甲（经 API 修改）");
            assertThat(registry.requireOrg(followed, "code").name()).isEqualTo("乙2");
            assertThat(registry.requireOrg(added, "code").name()).isEqualTo("丙");
            assertThat(loader.load(second, Instant.EPOCH)).isFalse();
        } finally {
            loader.load(shipped, Instant.EPOCH);
        }
        assertThat(loader.loadedVersion()).contains(shipped.version());
        assertThat(registry.requireOrg("411528-AGENCY", "code").name()).isEqualTo("息县医疗保障服务中心");
    }

    @Test
    @DisplayName("a newer data version brings the province-level mark (省本级) to a database loaded without it")
    void provinceLevelMarkFollowsTheFiles() {
        DataLoader loader = new DataLoader(jdbc);
        DataSet shipped = DataSet.load();
        try {
            // A database loaded before V380 (or by V3, which cannot write the column) has the row unmarked.
            jdbc.sql("update registry_region set province_level = false where code = '529900'").update();
            jdbc.sql("update registry_data_version set version = 'before-province-level' where data_set = :n")
                    .param("n", DataSet.NAME).update();
            assertThat(loader.load(shipped, Instant.EPOCH)).isTrue();
            assertThat(jdbc.sql("select province_level from registry_region where code = '529900'")
                    .query(Boolean.class).single()).isTrue();
            assertThat(jdbc.sql("select count(*) from registry_region where province_level").query(Integer.class)
                    .single()).isEqualTo(1);
        } finally {
            jdbc.sql("update registry_region set province_level = true where code = '529900'").update();
            loader.load(shipped, Instant.EPOCH);
        }
        assertThat(loader.loadedVersion()).contains(shipped.version());
    }
}

package org.medfund.registry.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.medfund.registry.Account;
import org.medfund.registry.HospitalProfile;
import org.medfund.registry.Org;
import org.medfund.registry.Region;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Brings the registry tables up to the data set shipped with the release: rows are inserted or updated by key,
 * never deleted, and rows edited through the API ({@code source = 'API'}) are left as the users edited them. The
 * version of the loaded data set is recorded in {@code registry_data_version}; loading the same version twice
 * changes nothing.
 */
final class DataLoader {

    private final JdbcClient jdbc;
    /**
     * False while migration V3 runs: the columns added later (registry_account.provenance with V77,
     * registry_region.province_level with V380) are not there yet, and those migrations set them for V3's rows.
     */
    private final boolean laterColumns;

    DataLoader(JdbcClient jdbc) {
        this(jdbc, true);
    }

    DataLoader(JdbcClient jdbc, boolean laterColumns) {
        this.jdbc = jdbc;
        this.laterColumns = laterColumns;
    }

    Optional<String> loadedVersion() {
        return jdbc.sql("select version from registry_data_version where data_set = :name")
                .param("name", DataSet.NAME).query(String.class).optional();
    }

    /** @return true when the tables changed (the data set was newer than the one loaded) */
    boolean load(DataSet data, Instant now) {
        Optional<String> loaded = loadedVersion();
        if (loaded.isPresent() && loaded.get().equals(data.version())) {
            return false;
        }
        Timestamp at = Timestamp.from(now);
        data.regions().forEach(region -> region(region, data.regionNotes().get(region.code()),
                data.provinceLevelRegions().contains(region.code())));
        data.insuranceTypes().forEach(this::insuranceType);
        data.orgs().forEach(org -> org(org, at));
        data.profiles().forEach(this::profile);
        data.accounts().forEach(account -> account(account, data.accountParents().get(account.id())));
        if (loaded.isPresent()) {
            jdbc.sql("update registry_data_version set version = :version, loaded_at = :at where data_set = :name")
                    .param("version", data.version()).param("at", at).param("name", DataSet.NAME).update();
        } else {
            jdbc.sql("insert into registry_data_version (data_set, version, loaded_at) values (:name, :version, :at)")
                    .param("version", data.version()).param("at", at).param("name", DataSet.NAME).update();
        }
        return true;
    }

    private void region(Region region, String note, boolean provinceLevel) {
        int updated = jdbc.sql("update registry_region set name = :name, level = :level, parent_code = :parent,"
                        + " note = :note" + (laterColumns ? ", province_level = :pl" : "")
                        + " where code = :code and source = 'DATA'")
                .param("code", region.code()).param("name", region.name()).param("level", region.level().name())
                .param("parent", region.parentCode()).param("note", note).param("pl", provinceLevel).update();
        if (updated == 0 && !exists("registry_region", "code", region.code())) {
            jdbc.sql("insert into registry_region (code, name, level, parent_code, note, source"
                            + (laterColumns ? ", province_level" : "") + ") values (:code, :name, :level, :parent,"
                            + " :note, 'DATA'" + (laterColumns ? ", :pl" : "") + ")")
                    .param("code", region.code()).param("name", region.name()).param("level", region.level().name())
                    .param("parent", region.parentCode()).param("note", note).param("pl", provinceLevel).update();
        }
    }

    private void insuranceType(DataSet.Named<org.medfund.registry.InsuranceType> type) {
        int updated = jdbc.sql("update registry_insurance_type set name = :name, short_name = :short, note = :note "
                        + "where code = :code")
                .param("code", type.value().code()).param("name", type.value().name())
                .param("short", type.shortName()).param("note", type.note()).update();
        if (updated == 0) {
            jdbc.sql("insert into registry_insurance_type (code, name, short_name, note) "
                            + "values (:code, :name, :short, :note)")
                    .param("code", type.value().code()).param("name", type.value().name())
                    .param("short", type.shortName()).param("note", type.note()).update();
        }
    }

    private void org(Org org, Timestamp at) {
        String set = """
                name = :name, kind = :kind, region_code = :region, grade = :grade, designated = :designated,
                city_managed = :cityManaged, demo = :demo, updated_at = :at""";
        int updated = orgParams(jdbc.sql("update registry_org set " + set + " where code = :code and source = 'DATA'"),
                org, at).update();
        if (updated == 0 && !exists("registry_org", "code", org.code())) {
            orgParams(jdbc.sql("""
                    insert into registry_org (code, name, kind, region_code, grade, designated, city_managed, demo,
                                              source, updated_at)
                    values (:code, :name, :kind, :region, :grade, :designated, :cityManaged, :demo, 'DATA', :at)"""),
                    org, at).update();
        }
    }

    static JdbcClient.StatementSpec orgParams(JdbcClient.StatementSpec spec, Org org, Timestamp at) {
        return spec.param("code", org.code()).param("name", org.name()).param("kind", org.kind().name())
                .param("region", org.regionCode()).param("grade", org.grade())
                .param("designated", org.designated()).param("cityManaged", org.cityManaged())
                .param("demo", org.demo()).param("at", at);
    }

    private void profile(HospitalProfile profile) {
        boolean dataOwned = jdbc.sql("select count(*) from registry_org where code = :code and source = 'DATA'")
                .param("code", profile.orgCode()).query(Long.class).single() > 0;
        if (!dataOwned) {
            return;
        }
        jdbc.sql("delete from registry_hospital_profile where org_code = :code").param("code", profile.orgCode())
                .update();
        profileParams(jdbc.sql("""
                insert into registry_hospital_profile (org_code, category, medical_community, medical_community_name)
                values (:code, :category, :community, :communityName)"""), profile).update();
    }

    static JdbcClient.StatementSpec profileParams(JdbcClient.StatementSpec spec, HospitalProfile profile) {
        return spec.param("code", profile.orgCode()).param("category", profile.category())
                .param("community", profile.medicalCommunity())
                .param("communityName", profile.medicalCommunityName());
    }

    private void account(Account account, String parentId) {
        int updated = accountParams(jdbc.sql("""
                update registry_account set org_code = :org, kind = :kind, insurance_type = :type,
                       parent_id = :parent, bank_name = :bank, account_no = :no, account_name = :accountName
                where id = :id and source = 'DATA'"""), account, parentId).update();
        if (updated == 0 && !exists("registry_account", "id", account.id())) {
            accountParams(jdbc.sql("""
                    insert into registry_account (id, org_code, kind, insurance_type, parent_id, bank_name, account_no,
                                                  account_name, source)
                    values (:id, :org, :kind, :type, :parent, :bank, :no, :accountName, 'DATA')"""),
                    account, parentId).update();
        }
        if (laterColumns) {
            jdbc.sql("update registry_account set provenance = :provenance where id = :id and source = 'DATA'")
                    .param("provenance", account.provenance()).param("id", account.id()).update();
        }
    }

    static JdbcClient.StatementSpec accountParams(JdbcClient.StatementSpec spec, Account account, String parentId) {
        return spec.param("id", account.id()).param("org", account.orgCode()).param("kind", account.kind().name())
                .param("type", account.insuranceType()).param("parent", parentId)
                .param("bank", account.bankName()).param("no", account.accountNo())
                .param("accountName", account.accountName());
    }

    private boolean exists(String table, String key, String value) {
        // table and key are constants of this class, never input
        return jdbc.sql("select count(*) from " + table + " where " + key + " = :value").param("value", value)
                .query(Long.class).single() > 0;
    }
}

package org.medfund.registry.internal;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medfund.registry.Account;
import org.medfund.registry.AccountKind;
import org.medfund.registry.HospitalProfile;
import org.medfund.registry.InsuranceType;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Region;
import org.medfund.registry.RegionLevel;

/**
 * The registry reference data shipped in {@code src/main/resources/registry/*.csv}, parsed and checked for
 * consistency (parents before children, known regions, organisations and insurance types). A broken file is a
 * bug in the release, so it fails with {@link IllegalStateException}.
 */
record DataSet(String version, List<Region> regions, List<Named<InsuranceType>> insuranceTypes, List<Org> orgs,
               List<HospitalProfile> profiles, List<Account> accounts, Map<String, String> accountParents,
               Map<String, String> regionNotes, Set<String> provinceLevelRegions) {

    static final String NAME = "registry";
    private static final String DIR = "/registry/";

    /** An insurance type with the columns the public record leaves out. */
    record Named<T>(T value, String shortName, String note) {
    }

    static DataSet load() {
        Csv regions = Csv.read(DIR + "regions.csv");
        Csv types = Csv.read(DIR + "insurance-types.csv");
        Csv orgs = Csv.read(DIR + "orgs.csv");
        Csv accounts = Csv.read(DIR + "accounts.csv");
        String version = regions.version();
        for (Csv other : List.of(types, orgs, accounts)) {
            if (version == null || !version.equals(other.version())) {
                throw new IllegalStateException("registry data files disagree on the data version: " + version
                        + " vs " + other.version());
            }
        }
        return build(version, regions, types, orgs, accounts);
    }

    private static DataSet build(String version, Csv regionCsv, Csv typeCsv, Csv orgCsv, Csv accountCsv) {
        Map<String, Region> regions = new HashMap<>();
        Map<String, String> notes = new HashMap<>();
        List<Region> regionList = regionCsv.rows().stream().map(row -> new Region(row.get("code"), row.get("name"),
                RegionLevel.valueOf(row.get("level")), row.get("parent_code"))).toList();
        regionCsv.rows().forEach(row -> notes.put(row.get("code"), row.get("note")));
        Set<String> provinceLevel = new HashSet<>();
        regionCsv.rows().stream().filter(row -> Boolean.parseBoolean(row.get("province_level")))
                .forEach(row -> provinceLevel.add(row.get("code")));
        for (Region region : regionList) {
            check(region.code().matches("\\d{6}"), "region code " + region.code());
            check(regions.put(region.code(), region) == null, "duplicate region " + region.code());
            Region parent = region.parentCode() == null ? null : regions.get(region.parentCode());
            check((region.level() == RegionLevel.PROVINCE) == (parent == null), "parent of " + region.code());
            check(parent == null || parent.level().ordinal() < region.level().ordinal(), "level of " + region.code());
        }
        // A province's own pool (省本级) sits where its cities do, directly under the province, one per province.
        Set<String> provincesWithOwnPool = new HashSet<>();
        for (String code : provinceLevel) {
            Region region = regions.get(code);
            check(region.level() == RegionLevel.CITY && regions.get(region.parentCode()).level() == RegionLevel.PROVINCE
                    && provincesWithOwnPool.add(region.parentCode()), "province-level region " + code);
        }
        List<Named<InsuranceType>> types = typeCsv.rows().stream().map(row -> new Named<>(
                new InsuranceType(row.get("code"), row.get("name")), row.get("short_name"), row.get("note"))).toList();
        Set<String> typeCodes = new HashSet<>();
        types.forEach(type -> typeCodes.add(type.value().code()));
        List<Org> orgs = orgCsv.rows().stream().map(DataSet::org).toList();
        Set<String> orgCodes = new HashSet<>();
        for (Org org : orgs) {
            check(orgCodes.add(org.code()), "duplicate org " + org.code());
            check(regions.containsKey(org.regionCode()), "region of org " + org.code());
        }
        List<HospitalProfile> profiles = orgCsv.rows().stream()
                .filter(row -> OrgKind.valueOf(row.get("kind")) == OrgKind.HOSPITAL
                        || OrgKind.valueOf(row.get("kind")) == OrgKind.PHARMACY)
                .map(row -> new HospitalProfile(row.get("code"), row.get("category"),
                        Boolean.parseBoolean(row.get("medical_community")), row.get("medical_community_name")))
                .toList();
        Map<String, String> parents = new HashMap<>();
        Set<String> accountIds = new HashSet<>();
        List<Account> accounts = accountCsv.rows().stream().map(row -> new Account(row.get("id"), row.get("org_code"),
                AccountKind.valueOf(row.get("kind")), row.get("insurance_type"), row.get("bank_name"), row.get("account_no"),
                row.get("account_name"), row.get("provenance"))).toList();
        for (int i = 0; i < accounts.size(); i++) {
            Account account = accounts.get(i);
            String parent = accountCsv.rows().get(i).get("parent_id");
            check(accountIds.add(account.id()), "duplicate account " + account.id());
            check(orgCodes.contains(account.orgCode()), "org of account " + account.id());
            check(account.insuranceType() == null || typeCodes.contains(account.insuranceType()),
                    "insurance type of account " + account.id());
            check(parent == null || accountIds.contains(parent), "parent of account " + account.id());
            if (parent != null) {
                parents.put(account.id(), parent);
            }
        }
        return new DataSet(version, regionList, types, orgs, profiles, accounts, parents, notes,
                Set.copyOf(provinceLevel));
    }

    private static Org org(Map<String, String> row) {
        String grade = row.get("grade");
        return new Org(row.get("code"), row.get("name"), OrgKind.valueOf(row.get("kind")), row.get("region_code"),
                grade == null ? null : Integer.valueOf(grade), Boolean.parseBoolean(row.get("designated")),
                Boolean.parseBoolean(row.get("city_managed")), Boolean.parseBoolean(row.get("demo")));
    }

    private static void check(boolean ok, String what) {
        if (!ok) {
            throw new IllegalStateException("registry data files: bad " + what);
        }
    }
}

package org.medfund.registry.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfund.common.Rejection;
import org.medfund.registry.Account;
import org.medfund.registry.AccountKind;
import org.medfund.registry.Actor;
import org.medfund.registry.InsuranceType;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Region;
import org.medfund.registry.RegionLevel;
import org.medfund.registry.Registry;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The registry over its tables. Regions are cached as a {@link RegionTree}; organisations and accounts are read
 * from the database each time, since the API edits them.
 *
 * <p>Scope (DESIGN.md §1): an actor acts for its organisation. A hospital or pharmacy sees only itself and no
 * region; any other organisation sees its own region and every region below it, so a county agency sees its county,
 * a city agency its city and counties, a province centre the whole province. Roles do not widen scope (an auditor
 * sees what its organisation sees; read-only is enforced by the web layer). An actor whose organisation is unknown
 * sees nothing.
 */
@Component
class RegistryImpl implements Registry {

    static final String ORG_COLUMNS = "o.code, o.name, o.kind, o.region_code, o.grade, o.designated, o.city_managed, "
            + "o.demo";
    static final RowMapper<Org> ORG = (rs, n) -> new Org(rs.getString(1), rs.getString(2),
            OrgKind.valueOf(rs.getString(3)), rs.getString(4), (Integer) rs.getObject(5, Integer.class),
            rs.getBoolean(6), rs.getBoolean(7), rs.getBoolean(8));
    static final RowMapper<Account> ACCOUNT = (rs, n) -> new Account(rs.getString(1), rs.getString(2),
            AccountKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));

    private final JdbcClient jdbc;
    private volatile RegionTree tree;

    RegistryImpl(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    RegionTree tree() {
        RegionTree snapshot = tree;
        if (snapshot == null) {
            snapshot = RegionTree.load(jdbc);
            tree = snapshot;
        }
        return snapshot;
    }

    void forgetRegions() {
        tree = null;
    }

    @Override
    public Optional<Region> region(String regionCode) {
        return tree().get(regionCode);
    }

    @Override
    public Region requireRegion(String regionCode, String field) {
        return region(regionCode).orElseThrow(() -> Rejection.notFound("registry.region-unknown", field,
                "未知统筹区编码 " + regionCode));
    }

    @Override
    public List<Region> lineage(String regionCode) {
        return tree().lineage(regionCode);
    }

    @Override
    public List<Region> descendants(String regionCode) {
        return tree().descendants(regionCode);
    }

    @Override
    public Optional<Org> org(String orgCode) {
        if (orgCode == null) {
            return Optional.empty();
        }
        return jdbc.sql("select " + ORG_COLUMNS + " from registry_org o where o.code = :code")
                .param("code", orgCode).query(ORG).optional();
    }

    @Override
    public Org requireOrg(String orgCode, String field) {
        return org(orgCode).orElseThrow(() -> Rejection.notFound("registry.org-unknown", field,
                "未知机构编码 " + orgCode));
    }

    @Override
    public List<Org> orgs(String regionCode, OrgKind kind) {
        return jdbc.sql("select " + ORG_COLUMNS + " from registry_org o where o.region_code = :region "
                        + "and o.kind = :kind order by o.code")
                .param("region", regionCode).param("kind", kind.name()).query(ORG).list();
    }

    /** The canonical {@code REGION-AGENCY} when present, else the first by code; a province falls back to its
     * settlement centre (Hainan's provincial centre is the agency of its province-wide pool). */
    @Override
    public Optional<Org> agencyOf(String regionCode) {
        Optional<Org> agency = canonical(regionCode, OrgKind.AGENCY, "-AGENCY");
        if (agency.isEmpty() && region(regionCode).map(r -> r.level() == RegionLevel.PROVINCE).orElse(false)) {
            return canonical(regionCode, OrgKind.SETTLEMENT_CENTRE, "-CENTRE");
        }
        return agency;
    }

    @Override
    public Optional<Org> financeOf(String regionCode) {
        Optional<Org> finance = canonical(regionCode, OrgKind.FINANCE, "-FINANCE");
        if (finance.isEmpty() && isProvinceLevel(regionCode)) {
            return region(regionCode).flatMap(r -> canonical(r.parentCode(), OrgKind.FINANCE, "-FINANCE"));
        }
        return finance;
    }

    @Override
    public boolean isProvinceLevel(String regionCode) {
        return tree().isProvinceLevel(regionCode);
    }

    private Optional<Org> canonical(String regionCode, OrgKind kind, String suffix) {
        List<Org> found = orgs(regionCode, kind);
        return found.stream().filter(org -> org.code().equals(regionCode + suffix)).findFirst()
                .or(() -> found.stream().findFirst());
    }

    @Override
    public List<Org> hospitals(String regionCode) {
        return jdbc.sql("select " + ORG_COLUMNS + " from registry_org o where o.region_code = :region "
                        + "and o.kind in ('HOSPITAL', 'PHARMACY') and o.designated = true order by o.code")
                .param("region", regionCode).query(ORG).list();
    }

    @Override
    public List<Account> accounts(String orgCode) {
        return jdbc.sql("""
                select id, org_code, kind, insurance_type, bank_name, account_no, account_name, provenance
                from registry_account where org_code = :org order by id""")
                .param("org", orgCode).query(ACCOUNT).list();
    }

    @Override
    public Map<String, List<Account>> accounts(Collection<String> orgCodes) {
        if (orgCodes.size() > ACCOUNT_ORGS_MAX) {
            throw new IllegalStateException("at most " + ACCOUNT_ORGS_MAX + " organisations per call: "
                    + orgCodes.size());
        }
        Map<String, List<Account>> byOrg = new LinkedHashMap<>();
        if (orgCodes.isEmpty()) {
            return byOrg;
        }
        jdbc.sql("""
                select id, org_code, kind, insurance_type, bank_name, account_no, account_name, provenance
                from registry_account where org_code in (:orgs) order by org_code, id""")
                .param("orgs", List.copyOf(orgCodes)).query(ACCOUNT).list()
                .forEach(a -> byOrg.computeIfAbsent(a.orgCode(), k -> new ArrayList<>()).add(a));
        return byOrg;
    }

    @Override
    public List<InsuranceType> insuranceTypes() {
        return jdbc.sql("select code, name from registry_insurance_type order by code")
                .query((rs, n) -> new InsuranceType(rs.getString(1), rs.getString(2))).list();
    }

    @Override
    public Optional<InsuranceType> insuranceType(String code) {
        return jdbc.sql("select code, name from registry_insurance_type where code = :code").param("code", code)
                .query((rs, n) -> new InsuranceType(rs.getString(1), rs.getString(2))).optional();
    }

    @Override
    public boolean canSeeRegion(Actor actor, String regionCode) {
        Optional<Org> own = actorOrg(actor);
        if (own.isEmpty() || own.get().isHospital()) {
            return false;
        }
        return tree().isWithin(regionCode, own.get().regionCode());
    }

    /** One query for both organisations: scope checks run on every request and every intake batch. */
    @Override
    public boolean canSeeOrg(Actor actor, String orgCode) {
        if (actor == null || actor.orgCode() == null || orgCode == null) {
            return false;
        }
        if (actor.orgCode().equals(orgCode)) {
            return org(orgCode).isPresent();
        }
        Optional<String[]> found = jdbc.sql("""
                select a.kind, a.region_code, t.region_code
                from registry_org a left join registry_org t on t.code = :target
                where a.code = :actor""")
                .param("actor", actor.orgCode()).param("target", orgCode)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .optional();
        if (found.isEmpty() || found.get()[2] == null) {
            return false;
        }
        OrgKind kind = OrgKind.valueOf(found.get()[0]);
        if (kind == OrgKind.HOSPITAL || kind == OrgKind.PHARMACY) {
            return false;
        }
        return tree().isWithin(found.get()[2], found.get()[1]);
    }

    private Optional<Org> actorOrg(Actor actor) {
        return actor == null ? Optional.empty() : org(actor.orgCode());
    }
}

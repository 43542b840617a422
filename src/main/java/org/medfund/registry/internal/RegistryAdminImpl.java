package org.medfund.registry.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.medfund.common.Rejection;
import org.medfund.registry.Account;
import org.medfund.registry.AccountDraft;
import org.medfund.registry.AccountKind;
import org.medfund.registry.Actor;
import org.medfund.registry.HospitalProfile;
import org.medfund.registry.Org;
import org.medfund.registry.OrgDraft;
import org.medfund.registry.OrgKind;
import org.medfund.registry.OrgQuery;
import org.medfund.registry.Region;
import org.medfund.registry.RegistryAdmin;
import org.medfund.registry.RegistryCounts;
import org.medfund.registry.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Edits organisations and accounts for administrators within their scope, and lists what an actor may see. Every
 * write validates the whole draft first, so a rejected request writes nothing.
 */
@Component
class RegistryAdminImpl implements RegistryAdmin {

    /** The account kinds as the rejection lists them (the order of {@link AccountKind}). */
    private static final String ACCOUNT_KIND_NAMES = java.util.Arrays.toString(AccountKind.values());


    static final int NAME_LENGTH_MAX = 200;
    static final int ACCOUNTS_PER_ORG_MAX = 100;
    private static final Pattern ORG_CODE = Pattern.compile("[A-Z0-9][A-Z0-9-]{2,39}");
    private static final Pattern ACCOUNT_NO = Pattern.compile("[A-Za-z0-9-]{4,40}");

    private final JdbcClient jdbc;
    private final RegistryImpl registry;
    private final Clock clock;

    RegistryAdminImpl(JdbcClient jdbc, RegistryImpl registry, Clock clock) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Org createOrg(Actor actor, OrgDraft draft) {
        requireAdmin(actor);
        if (draft == null || draft.kind() == null) {
            throw new Rejection("registry.kind-missing", "kind", "必须填写机构类型");
        }
        Org org = validated(draft.code(), draft);
        requireRegionInScope(actor, org.regionCode());
        if (registry.org(org.code()).isPresent()) {
            throw Rejection.conflict("registry.org-exists", "code", "机构编码 " + org.code() + " 已存在");
        }
        DataLoader.orgParams(jdbc.sql("""
                insert into registry_org (code, name, kind, region_code, grade, designated, city_managed, demo,
                                          source, updated_at)
                values (:code, :name, :kind, :region, :grade, :designated, :cityManaged, :demo, 'API', :at)"""),
                org, now()).update();
        writeProfile(org, draft);
        return org;
    }

    @Override
    @Transactional
    public Org updateOrg(Actor actor, String orgCode, OrgDraft draft) {
        requireAdmin(actor);
        Org existing = requireVisibleOrg(actor, orgCode);
        if (draft == null) {
            throw new Rejection("registry.body-missing", null, "缺少机构内容");
        }
        if (draft.code() != null && !draft.code().equals(orgCode)) {
            throw new Rejection("registry.code-immutable", "code", "机构编码不可修改");
        }
        if (draft.kind() != null && draft.kind() != existing.kind()) {
            throw new Rejection("registry.kind-immutable", "kind", "机构类型不可修改");
        }
        OrgDraft full = new OrgDraft(orgCode, draft.name(), existing.kind(), draft.regionCode(), draft.grade(),
                draft.designated(), draft.cityManaged(), draft.category(), draft.medicalCommunity(),
                draft.medicalCommunityName());
        Org org = validated(orgCode, full);
        org = new Org(org.code(), org.name(), org.kind(), org.regionCode(), org.grade(), org.designated(),
                org.cityManaged(), existing.demo());
        requireRegionInScope(actor, org.regionCode());
        DataLoader.orgParams(jdbc.sql("""
                update registry_org set name = :name, region_code = :region, grade = :grade,
                       designated = :designated, city_managed = :cityManaged, demo = :demo, source = 'API',
                       updated_at = :at
                where code = :code"""), org, now()).update();
        writeProfile(org, full);
        return org;
    }

    private Org validated(String code, OrgDraft draft) {
        if (code == null || !ORG_CODE.matcher(code).matches()) {
            throw new Rejection("registry.code-invalid", "code",
                    "机构编码须为 3 至 40 位大写字母、数字或连字符，例如 411500-AGENCY 或 H41150200001");
        }
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty() || name.length() > NAME_LENGTH_MAX) {
            throw new Rejection("registry.name-invalid", "name", "机构名称须为 1 至 " + NAME_LENGTH_MAX + " 个字符");
        }
        Region region = registry.requireRegion(draft.regionCode(), "regionCode");
        boolean hospital = draft.kind() == OrgKind.HOSPITAL || draft.kind() == OrgKind.PHARMACY;
        if (hospital) {
            String prefix = draft.kind() == OrgKind.HOSPITAL ? "H" : "P";
            if (!code.matches(prefix + "\\d{11}") || !code.substring(1, 7).equals(region.code())) {
                throw new Rejection("registry.code-invalid", "code", "定点医药机构编码须为 " + prefix
                        + " + 所在统筹区 6 位编码 + 5 位顺序号，例如 " + prefix + region.code() + "00001");
            }
        } else {
            rejectIfSet(draft.designated(), "designated");
            rejectIfSet(draft.cityManaged(), "cityManaged");
            rejectIfSet(draft.medicalCommunity(), "medicalCommunity");
        }
        if (draft.grade() != null && (draft.kind() != OrgKind.HOSPITAL || draft.grade() < 1 || draft.grade() > 3)) {
            throw new Rejection("registry.grade-invalid", "grade", "医院等级只能是 1、2、3（一/二/三级），且仅适用于医院");
        }
        boolean community = Boolean.TRUE.equals(draft.medicalCommunity());
        if (community != (draft.medicalCommunityName() != null && !draft.medicalCommunityName().isBlank())) {
            throw new Rejection("registry.community-invalid", "medicalCommunityName", "属于医共体时必须填写医共体名称，反之不填");
        }
        return new Org(code, name, draft.kind(), region.code(), draft.grade(),
                hospital && !Boolean.FALSE.equals(draft.designated()), Boolean.TRUE.equals(draft.cityManaged()), false);
    }

    private static void rejectIfSet(Boolean flag, String field) {
        if (Boolean.TRUE.equals(flag)) {
            throw new Rejection("registry.hospital-only", field, field + " 仅适用于定点医药机构");
        }
    }

    private void writeProfile(Org org, OrgDraft draft) {
        if (!org.isHospital()) {
            return;
        }
        jdbc.sql("delete from registry_hospital_profile where org_code = :code").param("code", org.code()).update();
        boolean community = Boolean.TRUE.equals(draft.medicalCommunity());
        DataLoader.profileParams(jdbc.sql("""
                insert into registry_hospital_profile (org_code, category, medical_community, medical_community_name)
                values (:code, :category, :community, :communityName)"""),
                new HospitalProfile(org.code(), blankToNull(draft.category()), community,
                        community ? draft.medicalCommunityName().strip() : null)).update();
    }

    @Override
    @Transactional
    public Account addAccount(Actor actor, String orgCode, AccountDraft draft) {
        requireAdmin(actor);
        Org org = requireVisibleOrg(actor, orgCode);
        AccountKind kind = draft == null ? null : AccountKind.of(draft.kind()).orElseThrow(() -> new Rejection(
                "registry.account-kind-invalid", "kind", "账户类型须为 " + ACCOUNT_KIND_NAMES));
        if (kind == null) {
            throw new Rejection("registry.account-kind-invalid", "kind", "账户类型须为 " + ACCOUNT_KIND_NAMES);
        }
        if (org.isHospital() != (kind == AccountKind.BANK)) {
            throw new Rejection("registry.account-kind-invalid", "kind", "定点医药机构只登记结算账户 BANK，其他机构不用 BANK");
        }
        if (kind == AccountKind.SPECIAL && org.kind() != OrgKind.FINANCE) {
            throw new Rejection("registry.account-kind-invalid", "kind", "财政专户只能由财政部门开设");
        }
        if (draft.insuranceType() != null && registry.insuranceType(draft.insuranceType()).isEmpty()) {
            throw new Rejection("registry.insurance-type-unknown", "insuranceType", "未知险种 " + draft.insuranceType());
        }
        if (draft.parentId() != null && registry.accounts(orgCode).stream()
                .noneMatch(a -> a.id().equals(draft.parentId()))) {
            throw new Rejection("registry.parent-account-unknown", "parentId", "上级账户须为本机构的账户");
        }
        requireText(draft.bankName(), "bankName", "开户银行");
        requireText(draft.accountName(), "accountName", "账户名称");
        if (draft.accountNo() == null || !ACCOUNT_NO.matcher(draft.accountNo()).matches()) {
            throw new Rejection("registry.account-no-invalid", "accountNo", "账号须为 4 至 40 位字母、数字或连字符");
        }
        Account account = new Account(nextAccountId(org, draft), org.code(), kind, draft.insuranceType(),
                draft.bankName().strip(), draft.accountNo(), draft.accountName().strip(), null);
        DataLoader.accountParams(jdbc.sql("""
                insert into registry_account (id, org_code, kind, insurance_type, parent_id, bank_name, account_no,
                                              account_name, source)
                values (:id, :org, :kind, :type, :parent, :bank, :no, :accountName, 'API')"""),
                account, draft.parentId()).update();
        return account;
    }

    private String nextAccountId(Org org, AccountDraft draft) {
        List<Account> existing = registry.accounts(org.code());
        if (existing.size() >= ACCOUNTS_PER_ORG_MAX) {
            throw new Rejection("registry.accounts-too-many", "orgCode", "每个机构最多登记 " + ACCOUNTS_PER_ORG_MAX + " 个账户");
        }
        String base = org.code() + "-" + draft.kind()
                + (draft.insuranceType() == null ? "" : "-" + draft.insuranceType());
        Set<String> taken = new java.util.HashSet<>();
        existing.forEach(account -> taken.add(account.id()));
        int n = 1;
        while (taken.contains(candidate(base, n))) {
            n++;
        }
        return candidate(base, n);
    }

    private static String candidate(String base, int n) {
        return n == 1 ? base : base + "-" + n;
    }

    private static void requireText(String value, String field, String label) {
        if (value == null || value.isBlank() || value.strip().length() > NAME_LENGTH_MAX) {
            throw new Rejection("registry." + field + "-invalid", field, label + "须为 1 至 " + NAME_LENGTH_MAX + " 个字符");
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    @Override
    public Optional<HospitalProfile> hospitalProfile(String orgCode) {
        return jdbc.sql("""
                select org_code, category, medical_community, medical_community_name
                from registry_hospital_profile where org_code = :code""")
                .param("code", orgCode)
                .query((rs, n) -> new HospitalProfile(rs.getString(1), rs.getString(2), rs.getBoolean(3),
                        rs.getString(4)))
                .optional();
    }

    @Override
    public List<Org> findOrgs(Actor actor, OrgQuery query) {
        int limit = Math.max(1, Math.min(query.limit(), ORGS_LIMIT_MAX));
        Optional<Org> own = registry.org(actor == null ? null : actor.orgCode());
        if (own.isEmpty()) {
            return List.of();
        }
        if (own.get().isHospital()) {
            return matches(own.get(), query) ? List.of(own.get()) : List.of();
        }
        String region = query.regionCode() == null ? own.get().regionCode() : query.regionCode();
        if (!registry.canSeeRegion(actor, region)) {
            throw Rejection.forbidden("registry.out-of-scope", "region", "无权查看统筹区 " + region);
        }
        List<String> regions = new java.util.ArrayList<>(List.of(region));
        if (query.regionCode() == null || query.includeSubRegions()) {
            registry.descendants(region).forEach(r -> regions.add(r.code()));
        }
        // Optional filters are appended as fixed SQL fragments; only their values are parameters.
        String sql = "select " + RegistryImpl.ORG_COLUMNS + " from registry_org o where o.region_code in (:regions)"
                + (query.kind() == null ? "" : " and o.kind = :kind")
                + (query.grade() == null ? "" : " and o.grade = :grade")
                + " order by o.region_code, o.code limit :limit";
        JdbcClient.StatementSpec spec = jdbc.sql(sql).param("regions", regions).param("limit", limit);
        if (query.kind() != null) {
            spec = spec.param("kind", query.kind().name());
        }
        if (query.grade() != null) {
            spec = spec.param("grade", query.grade());
        }
        return spec.query(RegistryImpl.ORG).list();
    }

    private static boolean matches(Org org, OrgQuery query) {
        return (query.kind() == null || query.kind() == org.kind())
                && (query.grade() == null || query.grade().equals(org.grade()))
                && (query.regionCode() == null || query.regionCode().equals(org.regionCode()));
    }

    @Override
    public List<Account> accounts(Actor actor, String orgCode) {
        requireVisibleOrg(actor, orgCode);
        return registry.accounts(orgCode);
    }

    @Override
    public List<Region> regions() {
        return registry.tree().all();
    }

    @Override
    public List<Region> children(String regionCode) {
        return registry.tree().children(regionCode);
    }

    @Override
    public RegistryCounts counts() {
        return new RegistryCounts(
                jdbc.sql("select version from registry_data_version where data_set = :name")
                        .param("name", DataSet.NAME).query(String.class).optional().orElse("-"),
                count("select count(*) from registry_region"),
                count("select count(*) from registry_org"),
                count("select count(*) from registry_org where kind in ('HOSPITAL', 'PHARMACY')"),
                count("select count(*) from registry_account"));
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Long.class).single().intValue();
    }

    private static void requireAdmin(Actor actor) {
        if (actor == null || !actor.has(Role.ADMIN)) {
            throw Rejection.forbidden("registry.admin-only", null, "只有管理员可以修改机构和账户信息");
        }
    }

    private void requireRegionInScope(Actor actor, String regionCode) {
        if (!registry.canSeeRegion(actor, regionCode)) {
            throw Rejection.forbidden("registry.out-of-scope", "regionCode", "统筹区 " + regionCode + " 不在本机构管辖范围内");
        }
    }

    /** Unknown → 404; known but outside the actor's scope → 403 (org codes are public, so 403 leaks nothing). */
    private Org requireVisibleOrg(Actor actor, String orgCode) {
        Org org = registry.requireOrg(orgCode, "orgCode");
        if (!registry.canSeeOrg(actor, orgCode)) {
            throw Rejection.forbidden("registry.out-of-scope", "orgCode", "无权查看机构 " + orgCode);
        }
        return org;
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }
}

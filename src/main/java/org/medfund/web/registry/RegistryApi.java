package org.medfund.web.registry;

import org.medfund.web.Idempotency;
import org.medfund.web.MedfundUser;
import jakarta.validation.Valid;
import java.util.List;
import org.medfund.common.Rejection;
import org.medfund.registry.Account;
import org.medfund.registry.AccountDraft;
import org.medfund.registry.HospitalProfile;
import org.medfund.registry.Org;
import org.medfund.registry.OrgDraft;
import org.medfund.registry.OrgKind;
import org.medfund.registry.OrgQuery;
import org.medfund.registry.Region;
import org.medfund.registry.Registry;
import org.medfund.registry.RegistryAdmin;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Registry API. Regions are public administrative facts, readable by every authenticated user; organisations and
 * their accounts are scoped ({@link Registry#canSeeOrg}: a hospital sees only itself); writes need the ADMIN role
 * and the target inside the caller's scope, and take an {@code Idempotency-Key}.
 */
@RestController
class RegistryApi {

    static final int ORGS_LIMIT_DEFAULT = 1_000;

    private final Registry registry;
    private final RegistryAdmin admin;
    private final Idempotency idempotency;
    private final JsonMapper mapper;

    RegistryApi(Registry registry, RegistryAdmin admin, Idempotency idempotency, JsonMapper mapper) {
        this.mapper = mapper;
        this.registry = registry;
        this.admin = admin;
        this.idempotency = idempotency;
    }

    record RegionDetail(Region region, List<Region> lineage, List<Region> children, List<Org> orgs) {
    }

    record OrgDetail(Org org, HospitalProfile profile) {
    }

    @GetMapping("/api/registry/regions")
    List<Region> regions(@RequestParam(required = false) String parent) {
        if (parent == null) {
            return admin.regions();
        }
        return admin.children(registry.requireRegion(parent, "parent").code());
    }

    /** The region with its lineage and sub-regions; its organisations only when the caller may see them. */
    @GetMapping("/api/registry/regions/{code}")
    RegionDetail region(@AuthenticationPrincipal MedfundUser user, @PathVariable String code) {
        Region region = registry.requireRegion(code, "code");
        List<Org> orgs = registry.canSeeRegion(user.actor(), code)
                ? admin.findOrgs(user.actor(), new OrgQuery(code, false, null, null, ORGS_LIMIT_DEFAULT))
                : List.of();
        return new RegionDetail(region, registry.lineage(code), admin.children(code), orgs);
    }

    @GetMapping("/api/registry/orgs")
    List<Org> orgs(@AuthenticationPrincipal MedfundUser user,
                   @RequestParam(required = false) String region,
                   @RequestParam(required = false) OrgKind kind,
                   @RequestParam(required = false) Integer grade,
                   @RequestParam(defaultValue = "true") boolean subRegions,
                   @RequestParam(defaultValue = "" + ORGS_LIMIT_DEFAULT) int limit) {
        if (region != null) {
            registry.requireRegion(region, "region");
        }
        if (limit < 1 || limit > RegistryAdmin.ORGS_LIMIT_MAX) {
            throw new Rejection("registry.limit-invalid", "limit", "limit 须在 1 至 " + RegistryAdmin.ORGS_LIMIT_MAX
                    + " 之间");
        }
        return admin.findOrgs(user.actor(), new OrgQuery(region, subRegions, kind, grade, limit));
    }

    @GetMapping("/api/registry/orgs/{code}")
    OrgDetail org(@AuthenticationPrincipal MedfundUser user, @PathVariable String code) {
        return new OrgDetail(visibleOrg(user, code), admin.hospitalProfile(code).orElse(null));
    }

    @PostMapping("/api/registry/orgs")
    ResponseEntity<JsonNode> createOrg(@AuthenticationPrincipal MedfundUser user,
                                       @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                       @Valid @RequestBody OrgDraft body) {
        return idempotency.run(user, "registry.org-create", key, body, HttpStatus.CREATED, () -> {
            Org org = admin.createOrg(user.actor(), body);
            return new OrgDetail(org, admin.hospitalProfile(org.code()).orElse(null));
        });
    }

    /**
     * Replaces an organisation: the body must name every field of the organisation's kind ({@link
     * OrgDraft#fieldsOfKind}), null where it is to be empty; a missing field is refused rather than cleared.
     */
    @PutMapping("/api/registry/orgs/{code}")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
            schema = @Schema(implementation = OrgDraft.class)))
    ResponseEntity<JsonNode> updateOrg(@AuthenticationPrincipal MedfundUser user, @PathVariable String code,
                                       @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                       @RequestBody JsonNode json) {
        OrgDraft body = complete(code, json);
        return idempotency.run(user, "registry.org-update", key, List.of(code, body), () -> {
            Org org = admin.updateOrg(user.actor(), code, body);
            return new OrgDetail(org, admin.hospitalProfile(org.code()).orElse(null));
        });
    }

    @GetMapping("/api/registry/orgs/{code}/accounts")
    List<Account> accounts(@AuthenticationPrincipal MedfundUser user, @PathVariable String code) {
        return admin.accounts(user.actor(), code);
    }

    @PostMapping("/api/registry/orgs/{code}/accounts")
    ResponseEntity<JsonNode> addAccount(@AuthenticationPrincipal MedfundUser user, @PathVariable String code,
                                        @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                        @Valid @RequestBody AccountDraft body) {
        return idempotency.run(user, "registry.account-add", key, List.of(code, body), HttpStatus.CREATED,
                () -> admin.addAccount(user.actor(), code, body));
    }

    /** The body as a draft, once every field of the organisation's kind is present in it. */
    private OrgDraft complete(String code, JsonNode json) {
        if (json == null || !json.isObject()) {
            throw new Rejection("registry.body-missing", null, "请求体须为机构信息的 JSON 对象", 400);
        }
        OrgKind kind = registry.org(code).map(Org::kind).orElse(null);
        if (kind != null) {
            for (String field : OrgDraft.fieldsOfKind(kind)) {
                if (!json.has(field)) {
                    throw new Rejection("registry.field-missing", field, "PUT 须提交完整的机构信息：缺少 " + field
                            + "（要清空请显式填写 null）");
                }
            }
        }
        return mapper.treeToValue(json, OrgDraft.class);
    }

    private Org visibleOrg(MedfundUser user, String code) {
        Org org = registry.requireOrg(code, "code");
        if (!registry.canSeeOrg(user.actor(), code)) {
            throw Rejection.forbidden("registry.out-of-scope", "code", "无权查看机构 " + code);
        }
        return org;
    }
}

package org.medfund.web.registry;

import org.medfund.notices.XlsxExport;
import org.medfund.web.MedfundUser;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.medfund.common.Rejection;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.OrgQuery;
import org.medfund.registry.Region;
import org.medfund.registry.Registry;
import org.medfund.registry.RegistryAdmin;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff pages {@code /registry/regions} and {@code /registry/orgs}: lists with filters, and the same list as an
 * .xlsx file with {@code ?format=xlsx}. Organisations are limited to the user's scope like the API.
 */
@Controller
class RegistryPages {

    static final Map<OrgKind, String> KIND_LABELS = Map.of(
            OrgKind.AGENCY, "经办机构", OrgKind.BUREAU, "医疗保障局", OrgKind.FINANCE, "财政部门",
            OrgKind.SETTLEMENT_CENTRE, "省医保（结算）中心", OrgKind.HOSPITAL, "定点医疗机构",
            OrgKind.PHARMACY, "定点零售药店", OrgKind.TAX, "税务", OrgKind.TREASURY, "国库",
            OrgKind.GOVERNMENT, "人民政府/管委会");
    static final Map<String, String> LEVEL_LABELS = Map.of("PROVINCE", "省级", "CITY", "市级", "COUNTY", "县级");
    static final List<String> GRADE_LABELS = List.of("", "一级", "二级", "三级");

    private final Registry registry;
    private final RegistryAdmin admin;

    RegistryPages(Registry registry, RegistryAdmin admin) {
        this.registry = registry;
        this.admin = admin;
    }

    /** One row of the regions page; {@code visible}: the user may list its organisations. */
    record RegionRow(String code, String name, String level, String parentName, int children, int depth,
                     boolean visible) {
    }

    /** One row of the organisations page. */
    record OrgRow(String code, String name, String kind, String regionCode, String regionName, String grade,
                  String designated, String cityManaged, String demo) {
    }

    @GetMapping("/registry/regions")
    Object regions(@AuthenticationPrincipal MedfundUser user, @RequestParam(required = false) String parent,
                   @RequestParam(required = false) String format, Model model) {
        List<Region> shown = new ArrayList<>();
        if (parent == null || parent.isBlank()) {
            shown.addAll(admin.regions());
        } else {
            Region root = registry.requireRegion(parent, "parent");
            shown.add(root);
            shown.addAll(registry.descendants(root.code()));
        }
        Map<String, Region> byCode = admin.regions().stream().collect(Collectors.toMap(Region::code,
                Function.identity()));
        List<RegionRow> rows = shown.stream().map(r -> new RegionRow(r.code(), r.name(),
                LEVEL_LABELS.get(r.level().name()),
                r.parentCode() == null ? "" : byCode.get(r.parentCode()).name(),
                admin.children(r.code()).size(), r.level().ordinal(), registry.canSeeRegion(user.actor(), r.code())))
                .toList();
        if ("xlsx".equals(format)) {
            return XlsxExport.response("统筹区.xlsx", "统筹区", List.of("编码", "名称", "级别", "上级", "下级数"),
                    rows.stream().map(r -> List.<Object>of(r.code(), r.name(), r.level(), r.parentName(),
                            r.children())).toList());
        }
        model.addAttribute("rows", rows);
        model.addAttribute("parent", parent);
        model.addAttribute("provinces", admin.regions().stream().filter(r -> r.parentCode() == null).toList());
        model.addAttribute("cities", admin.regions().stream()
                .filter(r -> r.level() == org.medfund.registry.RegionLevel.CITY).toList());
        return "registry-regions";
    }

    @GetMapping("/registry/orgs")
    Object orgs(@AuthenticationPrincipal MedfundUser user,
                @RequestParam(required = false) String region,
                @RequestParam(required = false) String kind,
                @RequestParam(required = false) String grade,
                @RequestParam(required = false) String format,
                Model model) {
        String regionCode = blankToNull(region);
        if (regionCode != null) {
            registry.requireRegion(regionCode, "region");
        }
        OrgKind orgKind = parseKind(blankToNull(kind));
        Integer gradeValue = parseGrade(blankToNull(grade));
        List<Org> orgs = admin.findOrgs(user.actor(), new OrgQuery(regionCode, true, orgKind, gradeValue,
                RegistryAdmin.ORGS_LIMIT_MAX));
        List<OrgRow> rows = orgs.stream().map(this::row).toList();
        if ("xlsx".equals(format)) {
            return XlsxExport.response("机构.xlsx", "机构",
                    List.of("机构编码", "名称", "类型", "统筹区编码", "统筹区", "等级", "定点", "市级结算", "演示"),
                    rows.stream().map(r -> List.<Object>of(r.code(), r.name(), r.kind(), r.regionCode(),
                            r.regionName(), r.grade(), r.designated(), r.cityManaged(), r.demo())).toList());
        }
        model.addAttribute("rows", rows);
        model.addAttribute("region", regionCode);
        model.addAttribute("kind", orgKind == null ? null : orgKind.name());
        model.addAttribute("grade", gradeValue);
        model.addAttribute("kinds", Arrays.stream(OrgKind.values())
                .map(k -> Map.entry(k.name(), KIND_LABELS.get(k))).toList());
        model.addAttribute("regionOptions", visibleRegions(user));
        return "registry-orgs";
    }

    private List<Region> visibleRegions(MedfundUser user) {
        return admin.regions().stream().filter(r -> registry.canSeeRegion(user.actor(), r.code())).toList();
    }

    private OrgRow row(Org org) {
        return new OrgRow(org.code(), org.name(), KIND_LABELS.get(org.kind()), org.regionCode(),
                registry.region(org.regionCode()).map(Region::name).orElse(""),
                org.grade() == null ? "" : GRADE_LABELS.get(org.grade()),
                org.isHospital() ? (org.designated() ? "是" : "否") : "",
                org.cityManaged() ? "是" : "", org.demo() ? "演示" : "");
    }

    private static OrgKind parseKind(String kind) {
        if (kind == null) {
            return null;
        }
        try {
            return OrgKind.valueOf(kind);
        } catch (IllegalArgumentException e) {
            throw new Rejection("registry.kind-invalid", "kind", "未知机构类型 " + kind);
        }
    }

    private static Integer parseGrade(String grade) {
        if (grade == null) {
            return null;
        }
        if (!grade.matches("[123]")) {
            throw new Rejection("registry.grade-invalid", "grade", "医院等级只能是 1、2、3");
        }
        return Integer.valueOf(grade);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}

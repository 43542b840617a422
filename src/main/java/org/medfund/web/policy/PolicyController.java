package org.medfund.web.policy;

import java.util.Comparator;
import java.util.List;
import org.medfund.common.Rejection;
import org.medfund.policy.Citations;
import org.medfund.policy.Parameter;
import org.medfund.policy.PolicyPack;
import org.medfund.policy.PolicyPacks;
import org.medfund.registry.Region;
import org.medfund.registry.Registry;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff pages {@code /policy} (the packs), {@code /policy/{id}} (one pack version's parameters and articles) and
 * {@code /policy/{id}/articles/{article}} (one article: summary and the parameters implementing it).
 */
@Controller
class PolicyController {

    /** A pack as the pages show it; {@code effective} already says whether the date is configuration. */
    record PackView(String id, int version, String label, String title, String documentNo, String issuers,
                    String regionCode, String regionName, String issuedOn, String effective,
                    boolean effectiveConfigured, String governs, int ruleCount, List<Integer> versions,
                    List<Parameter> parameters) {

        static PackView of(PolicyPack pack, List<Integer> versions, String regionName) {
            String effective = pack.effectiveFrom() + (pack.effectiveUntil() == null ? " 起"
                    : " 至 " + pack.effectiveUntil());
            List<Parameter> parameters = pack.parameters().values().stream()
                    .sorted(Comparator.comparing(Parameter::name)).toList();
            String governs = pack.governs().stream().map(g -> GROUPS.getOrDefault(g, g))
                    .collect(java.util.stream.Collectors.joining("、"));
            return new PackView(pack.id(), pack.version(), pack.label(), pack.title(), pack.documentNo(),
                    pack.issuers(), pack.regionCode(), regionName,
                    pack.issuedOn() == null ? "原文未载明" : pack.issuedOn().toString(), effective,
                    pack.effectiveConfigured(), governs, parameters.size(), versions, parameters);
        }
    }

    /** Rule groups (the part of a rule name before the first dot) as staff name the work they govern. */
    static final java.util.Map<String, String> GROUPS = java.util.Map.of("prepayment", "预付金",
            "crossregion", "异地就医", "reconciliation", "对账", "settlement", "结算", "pooling", "统收统支");

    private final PolicyPacks packs;
    private final Citations citations;
    private final Registry registry;

    PolicyController(PolicyPacks packs, Citations citations, Registry registry) {
        this.packs = packs;
        this.citations = citations;
        this.registry = registry;
    }

    private PackView view(PolicyPack pack) {
        String region = registry.region(pack.regionCode()).map(Region::name).orElse(pack.regionCode());
        return PackView.of(pack, versionNumbers(pack.id()), region);
    }

    @GetMapping("/policy")
    String list(Model model) {
        model.addAttribute("packs", packs.packs().stream().map(this::view).toList());
        return "policy-list";
    }

    @GetMapping("/policy/{id}")
    String show(@PathVariable("id") String id, @RequestParam(name = "version", required = false) Integer version,
                Model model) {
        PolicyPack pack = packs.versions(id).stream()
                .filter(p -> version == null || p.version() == version)
                .max(Comparator.comparingInt(PolicyPack::version))
                .orElseThrow(() -> Rejection.notFound("policy.unknown-pack", "id", "未知的政策包或版本：" + id));
        model.addAttribute("pack", view(pack));
        return "policy-pack";
    }

    /** The policy page of one article: what it requires in our words and the parameters implementing it. */
    @GetMapping("/policy/{id}/articles/{article}")
    String article(@PathVariable("id") String id, @PathVariable("article") String article, Model model) {
        model.addAttribute("page", citations.article(id, article));
        return "policy-article";
    }

    private List<Integer> versionNumbers(String id) {
        return packs.versions(id).stream().map(PolicyPack::version).toList();
    }
}

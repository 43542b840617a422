package org.medfund.web.policy;

import java.util.Comparator;
import java.util.List;
import org.medfund.common.Rejection;
import org.medfund.policy.Parameter;
import org.medfund.policy.PolicyPack;
import org.medfund.policy.PolicyPacks;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Staff pages {@code /policy} (the packs) and {@code /policy/{id}} (one pack version's parameters and articles). */
@Controller
class PolicyController {

    /** A pack as the pages show it; {@code effective} already says whether the date is configuration. */
    record PackView(String id, int version, String label, String title, String documentNo, String issuers,
                    String seed, String regionCode, String issuedOn, String effective, boolean effectiveConfigured,
                    String governs, int ruleCount, List<Integer> versions, List<Parameter> parameters) {

        static PackView of(PolicyPack pack, List<Integer> versions) {
            String effective = pack.effectiveFrom() + (pack.effectiveUntil() == null ? " 起"
                    : " 至 " + pack.effectiveUntil());
            List<Parameter> parameters = pack.parameters().values().stream()
                    .sorted(Comparator.comparing(Parameter::name)).toList();
            return new PackView(pack.id(), pack.version(), pack.label(), pack.title(), pack.documentNo(),
                    pack.issuers(), pack.seed(), pack.regionCode(),
                    pack.issuedOn() == null ? "原文未载明" : pack.issuedOn().toString(), effective,
                    pack.effectiveConfigured(), String.join(", ", pack.governs()), parameters.size(), versions,
                    parameters);
        }
    }

    private final PolicyPacks packs;

    PolicyController(PolicyPacks packs) {
        this.packs = packs;
    }

    @GetMapping("/policy")
    String list(Model model) {
        model.addAttribute("packs", packs.packs().stream().map(p -> PackView.of(p, versionNumbers(p.id()))).toList());
        return "policy-list";
    }

    @GetMapping("/policy/{id}")
    String show(@PathVariable("id") String id, @RequestParam(name = "version", required = false) Integer version,
                Model model) {
        PolicyPack pack = packs.versions(id).stream()
                .filter(p -> version == null || p.version() == version)
                .max(Comparator.comparingInt(PolicyPack::version))
                .orElseThrow(() -> Rejection.notFound("policy.unknown-pack", "id", "未知的政策包或版本：" + id));
        model.addAttribute("pack", PackView.of(pack, versionNumbers(id)));
        return "policy-pack";
    }

    private List<Integer> versionNumbers(String id) {
        return packs.versions(id).stream().map(PolicyPack::version).toList();
    }
}

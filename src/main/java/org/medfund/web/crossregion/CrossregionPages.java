package org.medfund.web.crossregion;

import org.medfund.web.MedfundUser;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.medfund.crossregion.CrossRegion;
import org.medfund.crossregion.Designation;
import org.medfund.crossregion.Filing;
import org.medfund.crossregion.Suspension;
import org.medfund.registry.InsuranceType;
import org.medfund.registry.Region;
import org.medfund.registry.Registry;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 异地就医 page (guizhou-2017 三(一), 四(三), 五(一)): a hospital or a treatment-region agency looks a social-security
 * card up before the discharge desk settles it; the insured side sees its own filings. Below, the cross-province
 * designations and the suspensions the user may see. Names, not codes; states in Chinese.
 */
@Controller
class CrossregionPages {

    private final CrossRegion crossRegion;
    private final Registry registry;
    private final Clock clock;

    CrossregionPages(CrossRegion crossRegion, Registry registry, Clock clock) {
        this.crossRegion = crossRegion;
        this.registry = registry;
        this.clock = clock;
    }

    record FilingRow(String id, String personName, String type, String insured, String insuranceType, String target,
                     String validity, String validToday, String source) {
    }

    record DesignationRow(String hospital, String from, String to) {
    }

    record SuspensionRow(String region, String startedOn, String reason, String state) {
    }

    @GetMapping("/crossregion/filings")
    String filings(@AuthenticationPrincipal MedfundUser user, @RequestParam(required = false) String card,
                   Model model) {
        LocalDate today = LocalDate.now(clock);
        List<FilingRow> rows = card == null || card.isBlank() ? List.of()
                : crossRegion.filings(card.strip(), user.actor()).stream().map(f -> row(f, today)).toList();
        model.addAttribute("card", card);
        model.addAttribute("searched", card != null && !card.isBlank());
        model.addAttribute("rows", rows);
        model.addAttribute("designations", crossRegion.designations(null, user.actor()).stream()
                .map(CrossregionPages::designation).toList());
        model.addAttribute("suspensions", crossRegion.suspensions(user.actor()).stream()
                .map(s -> suspension(s, today)).toList());
        return "crossregion-filings";
    }

    private FilingRow row(Filing f, LocalDate today) {
        return new FilingRow(f.id(), f.personName(), f.type().label(), regionName(f.insuredRegionCode()),
                registry.insuranceType(f.insuranceType()).map(InsuranceType::name).orElse(f.insuranceType()),
                regionName(f.targetRegionCode()),
                f.validFrom() + " 至 " + (f.validTo() == null ? "长期" : f.validTo().toString()),
                f.validOn(today) ? "有效" : "不在有效期内", f.source().label());
    }

    private static DesignationRow designation(Designation d) {
        return new DesignationRow(d.hospitalName(), d.effectiveFrom().toString(),
                d.effectiveTo() == null ? "长期" : d.effectiveTo().toString());
    }

    private static SuspensionRow suspension(Suspension s, LocalDate today) {
        return new SuspensionRow(s.regionName(), s.startedOn().toString(), s.reason(),
                s.activeOn(today) ? "暂停中" : s.liftedOn() == null ? "待生效" : s.liftedOn() + " 起已恢复");
    }

    private String regionName(String code) {
        return registry.region(code).map(Region::name).orElse(code);
    }
}

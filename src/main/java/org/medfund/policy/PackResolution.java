package org.medfund.policy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.medfund.common.Rejection;

/**
 * Resolution of rules over a fixed set of pack versions and a region hierarchy. Versions of one pack supersede each
 * other: version N is in force from its effectiveFrom until the day before version N+1's (or its own effectiveUntil).
 * A rule for region R on date D is looked up from R up through its ancestors; at each level the packs in force there
 * are tried newest document first; the first that defines the rule answers, and a pack that governs the rule's group
 * without defining it stops the search (the rule does not exist there).
 */
final class PackResolution implements PolicyPacks {

    private final Map<String, List<PolicyPack>> versionsById;
    private final Function<String, List<String>> lineage;

    PackResolution(List<PolicyPack> packs, Function<String, List<String>> lineage) {
        Map<String, List<PolicyPack>> byId = new LinkedHashMap<>();
        for (PolicyPack pack : packs) {
            byId.computeIfAbsent(pack.id(), id -> new ArrayList<>()).add(pack);
        }
        byId.replaceAll((id, versions) -> checkedVersions(id, versions));
        this.versionsById = Map.copyOf(byId);
        this.lineage = lineage;
    }

    /** Versions must run 1..N, share a region, and take effect strictly one after the other. */
    private static List<PolicyPack> checkedVersions(String id, List<PolicyPack> versions) {
        List<PolicyPack> sorted = versions.stream().sorted(Comparator.comparingInt(PolicyPack::version)).toList();
        for (int i = 0; i < sorted.size(); i++) {
            PolicyPack pack = sorted.get(i);
            if (pack.version() != i + 1 || !pack.regionCode().equals(sorted.get(0).regionCode())) {
                throw new IllegalStateException("policy pack " + id + ": versions must be 1.." + sorted.size()
                        + " for one region, found " + pack.label() + " for " + pack.regionCode());
            }
            if (i > 0 && !pack.effectiveFrom().isAfter(sorted.get(i - 1).effectiveFrom())) {
                throw new IllegalStateException("policy pack " + pack.label() + " must take effect after "
                        + sorted.get(i - 1).label());
            }
        }
        return sorted;
    }

    @Override
    public List<PolicyPack> packs() {
        return versionsById.values().stream().map(versions -> versions.get(versions.size() - 1))
                .sorted(Comparator.comparing(PolicyPack::seed)).toList();
    }

    @Override
    public Optional<PolicyPack> pack(String packId) {
        List<PolicyPack> versions = versionsById.get(packId);
        return versions == null ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    @Override
    public List<PolicyPack> versions(String packId) {
        return versionsById.getOrDefault(packId, List.of());
    }

    @Override
    public Optional<PolicyPack> packInForce(String packId, LocalDate date) {
        List<PolicyPack> versions = versions(packId);
        for (int i = versions.size() - 1; i >= 0; i--) {
            PolicyPack pack = versions.get(i);
            if (!date.isBefore(pack.effectiveFrom())) {
                // The newest version that has started is the candidate; older ones are superseded on this date.
                return pack.inForceOn(date) ? Optional.of(pack) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    @Override
    public Resolved resolve(String regionCode, LocalDate date, String rule) {
        return find(regionCode, date, rule).orElseThrow(() -> new Rejection("policy.no-rule", "rule",
                "地区 " + regionCode + " 在 " + date + " 没有生效的政策包规定 " + rule));
    }

    @Override
    public Optional<Resolved> find(String regionCode, LocalDate date, String rule) {
        if (rule == null || rule.isBlank()) {
            throw new Rejection("policy.bad-rule", "rule", "须指定规则名，例如 prepayment.factor");
        }
        List<String> codes = regionCode == null ? List.of() : lineage.apply(regionCode);
        if (codes.isEmpty()) {
            throw new Rejection("policy.unknown-region", "region", "未知的统筹区代码：" + regionCode);
        }
        for (String code : codes) {
            List<PolicyPack> atLevel = inForceAt(code, date);
            for (PolicyPack pack : atLevel) {
                Parameter parameter = pack.parameters().get(rule);
                if (parameter != null) {
                    return Optional.of(new Resolved(parameter, pack.id(), pack.version()));
                }
                if (pack.governs(rule)) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    /** Packs governing exactly this region and in force on the date, the most recently effective first. */
    private List<PolicyPack> inForceAt(String regionCode, LocalDate date) {
        List<PolicyPack> inForce = new ArrayList<>();
        for (String id : versionsById.keySet()) {
            if (versionsById.get(id).get(0).regionCode().equals(regionCode)) {
                packInForce(id, date).ifPresent(inForce::add);
            }
        }
        inForce.sort(Comparator.comparing(PolicyPack::effectiveFrom).reversed().thenComparing(PolicyPack::id));
        return inForce;
    }
}

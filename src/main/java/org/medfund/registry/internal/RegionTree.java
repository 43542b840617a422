package org.medfund.registry.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.medfund.registry.Region;
import org.medfund.registry.RegionLevel;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An immutable snapshot of the region hierarchy. Regions change only with a new data version, so the registry
 * keeps one snapshot in memory and answers lineage and scope questions without a query per row.
 */
final class RegionTree {

    /** Province → city → county: a deeper chain means a cycle in the data, which is a bug. */
    private static final int DEPTH_MAX = 4;

    private final Map<String, Region> byCode;
    private final Map<String, List<Region>> children;
    private final List<Region> all;
    private final Set<String> provinceLevel;

    private RegionTree(List<Region> regions, Set<String> provinceLevel) {
        this.provinceLevel = Set.copyOf(provinceLevel);
        this.all = regions.stream().sorted(Comparator.comparing(Region::code)).toList();
        this.byCode = new HashMap<>();
        Map<String, List<Region>> kids = new HashMap<>();
        for (Region region : all) {
            byCode.put(region.code(), region);
            if (region.parentCode() != null) {
                kids.computeIfAbsent(region.parentCode(), k -> new ArrayList<>()).add(region);
            }
        }
        this.children = new HashMap<>();
        kids.forEach((parent, list) -> children.put(parent, List.copyOf(list)));
    }

    static RegionTree load(JdbcClient jdbc) {
        return new RegionTree(jdbc.sql("select code, name, level, parent_code from registry_region")
                .query((rs, n) -> new Region(rs.getString(1), rs.getString(2), RegionLevel.valueOf(rs.getString(3)),
                        rs.getString(4)))
                .list(), new HashSet<>(jdbc.sql("select code from registry_region where province_level")
                .query(String.class).list()));
    }

    /** Whether the region is a province's own pooling region (省本级). */
    boolean isProvinceLevel(String code) {
        return code != null && provinceLevel.contains(code);
    }

    Optional<Region> get(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    List<Region> all() {
        return all;
    }

    List<Region> children(String code) {
        return children.getOrDefault(code, List.of());
    }

    List<Region> lineage(String code) {
        List<Region> chain = new ArrayList<>();
        Region region = byCode.get(code);
        while (region != null) {
            chain.add(region);
            if (chain.size() > DEPTH_MAX) {
                throw new IllegalStateException("region hierarchy cycle at " + code);
            }
            region = region.parentCode() == null ? null : byCode.get(region.parentCode());
        }
        return List.copyOf(chain);
    }

    /** Sub-regions in depth-first order, each level by code. */
    List<Region> descendants(String code) {
        List<Region> out = new ArrayList<>();
        collect(code, out, 0);
        return List.copyOf(out);
    }

    private void collect(String code, List<Region> out, int depth) {
        if (depth > DEPTH_MAX) {
            throw new IllegalStateException("region hierarchy cycle below " + code);
        }
        for (Region child : children(code)) {
            out.add(child);
            collect(child.code(), out, depth + 1);
        }
    }

    /** Whether {@code code} is {@code ancestor} itself or lies below it. */
    boolean isWithin(String code, String ancestor) {
        if (code == null || ancestor == null) {
            return false;
        }
        return lineage(code).stream().anyMatch(region -> region.code().equals(ancestor));
    }
}

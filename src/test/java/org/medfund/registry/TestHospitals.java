package org.medfund.registry;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * For tests of any capability: a designated hospital of its own, so tests sharing one database never write
 * settlements, prepayments or entries for the demo hospitals that other tests and demo steps rely on. Created
 * through {@link RegistryAdmin} as the province centre (every seed province has one), with a fixmedins-style code
 * in the 9xxxx range the demo data never uses.
 */
public final class TestHospitals {

    private static final AtomicInteger SEQUENCE =
            new AtomicInteger(ThreadLocalRandom.current().nextInt(90_000, 99_000));

    private TestHospitals() {
    }

    /** A new grade-{@code grade} hospital in a region, e.g. {@code create(registry, admin, "410421", 2)}. */
    public static Org create(Registry registry, RegistryAdmin admin, String regionCode, int grade) {
        List<Region> lineage = registry.lineage(regionCode);
        if (lineage.isEmpty()) {
            throw new IllegalArgumentException("unknown region " + regionCode);
        }
        int n = SEQUENCE.incrementAndGet();
        if (n > 99_999) {
            throw new IllegalStateException("test hospital codes exhausted");
        }
        String province = lineage.get(lineage.size() - 1).code();
        Actor admin0 = new Actor("test-admin", province + "-CENTRE", java.util.Set.of(Role.ADMIN));
        return admin.createOrg(admin0, new OrgDraft("H" + regionCode + n, "（测试）医院 " + n, OrgKind.HOSPITAL,
                regionCode, grade, true, false, "综合医院", false, null));
    }
}

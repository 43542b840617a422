package org.medfund.registry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.springframework.beans.factory.annotation.Autowired;

/** DESIGN.md §1: every actor sees only its organisation's scope; roles never widen it. */
@DatabaseTest
class RegistryScopeTest {

    @Autowired
    Registry registry;

    private static Actor actor(String orgCode, Role... roles) {
        return new Actor("u-" + orgCode, orgCode, Set.of(roles));
    }

    @Test
    @DisplayName("hospital: sees itself only, no region, not another hospital")
    void hospital() {
        Actor hospital = actor("H41150200001", Role.HOSPITAL);
        assertThat(registry.canSeeOrg(hospital, "H41150200001")).isTrue();
        assertThat(registry.canSeeOrg(hospital, "H41152100001")).isFalse();
        assertThat(registry.canSeeOrg(hospital, "411500-AGENCY")).isFalse();
        assertThat(registry.canSeeRegion(hospital, "411502")).isFalse();
        assertThat(registry.canSeeRegion(hospital, "411500")).isFalse();
    }

    @Test
    @DisplayName("county agency and finance: their county only")
    void county() {
        for (String org : new String[] {"411521-AGENCY", "411521-FINANCE"}) {
            Actor county = actor(org, Role.CLERK, Role.FINANCE);
            assertThat(registry.canSeeRegion(county, "411521")).isTrue();
            assertThat(registry.canSeeRegion(county, "411522")).isFalse();
            assertThat(registry.canSeeRegion(county, "411500")).isFalse();
            assertThat(registry.canSeeOrg(county, "H41152100001")).isTrue();
            assertThat(registry.canSeeOrg(county, "H41152500001")).isFalse();
            assertThat(registry.canSeeOrg(county, "411500-AGENCY")).isFalse();
        }
    }

    @Test
    @DisplayName("city agency: its city and every county below, nothing of another city")
    void city() {
        Actor city = actor("411500-AGENCY", Role.CLERK);
        assertThat(registry.canSeeRegion(city, "411500")).isTrue();
        assertThat(registry.canSeeRegion(city, "411528")).isTrue();
        assertThat(registry.canSeeRegion(city, "410400")).isFalse();
        assertThat(registry.canSeeRegion(city, "410000")).isFalse();
        assertThat(registry.canSeeOrg(city, "H41152800002")).isTrue();
        assertThat(registry.canSeeOrg(city, "H41040200001")).isFalse();
    }

    @Test
    @DisplayName("province centre: all regions of its province, none of another province")
    void province() {
        Actor centre = actor("410000-CENTRE", Role.CLERK);
        assertThat(registry.canSeeRegion(centre, "410000")).isTrue();
        assertThat(registry.canSeeRegion(centre, "410482")).isTrue();
        assertThat(registry.canSeeRegion(centre, "411503")).isTrue();
        assertThat(registry.canSeeRegion(centre, "520000")).isFalse();
        assertThat(registry.canSeeOrg(centre, "H41040300001")).isTrue();
        assertThat(registry.canSeeOrg(centre, "H52010200001")).isFalse();
        assertThat(registry.canSeeOrg(actor("460000-CENTRE"), "H46910000001")).isTrue();
    }

    @Test
    @DisplayName("auditor follows its organisation's scope; all roles do not widen it")
    void auditorAndRoles() {
        Actor auditor = actor("410400-AGENCY", Role.AUDITOR);
        assertThat(registry.canSeeRegion(auditor, "410421")).isTrue();
        assertThat(registry.canSeeRegion(auditor, "411500")).isFalse();
        Actor everything = Actor.system("411521-AGENCY");
        assertThat(registry.canSeeRegion(everything, "411500")).isFalse();
    }

    @Test
    @DisplayName("unknown organisation, unknown target, null actor: denied")
    void unknowns() {
        assertThat(registry.canSeeRegion(actor("NO-SUCH-ORG", Role.ADMIN), "411500")).isFalse();
        assertThat(registry.canSeeOrg(actor("NO-SUCH-ORG", Role.ADMIN), "411500-AGENCY")).isFalse();
        assertThat(registry.canSeeOrg(actor("411500-AGENCY"), "NO-SUCH-ORG")).isFalse();
        assertThat(registry.canSeeRegion(actor("411500-AGENCY"), "999999")).isFalse();
        assertThat(registry.canSeeRegion(null, "411500")).isFalse();
    }
}

package org.medfund.registry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.common.Rejection;
import org.springframework.beans.factory.annotation.Autowired;

/** RegistryAdmin at the capability level: test hospitals, scope of edits, and a rejected write changing nothing. */
@DatabaseTest
class RegistryAdminTest {

    @Autowired
    Registry registry;
    @Autowired
    RegistryAdmin admin;

    @Test
    @DisplayName("TestHospitals creates a designated hospital of its own, visible to its county, not to others")
    void testHospital() {
        Org hospital = TestHospitals.create(registry, admin, "410421", 2);
        assertThat(hospital.code()).matches("H410421\\d{5}");
        assertThat(registry.hospitals("410421")).extracting(Org::code).contains(hospital.code());
        assertThat(registry.canSeeOrg(new Actor("c", "410421-AGENCY", Set.of(Role.CLERK)), hospital.code())).isTrue();
        assertThat(registry.canSeeOrg(new Actor("c", "410422-AGENCY", Set.of(Role.CLERK)), hospital.code()))
                .isFalse();
        assertThat(admin.hospitalProfile(hospital.code())).get().extracting(HospitalProfile::category)
                .isEqualTo("综合医院");
    }

    @Test
    @DisplayName("a county admin cannot move an org out of its county; the org stays as it was")
    void countyAdminScope() {
        Org hospital = TestHospitals.create(registry, admin, "411522", 1);
        Actor county = new Actor("a", "411522-AGENCY", Set.of(Role.ADMIN));
        assertThatThrownBy(() -> admin.updateOrg(county, hospital.code(), new OrgDraft(null, "新名", null, "411523",
                1, true, false, null, false, null)))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.status()).isEqualTo(422));
        assertThatThrownBy(() -> admin.createOrg(county, new OrgDraft("411523-TEST", "别县机构", OrgKind.TAX,
                "411523", null, null, null, null, null, null)))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.code()).isEqualTo("registry.out-of-scope"));
        assertThat(registry.requireOrg(hospital.code(), "code").name()).isEqualTo(hospital.name());
    }
}

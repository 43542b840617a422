package org.medfund.policy;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.medfund.registry.Region;
import org.medfund.registry.Registry;
import org.springframework.stereotype.Component;

/** The shipped policy packs, resolved through the registry's region hierarchy. */
@Component
final class RegistryPolicyPacks implements PolicyPacks {

    private final PackResolution resolution;

    RegistryPolicyPacks(Registry registry) {
        this.resolution = new PackResolution(PackFile.loadShipped(), code -> registry.region(code).isEmpty()
                ? List.of() : registry.lineage(code).stream().map(Region::code).toList());
    }

    @Override
    public List<PolicyPack> packs() {
        return resolution.packs();
    }

    @Override
    public Optional<PolicyPack> pack(String packId) {
        return resolution.pack(packId);
    }

    @Override
    public List<PolicyPack> versions(String packId) {
        return resolution.versions(packId);
    }

    @Override
    public Optional<PolicyPack> packInForce(String packId, LocalDate date) {
        return resolution.packInForce(packId, date);
    }

    @Override
    public Resolved resolve(String regionCode, LocalDate date, String rule) {
        return resolution.resolve(regionCode, date, rule);
    }

    @Override
    public Optional<Resolved> find(String regionCode, LocalDate date, String rule) {
        return resolution.find(regionCode, date, rule);
    }
}

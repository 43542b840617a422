package org.medfund.web.workplace;

import org.medfund.registry.InsuranceType;
import org.medfund.registry.Org;
import org.medfund.registry.Registry;
import org.springframework.stereotype.Component;

/**
 * Names instead of codes on the workplace pages: {@code ${@workplaceNames.org(code)}} is the organisation's name
 * (the code itself only when the registry does not know it), {@code insurance(code)} the 险种 name.
 */
@Component("workplaceNames")
public class WorkplaceNames {

    private final Registry registry;

    WorkplaceNames(Registry registry) {
        this.registry = registry;
    }

    public String org(String code) {
        return code == null ? "" : registry.org(code).map(Org::name).orElse(code);
    }

    public String insurance(String code) {
        return code == null ? "" : registry.insuranceType(code).map(InsuranceType::name).orElse(code);
    }
}

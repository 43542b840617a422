package org.medfund.registry;

import java.util.List;
import java.util.Optional;

/**
 * Editing and browsing the registry. Every method takes the acting user: writes need {@link Role#ADMIN} and the
 * target region inside the actor's scope ({@link Registry#canSeeRegion}); lists contain only what the actor may
 * see. Bad input, missing rights and unknown codes are {@link org.medfund.common.Rejection}s naming the field.
 * Idempotency is the caller's concern (API and CLI wrap writes in {@link org.medfund.common.RequestLog}).
 */
public interface RegistryAdmin {

    int ORGS_LIMIT_MAX = 5_000;

    Org createOrg(Actor actor, OrgDraft draft);

    /** Changes name, region, grade, designation and profile; the code and the kind never change. */
    Org updateOrg(Actor actor, String orgCode, OrgDraft draft);

    Account addAccount(Actor actor, String orgCode, AccountDraft draft);

    Optional<HospitalProfile> hospitalProfile(String orgCode);

    /** Organisations matching the query that the actor may see, ordered by region and code. */
    List<Org> findOrgs(Actor actor, OrgQuery query);

    /** Accounts of an organisation the actor may see; 404/403 rejections otherwise. */
    List<Account> accounts(Actor actor, String orgCode);

    /** Every region, ordered by code (administrative codes are public). */
    List<Region> regions();

    /** Direct sub-regions of a region, ordered by code. */
    List<Region> children(String regionCode);

    RegistryCounts counts();
}

package org.medfund.policy;

/** A rule resolved for a region and date: the parameter plus the pack version that supplied it. */
public record Resolved(Parameter parameter, String packId, int packVersion) {

    /** Citation for derivations: "henan-2023 v1, henan-2023 二(二)". */
    public String citation() {
        return packId + " v" + packVersion + ", " + parameter.article();
    }
}

package org.medfund.registry;

/** What the registry holds, for the demo and the status page. */
public record RegistryCounts(String dataVersion, int regions, int orgs, int hospitals, int accounts) {
}

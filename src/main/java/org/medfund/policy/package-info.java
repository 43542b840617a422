/**
 * Policy packs (DESIGN.md §7): one versioned, effective-dated data file per seed document and version under
 * {@code policy/} — henan-2023 (henan-2023), guizhou-2017 (guizhou-2017), xinyang-2025 (xinyang-2025), hainan-2020 (hainan-2020),
 * handan-2020 (handan-2020) — each parameter carrying the article it comes from. Owns resolution of a rule for a region
 * and date through the region hierarchy ({@link org.medfund.registry.Registry#lineage}); a parameter change is a new
 * pack version, and {@link org.medfund.policy.Resolved#citation()} names the version a computation used.
 * {@link org.medfund.policy.Citations} is the one place that turns such a pack-id citation into the clerk's form
 * (document number and article) and the link to the article's page, whose summary ({@code policy/<id>.articles}) is
 * written in our own words.
 */
package org.medfund.policy;

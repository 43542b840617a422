/**
 * Policy packs (DESIGN.md §7): one versioned, effective-dated data file per seed document and version under
 * {@code policy/} — henan-2023 (豫财社〔2023〕178号), guizhou-2017 (黔人社厅通〔2017〕204号), xinyang-2025
 * (信医保办〔2025〕7号), hainan-2020 and handan-2020 (邯政办规〔2020〕14号) — each parameter carrying the article it
 * comes from. Owns resolution of a rule for a region and date through the region hierarchy
 * ({@link org.medfund.registry.Registry#lineage}); a parameter change is a new pack version, and
 * {@link org.medfund.policy.Resolved#citation()} names the version a computation used.
 * {@link org.medfund.policy.Citations} is the one place that turns such a pack-id citation into the clerk's form
 * (document number and article) and the link to the article's page, whose summary ({@code policy/<id>.articles}) is
 * written in our own words.
 */
package org.medfund.policy;

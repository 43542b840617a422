/**
 * Registry: pooling regions (统筹区) with their real administrative codes and hierarchy, organisations (agencies,
 * bureaus, finance departments, settlement centres, designated hospitals and pharmacies with grade 一/二/三级, tax,
 * treasury, government), bank and fiscal accounts (收入户, 支出户, 财政专户 with sub-accounts per insurance type),
 * insurance types, and the scope rule every capability checks (DESIGN.md §1: a hospital sees itself, an agency its
 * region and the regions below). Reference data for the five seed regions ships as versioned CSV files under
 * {@code registry/} (henan-2023 Henan, guizhou-2017 附件1 at county level, xinyang-2025 Xinyang, hainan-2020 Hainan's
 * provincial special account with employee and resident sub-accounts, handan-2020 Handan's city special account with
 * its pending-transfer sub-account and its two functional zones). {@link org.medfund.registry.Registry} reads,
 * {@link org.medfund.registry.RegistryAdmin} edits; the implementation lives in {@code registry.internal}.
 */
package org.medfund.registry;

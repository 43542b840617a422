/**
 * Implementation of cross-region care: the benefit calculation as a pure function, the rollout lookup in the policy
 * packs, the filing exchange file, and all SQL. Nothing outside {@code org.medfund.crossregion} uses this package.
 */
package org.medfund.crossregion.internal;

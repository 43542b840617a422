/** {@code medfund policy …}: list and show the policy packs and resolve a rule for a region and date. */
package org.medfund.cli.policy;

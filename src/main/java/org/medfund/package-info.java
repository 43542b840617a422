/**
 * The medfund application: {@link org.medfund.MedfundApplication} starts the one Spring Boot service (or hands the
 * command line to {@code cli}). Each sub-package is a capability or an adapter; docs/architecture.md is the map.
 */
package org.medfund;

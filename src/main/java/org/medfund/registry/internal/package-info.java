/**
 * Implementation of the registry: tables {@code registry_*} (migration V2), the data set loader used by the Flyway
 * Java migration V3 and by the start-up refresh, the cached region tree and the scope rules.
 */
package org.medfund.registry.internal;

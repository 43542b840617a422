/** Web adapter of {@code registry}: regions, organisations and accounts API and pages. */
package org.medfund.web.registry;

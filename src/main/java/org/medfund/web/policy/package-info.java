/** Web adapter of {@code policy}: the policy pack pages (document number, articles, parameters). */
package org.medfund.web.policy;

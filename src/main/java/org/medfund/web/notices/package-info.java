/** Web adapter of {@code notices}: the pages that download each printable notice as PDF. */
package org.medfund.web.notices;

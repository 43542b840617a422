/** {@code medfund audit-log}: the audit trail for an operator, filtered like the API. */
package org.medfund.cli.audit;

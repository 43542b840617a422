/** Web adapter of the audit log ({@code common.AuditLog}): its API, xlsx export and page, scoped like the API. */
package org.medfund.web.audit;

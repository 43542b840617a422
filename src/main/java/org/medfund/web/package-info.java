/**
 * The web shell every web adapter shares: Spring Security (staff form login with sessions, API tokens for hospital
 * systems, auditors read-only) over the {@code users} capability, RFC 9457 problem+json for every API error,
 * idempotent state-changing calls ({@link org.medfund.web.Idempotency}, header {@code Idempotency-Key}), file
 * downloads ({@link org.medfund.web.Downloads}), the OpenAPI document, the page layout and the home page. The
 * controllers of each capability live in {@code web.<capability>} and use this shell, never each other
 * (ArchitectureTest). Every request acts for one organisation and sees only its scope (DESIGN.md §1, §8).
 */
package org.medfund.web;

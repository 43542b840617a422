/**
 * The web shell: Spring Security (staff form login with sessions, API tokens for hospital systems, auditors
 * read-only), the users store ({@link org.medfund.users.Users}), RFC 9457 problem+json for every API error,
 * idempotent state-changing calls ({@link org.medfund.web.Idempotency}, header {@code Idempotency-Key}), the OpenAPI
 * document, the page layout and the home page; plus the controllers of the capabilities' pages and API. Every
 * request acts for one organisation and sees only its scope (DESIGN.md §1, §8).
 */
package org.medfund.web;

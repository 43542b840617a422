/**
 * Staff and hospital-system accounts (DESIGN.md §3 users): usernames, BCrypt password hashes, the organisation and
 * roles of each account ({@link org.medfund.users.UserAccount}), API tokens for hospital systems and their
 * revocation, disabling and password reset (which end the sessions). Tables {@code app_user} and {@code api_token};
 * the web shell authenticates against {@link org.medfund.users.Users}, the CLI administers it. Implements no pack
 * article itself; the maker-checker rules of the packs (xinyang-2025 art. 6, henan-2023 三(一)) rely on its roles.
 */
package org.medfund.users;

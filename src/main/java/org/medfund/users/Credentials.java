package org.medfund.users;

/**
 * A stored user with what login needs: the password hash and the session generation that ends its sessions when
 * the user is disabled or its password reset. The web shell turns it into its security principal.
 */
public record Credentials(UserAccount account, String passwordHash, int sessionGeneration) {
}

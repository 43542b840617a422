/** {@code medfund users …}: list and add accounts, reset passwords, issue and revoke API tokens. */
package org.medfund.cli.users;

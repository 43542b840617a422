package org.medfund.settlement;

import org.medfund.registry.Role;

/**
 * Who works where: the staff accounts medfund knows, which live in the web shell's user store. Settlement asks
 * it before naming a hospital's reconciliation clerk (henan-2023 三(一) 专人对账; issue 11 #6: any string, even
 * {@code ' or 1=1 --}, could be named and then blocked the hospital's next check). The shell implements it.
 */
public interface StaffDirectory {

    /** Whether the user exists, is enabled and holds the role at the organisation. */
    boolean isActive(String username, String orgCode, Role role);
}

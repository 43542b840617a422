package org.medfund.registry;

import java.util.Collection;
import java.util.stream.Collectors;
import org.medfund.registry.Role;

/** The Chinese names of roles shown to users (pages, CLI). */
public final class RoleLabels {

    private RoleLabels() {
    }

    public static String of(Role role) {
        if (role == Role.CLERK) {
            return "经办";
        } else if (role == Role.REVIEWER) {
            return "复核";
        } else if (role == Role.FINANCE) {
            return "财务";
        } else if (role == Role.HOSPITAL) {
            return "医疗机构";
        } else if (role == Role.AUDITOR) {
            return "审计";
        }
        return "管理员";
    }

    /** Sorted by the role order, joined with 、. */
    public static String of(Collection<Role> roles) {
        return roles.stream().sorted().map(RoleLabels::of).collect(Collectors.joining("、"));
    }
}

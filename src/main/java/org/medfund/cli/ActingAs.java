package org.medfund.cli;

import java.util.EnumSet;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import picocli.CommandLine.Option;

/**
 * The organisation and user a business command acts for ({@code --org}, {@code --user}), as a picocli mixin. The
 * operator at the server's console is trusted with every role of that organisation; the facades still check the
 * organisation's scope and kind, and {@link AuditedExecution} records both options.
 */
public final class ActingAs {

    @Option(names = "--org", required = true, description = "办理机构编码，如 520000-CENTRE、411500-AGENCY")
    String org;

    @Option(names = "--user", required = true, description = "办理人用户名（记入审计日志）")
    String user;

    public String org() {
        return org;
    }

    public String user() {
        return user;
    }

    public Actor actor() {
        return new Actor(user, org, EnumSet.allOf(Role.class));
    }
}

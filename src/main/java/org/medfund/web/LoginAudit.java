package org.medfund.web;

import java.time.Clock;
import java.util.UUID;
import org.medfund.common.AuditLog;
import org.medfund.users.Users;
import org.springframework.stereotype.Component;

/**
 * Puts the staff pages' logins and logouts into the {@link AuditLog}, which otherwise records only changes: who
 * logged in and out when, and every refused attempt on an existing account (wrong password, disabled user), the one
 * that locks the username for the address ({@link LoginThrottle}) marked as such. A refused attempt is filed under
 * the user's organisation, so its auditors see attempts on their accounts. Attempts on usernames that do not exist
 * and attempts while locked are not recorded: anybody can send them, as fast as they like, and a row each would let
 * them fill the log; the throttle bounds what is recorded to five failures per username, address and lock time.
 * Nothing of the password is recorded.
 */
@Component
class LoginAudit {

    static final String LOGIN = "POST " + LoginThrottle.LOGIN_PATH;
    static final String LOGOUT = "POST /logout";
    /** Problem codes in the detail column of a refused login: a failure, and the failure that locked the username. */
    static final String FAILED = "auth.login-failed";
    static final String LOCKED = "auth.login-locked";

    private final AuditLog audit;
    private final Users users;
    private final Clock clock;

    LoginAudit(AuditLog audit, Users users, Clock clock) {
        this.audit = audit;
        this.users = users;
        this.clock = clock;
    }

    void loggedIn(MedfundUser user) {
        record(user.getUsername(), user.actor().orgCode(), LOGIN, AuditLog.Outcome.DONE, 302, null);
    }

    /** A login refused after its password was checked; {@code locked}: this failure locked the username. */
    void refused(String username, boolean locked) {
        users.find(username == null ? null : username.strip()).ifPresent(account -> record(account.username(),
                account.orgCode(), LOGIN, AuditLog.Outcome.DENIED, 401, locked
                        ? AuditLog.detail(LOCKED, "登录失败次数过多，该账号已暂停登录")
                        : AuditLog.detail(FAILED, "密码错误")));
    }

    void loggedOut(MedfundUser user) {
        record(user.getUsername(), user.actor().orgCode(), LOGOUT, AuditLog.Outcome.DONE, 302, null);
    }

    private void record(String username, String orgCode, String command, AuditLog.Outcome outcome, int status,
                        String detail) {
        String target = command.substring(command.indexOf(' ') + 1);
        String requestId = "srv-" + UUID.randomUUID();
        audit.finish(new AuditLog.Action(AuditLog.Channel.PAGE, new AuditLog.Who(username, orgCode, null),
                () -> requestId, () -> command, () -> target, true, clock), outcome, status, detail);
    }
}

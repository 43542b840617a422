package org.medfund.web;

import java.time.Clock;
import java.util.UUID;
import org.medfund.common.AuditLog;
import org.medfund.users.UserAccount;
import org.medfund.users.Users;
import org.springframework.stereotype.Component;

/**
 * Puts the staff pages' logins and logouts into the {@link AuditLog}, which otherwise records only changes: who
 * logged in and out when, and every refused attempt (wrong password, unknown or disabled user, a username locked by
 * {@link LoginThrottle}). A refused attempt names the username as typed, and its organisation when the username
 * exists, so that organisation's auditors see attempts on their accounts; an unknown username has no organisation
 * and only the operator sees it. Nothing of the password is recorded.
 */
@Component
class LoginAudit {

    static final String LOGIN = "POST " + LoginThrottle.LOGIN_PATH;
    static final String LOGOUT = "POST /logout";
    /** Problem codes in the detail column of a refused login. */
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

    /** A login refused before or after its password was checked; {@code code} is {@link #FAILED} or {@link #LOCKED}. */
    void refused(String username, String code) {
        String typed = username == null || username.isBlank() ? "（未填写）" : username.strip();
        String org = users.find(typed).map(UserAccount::orgCode).orElse(null);
        record(typed, org, LOGIN, AuditLog.Outcome.DENIED, 401, code);
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

package org.medfund.web.users;

import org.medfund.users.UserAccount;
import org.medfund.users.Users;
import org.medfund.web.Idempotency;
import org.medfund.web.MedfundUser;
import org.medfund.web.Scope;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.medfund.common.Rejection;
import org.medfund.registry.Registry;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code GET /api/me}: who the caller is, its organisation and scope. Administrators list the users of their scope
 * and enable or disable them ({@code POST /api/users/{username}/status}, idempotent).
 */
@RestController
public class UsersApi {

    private final Registry registry;
    private final Users users;
    private final Idempotency idempotency;

    UsersApi(Registry registry, Users users, Idempotency idempotency) {
        this.registry = registry;
        this.users = users;
        this.idempotency = idempotency;
    }

    record Me(String username, String displayName, String orgCode, List<String> roles, Scope scope) {
    }

    /** @param reason why, kept in the request log with the change */
    public record StatusChange(@NotNull Boolean enabled, @NotBlank @Size(max = 200) String reason) {
    }

    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal MedfundUser user) {
        return new Me(user.getUsername(), user.displayName(), user.actor().orgCode(), user.roleNames(),
                Scope.of(user, registry));
    }

    /** Users an administrator may manage: those of the organisations within its scope. */
    @GetMapping("/api/users")
    @PreAuthorize("hasRole('ADMIN')")
    List<UserAccount> list(@AuthenticationPrincipal MedfundUser user) {
        return UserPages.visibleUsers(user, users, registry);
    }

    @PostMapping("/api/users/{username}/status")
    @PreAuthorize("hasRole('ADMIN')")
    ResponseEntity<JsonNode> changeStatus(@AuthenticationPrincipal MedfundUser user,
                                          @PathVariable String username,
                                          @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                          @Valid @RequestBody StatusChange body) {
        return idempotency.run(user, "users.status", key, List.of(username, body), () -> {
            UserAccount target = users.require(username, "username");
            boolean inScope = UserPages.visibleUsers(user, users, registry).stream()
                    .anyMatch(account -> account.username().equals(username));
            if (!inScope) {
                throw Rejection.forbidden("user.out-of-scope", "username", "用户 " + username + " 不在本机构管理范围内");
            }
            if (target.username().equals(user.getUsername())) {
                throw new Rejection("user.self-status", "username", "不能停用或启用自己的账号");
            }
            return users.setEnabled(username, body.enabled());
        });
    }
}

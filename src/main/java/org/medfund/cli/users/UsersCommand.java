package org.medfund.cli.users;

import org.medfund.cli.GroupCommand;
import org.medfund.cli.MedfundSubcommand;
import java.io.PrintWriter;
import org.medfund.common.Fingerprint;
import org.medfund.common.RequestLog;
import org.medfund.registry.Role;
import org.medfund.registry.RoleLabels;
import org.medfund.users.UserAccount;
import org.medfund.users.Users;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.context.annotation.Scope;
import org.springframework.stereotype.Component;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code medfund users …}: list and add users, reset a password, issue and revoke API tokens. Passwords and tokens
 * are printed once and never stored in clear, so a repeat with the same {@code --request-id} does not print them
 * again: it says the request was already carried out and changes nothing. The subcommands are prototype beans:
 * picocli keeps option values in the command object, so a singleton would carry one run's options into the next
 * (in tests).
 */
@Component
@Command(name = "users", mixinStandardHelpOptions = true, description = "用户：列表、重置密码、签发 API 令牌",
        subcommands = {UsersCommand.ListUsers.class, UsersCommand.Add.class, UsersCommand.ResetPassword.class,
            UsersCommand.Token.class, UsersCommand.RevokeTokens.class})
class UsersCommand extends GroupCommand implements MedfundSubcommand {



    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "list", mixinStandardHelpOptions = true, description = "列出全部用户（机构、角色、状态）")
    static class ListUsers implements Runnable {

        private final Users users;

        @Spec
        CommandSpec spec;

        ListUsers(Users users) {
            this.users = users;
        }

        @Override
        public void run() {
            PrintWriter out = spec.commandLine().getOut();
            out.printf("%-20s %-16s %-24s %-12s %s%n", "用户名", "机构", "姓名", "角色", "状态");
            for (UserAccount account : users.list()) {
                out.printf("%-20s %-16s %-24s %-12s %s%n", account.username(), account.orgCode(),
                        account.displayName(), RoleLabels.of(account.roles()), account.enabled() ? "启用" : "停用");
            }
            out.flush();
        }
    }

    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "add", mixinStandardHelpOptions = true,
            description = "新建用户并打印生成的密码（只显示这一次）")
    static class Add implements Runnable {

        private final Users users;
        private final RequestLog requestLog;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "USER", description = "用户名（小写字母、数字、. _ -）")
        String username;

        @Option(names = "--org", required = true, description = "机构编码，如 411500-AGENCY 或医院编码")
        String orgCode;

        @Option(names = "--role", required = true, split = ",",
                description = "角色，可多个：CLERK,REVIEWER,FINANCE,HOSPITAL,AUDITOR,ADMIN")
        java.util.List<Role> roles;

        @Option(names = "--name", required = true, description = "姓名")
        String displayName;

        @Option(names = "--request-id", description = "请求编号；重复执行同一编号不会再次新建")
        String requestId;

        Add(Users users, RequestLog requestLog) {
            this.users = users;
            this.requestLog = requestLog;
        }

        @Override
        public void run() {
            UserAccount account = new UserAccount(username, displayName, orgCode, java.util.Set.copyOf(roles), true);
            issueSecret(spec, requestLog, "users.add", requestId, account.toString(), "user " + username + " created",
                    () -> users.create(account, null),
                    secret -> "已新建用户 " + username + "（" + orgCode + "，" + RoleLabels.of(account.roles())
                            + "），密码（只显示这一次）：" + secret, "未再改动；密码只在当时显示");
        }
    }

    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "revoke-tokens", mixinStandardHelpOptions = true, description = "吊销用户的全部 API 令牌")
    static class RevokeTokens implements Runnable {

        private final Users users;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "USER", description = "用户名")
        String username;

        RevokeTokens(Users users) {
            this.users = users;
        }

        @Override
        public void run() {
            users.require(username, "USER");
            int revoked = users.revokeTokens(username);
            spec.commandLine().getOut().println("已吊销用户 " + username + " 的 API 令牌 " + revoked + " 个");
            spec.commandLine().getOut().flush();
        }
    }

    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "reset-password", mixinStandardHelpOptions = true,
            description = "为用户生成新密码并打印（只显示这一次）")
    static class ResetPassword implements Runnable {

        private final Users users;
        private final RequestLog requestLog;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "USER", description = "用户名")
        String username;

        @Option(names = "--request-id", description = "请求编号；重复执行同一编号不会再次重置")
        String requestId;

        ResetPassword(Users users, RequestLog requestLog) {
            this.users = users;
            this.requestLog = requestLog;
        }

        @Override
        public void run() {
            users.require(username, "USER");
            issueSecret(spec, requestLog, "users.reset-password", requestId, username,
                    "password of " + username + " reset", () -> users.resetPassword(username),
                    secret -> "用户 " + username + " 的新密码（只显示这一次）：" + secret, "未再改动；新密码只在当时显示");
        }
    }

    @Component
    @Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
    @Command(name = "token", mixinStandardHelpOptions = true,
            description = "为用户签发 API 令牌并打印（只显示这一次；医院信息系统用 Authorization: Bearer 令牌）")
    static class Token implements Runnable {

        private final Users users;
        private final RequestLog requestLog;

        @Spec
        CommandSpec spec;

        @Parameters(index = "0", paramLabel = "USER", description = "用户名")
        String username;

        @Option(names = "--label", description = "令牌用途，如 \"HIS 接口\"", defaultValue = "cli")
        String label;

        @Option(names = "--request-id", description = "请求编号；重复执行同一编号不会再次签发")
        String requestId;

        Token(Users users, RequestLog requestLog) {
            this.users = users;
            this.requestLog = requestLog;
        }

        @Override
        public void run() {
            users.require(username, "USER");
            issueSecret(spec, requestLog, "users.token", requestId, username + "\u0000" + label,
                    "token for " + username + " issued", () -> users.issueToken(username, label),
                    token -> "用户 " + username + " 的 API 令牌（只显示这一次）：" + token, "未再签发；令牌只在当时显示");
        }
    }

    /**
     * Issues a password or token once per request id (when one is given) and prints it. A repeated request prints
     * what was done instead: the secret is shown only once and is never stored in the request log.
     */
    private static void issueSecret(CommandSpec spec, RequestLog requestLog, String scope, String requestId,
                                    String request, String done, java.util.function.Supplier<String> issue,
                                    java.util.function.Function<String, String> shown, String repeatNote) {
        String[] secret = {null};
        String result = onceIfRequested(requestLog, scope, requestId, request, () -> {
            secret[0] = issue.get();
            return done;
        });
        PrintWriter out = spec.commandLine().getOut();
        out.println(secret[0] != null ? shown.apply(secret[0])
                : "请求 " + requestId + " 已执行过（" + result + "），" + repeatNote);
        out.flush();
    }

    /** Runs the action once per request id when one is given (the result names what was done, never a secret). */
    private static String onceIfRequested(RequestLog requestLog, String scope, String requestId, String request,
                                  java.util.function.Supplier<String> action) {
        if (requestId == null) {
            return action.get();
        }
        return requestLog.once(scope, requestId, Fingerprint.of(request), action);
    }
}

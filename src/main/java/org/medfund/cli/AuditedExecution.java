package org.medfund.cli;

import java.time.Clock;
import java.util.UUID;
import org.medfund.common.AuditLog;
import org.medfund.common.Rejection;
import org.medfund.registry.Org;
import org.medfund.registry.Registry;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Runs each command line as one {@link AuditLog} action, so commands that write (demo, import, prepayment …,
 * ledger close-period, users …) leave an audit row in the transactions that make their changes; reads leave none
 * (they commit no read-write transaction). Who: the acting user given with {@code --user} (maker-checker commands),
 * else the operating-system user as {@code os:<name>}; the organisation: {@code --org}, else {@code --book}; the
 * request id: {@code --request-id}, else a generated {@code cli-…} id. The target is the command line itself.
 */
final class AuditedExecution implements CommandLine.IExecutionStrategy {

    private final AuditLog audit;
    private final Registry registry;
    private final Clock clock;

    AuditedExecution(AuditLog audit, Registry registry, Clock clock) {
        this.audit = audit;
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public int execute(ParseResult parseResult) {
        ParseResult leaf = parseResult;
        while (leaf.hasSubcommand()) {
            leaf = leaf.subcommand();
        }
        String command = leaf.commandSpec().qualifiedName(" ").replaceFirst("^medfund ?", "");
        String osUser = "os:" + System.getProperty("user.name");
        String user = leaf.matchedOptionValue("--user", osUser);
        String org = leaf.matchedOptionValue("--org", leaf.matchedOptionValue("--book", (String) null));
        String region = org == null ? null : registry.org(org).map(Org::regionCode).orElse(null);
        String requestId = leaf.matchedOptionValue("--request-id", "cli-" + UUID.randomUUID());
        String target = String.join(" ", parseResult.originalArgs()) + (user.equals(osUser) ? "" : " (" + osUser + ")");
        AuditLog.Action action = new AuditLog.Action(AuditLog.Channel.CLI, new AuditLog.Who(user, org, region),
                () -> requestId, () -> command.isEmpty() ? "medfund" : command, () -> target, false, clock);
        boolean bound = audit.bind(action);
        try {
            int exitCode = new CommandLine.RunLast().execute(parseResult);
            if (bound) {
                audit.finish(action, exitCode == 0 ? AuditLog.Outcome.DONE : AuditLog.Outcome.REJECTED, exitCode,
                        null);
            }
            return exitCode;
        } catch (RuntimeException e) {
            if (bound) {
                Rejection rejection = rejectionIn(e);
                audit.finish(action, rejection == null ? AuditLog.Outcome.FAILED : AuditLog.Outcome.REJECTED,
                        rejection == null ? 1 : OneLineErrors.EXIT_BAD_INPUT,
                        rejection == null ? e.getClass().getSimpleName()
                                : AuditLog.detail(rejection.code(), rejection.getMessage()));
            }
            throw e;
        }
    }

    private static Rejection rejectionIn(Throwable e) {
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            if (t instanceof Rejection rejection) {
                return rejection;
            }
        }
        return null;
    }
}

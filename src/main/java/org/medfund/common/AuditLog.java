package org.medfund.common;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionExecution;
import org.springframework.transaction.TransactionExecutionListener;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail of state changes (table {@code audit_log}): who, for which organisation, when (from the
 * {@link Clock}), through which channel and command, under which request id, with what outcome and which business
 * ids. The web shell and the CLI {@link #bind bind} an {@link Action} to the thread while a state-changing request
 * or command runs; every read-write transaction that commits meanwhile writes (or counts itself into) the action's
 * row in the same transaction, just before it commits, so a change is never committed without its audit row and an
 * audit row never claims a change that rolled back. {@link #finish} then records an action that committed nothing
 * (refused, failed, or a change made without a transaction) in a transaction of its own.
 *
 * <p>Capabilities add what they know: {@link #note} a business id, {@link #replayed()} / {@link #fresh()} from
 * idempotency layers, so a repeated request shows as 重放 rather than as a second change.
 */
@Component
public class AuditLog implements TransactionExecutionListener {

    public static final int USERNAME_LENGTH_MAX = 100;
    public static final int COMMAND_LENGTH_MAX = 200;
    public static final int TARGET_LENGTH_MAX = 500;
    public static final int BUSINESS_IDS_LENGTH_MAX = 1_000;
    public static final int DETAIL_LENGTH_MAX = 500;
    /** Rows one query answers at most (pages show fewer, exports this many). */
    public static final int ROWS_MAX = 10_000;

    /** How the change came in. */
    public enum Channel {
        API("接口"),
        PAGE("页面"),
        CLI("命令行");

        private final String label;

        Channel(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** What came of it. */
    public enum Outcome {
        DONE("成功"),
        REPLAYED("重放（未改动）"),
        REJECTED("被拒绝"),
        DENIED("无权"),
        FAILED("出错"),
        PARTIAL("部分完成后出错");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * Who acts: a user of an organisation ({@code orgRegion} is the organisation's pooling region, the key scope
     * filters on; both null for the operator of the installation acting from the CLI without an organisation). A
     * null {@code orgRegion} with an organisation is filled in by the statement that writes the row (the web shell
     * leaves it to that statement rather than looking the organisation up on every request).
     */
    public record Who(String username, String orgCode, String orgRegion) {
    }

    /**
     * One request or command while it runs. The command and target are asked for when the row is written, so the web
     * shell can name the route matched after the action was bound.
     */
    public static final class Action {
        private final Channel channel;
        private final Who who;
        private final Supplier<String> requestId;
        private final Supplier<String> command;
        private final Supplier<String> target;
        private final boolean recordWithoutTransaction;
        private final LocalDateTime startedAt;
        private final Set<String> businessIds = new LinkedHashSet<>();
        private int businessIdsLength;
        private boolean replayed;
        private boolean fresh;
        private boolean writeBegun;
        private Long rowId;
        private int transactions;

        /**
         * @param recordWithoutTransaction whether {@link #finish} records an action that committed no transaction
         *                                 (web writes: yes, a POST is an attempted change; CLI: only if it began
         *                                 a read-write transaction, else it was a read)
         */
        /**
         * @param requestId asked for once, when the row is written (a form field is readable only then); should
         *                  answer a generated id when the request brought none
         */
        public Action(Channel channel, Who who, Supplier<String> requestId, Supplier<String> command,
                      Supplier<String> target, boolean recordWithoutTransaction, Clock clock) {
            this.channel = channel;
            this.who = who;
            this.requestId = requestId;
            this.command = command;
            this.target = target;
            this.recordWithoutTransaction = recordWithoutTransaction;
            this.startedAt = LocalDateTime.now(clock).truncatedTo(ChronoUnit.MILLIS);
        }

        /** Whether a read-write transaction began while the action was bound (committed or not). */
        public boolean writeBegun() {
            return writeBegun;
        }

        /**
         * Asks the command, target and request id once (on the thread that serves the request: a web action reads
         * them from the servlet request) and keeps them, so another thread can write the row later.
         */
        private void resolve() {
            if (resolvedCommand == null) {
                resolvedCommand = command.get();
                resolvedTarget = target.get();
                resolvedRequestId = requestId.get();
            }
        }

        private String resolvedCommand;
        private String resolvedTarget;
        private String resolvedRequestId;
    }

    /**
     * One stored row.
     *
     * @param command the route ({@code POST /api/prepayments/{id}/approve}) or CLI command ({@code ledger verify})
     * @param target the concrete path, or the CLI arguments
     */
    public record Entry(long id, LocalDateTime occurredAt, Channel channel, Who who, String command, String target,
                        String requestId, Result result) {
    }

    /**
     * @param status HTTP status or CLI exit code of an action that committed nothing, else null
     * @param transactions transactions the action committed
     * @param detail the problem code or error of a refused or failed action, followed after a space by its reason in
     *               the words the caller was given ({@link #detail(String, String)})
     */
    public record Result(Outcome outcome, Integer status, int transactions, String businessIds, String detail) {

        /** The problem code ({@code crossregion.no-valid-filing}) or error name, without the reason. */
        public String code() {
            return detail == null ? null : detail.substring(0, detail.contains(" ") ? detail.indexOf(' ')
                    : detail.length());
        }

        /** The reason the caller was given (Chinese), or null when the row records only a code. */
        public String reason() {
            return detail == null || !detail.contains(" ") ? null : detail.substring(detail.indexOf(' ') + 1);
        }

        /** What a reader of the log is told: the reason; for a failure without one, where to look; else nothing. */
        public String explanation() {
            if (reason() != null) {
                return reason();
            }
            return outcome == Outcome.FAILED ? "系统内部错误，详见服务日志" : "";
        }
    }

    /**
     * A refusal's detail as a row keeps it: the code (no spaces in it), then the reason its caller read, so that an
     * auditor sees why in words and a filter or a test still finds the code first.
     */
    public static String detail(String code, String reason) {
        if (code == null || reason == null || reason.isBlank()) {
            return code;
        }
        return code + " " + reason.strip();
    }

    /** Filters, each optional (null); {@code to} is inclusive, {@code command} and {@code businessId} match parts. */
    public record Filter(String username, String orgCode, LocalDate from, LocalDate to, String command,
                         Outcome outcome, String businessId) {
    }

    /**
     * Whose rows a reader may see: those of its own organisation, plus those of any organisation in
     * {@code regionCodes} (empty for a hospital, which sees only itself). {@link #OPERATOR} sees everything: the
     * operator of the installation at the CLI, who holds the database anyway.
     */
    public record Reader(String orgCode, List<String> regionCodes, boolean operator) {
        public static final Reader OPERATOR = new Reader(null, List.of(), true);

        public Reader {
            regionCodes = List.copyOf(regionCodes);
        }
    }

    private static final Logger log = LoggerFactory.getLogger(AuditLog.class);

    private final ThreadLocal<Action> current = new ThreadLocal<>();
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    /** Lazily: the transaction manager is built with this listener, so it cannot be a constructor argument. */
    private final ObjectProvider<TransactionTemplate> transactions;

    public AuditLog(JdbcClient jdbc, JdbcTemplate template, ObjectProvider<TransactionTemplate> transactions) {
        this.jdbc = jdbc;
        this.template = template;
        this.transactions = transactions;
    }

    /**
     * The action bound to this thread, made ready to be recorded from another thread (its command, target and request
     * id are asked now): for a writer that commits this request's change in a transaction of its own thread, the
     * discharge desk's batch writer ({@link #writeCommitted}). Null when none is bound.
     */
    public Action handOff() {
        Action action = current.get();
        if (action != null) {
            action.resolve();
        }
        return action;
    }

    /**
     * Inside the calling thread's read-write transaction, which commits the changes of the given actions for the
     * threads that bound them: writes each action's row as done, with its business ids ({@code name=value}). After
     * the commit the actions count as committed, so their {@link #finish} writes nothing more; if the transaction
     * does not commit, {@link #notCommitted} must be called, so each action's own thread records its outcome as
     * before. The caller publishes the actions back to their threads (e.g. by completing a future).
     */
    public void writeCommitted(List<Action> actions, List<List<String>> businessIds) {
        if (actions.isEmpty()) {
            return;
        }
        for (int i = 0; i < actions.size(); i++) {
            Action action = actions.get(i);
            action.resolve();
            for (String id : businessIds.get(i)) {
                int eq = id.indexOf('=');
                noteOn(action, id.substring(0, eq), id.substring(eq + 1));
            }
            action.fresh = true;
            action.transactions = 1;
        }
        // One JDBC batch for all the rows, their generated ids read back in order.
        KeyHolder keys = new GeneratedKeyHolder();
        template.batchUpdate(connection -> connection.prepareStatement("""
                insert into audit_log (occurred_at, channel, username, org_code, org_region, command, target,
                                       request_id, outcome, status, transactions, business_ids, detail)
                values (?, ?, ?, ?, coalesce(?, (select region_code from registry_org where code = ?)), ?, ?, ?, ?,
                        null, 1, ?, null)""", new String[] {"id"}), new BatchPreparedStatementSetter() {
                    @Override
                    public void setValues(PreparedStatement ps, int i) throws SQLException {
                        Action action = actions.get(i);
                        ps.setTimestamp(1, Timestamp.valueOf(action.startedAt));
                        ps.setString(2, action.channel.name());
                        ps.setString(3, cut(action.who.username(), USERNAME_LENGTH_MAX));
                        ps.setString(4, action.who.orgCode());
                        ps.setString(5, action.who.orgRegion());
                        ps.setString(6, action.who.orgCode());
                        ps.setString(7, cut(action.resolvedCommand, COMMAND_LENGTH_MAX));
                        ps.setString(8, cut(action.resolvedTarget, TARGET_LENGTH_MAX));
                        ps.setString(9, cut(action.resolvedRequestId, RequestLog.REQUEST_ID_LENGTH_MAX));
                        ps.setString(10, Outcome.DONE.name());
                        ps.setString(11, ids(action));
                    }

                    @Override
                    public int getBatchSize() {
                        return actions.size();
                    }
                }, keys);
        List<Map<String, Object>> rows = keys.getKeyList();
        if (rows.size() != actions.size()) {
            throw new IllegalStateException("audit rows written " + rows.size() + " for " + actions.size());
        }
        for (int i = 0; i < actions.size(); i++) {
            actions.get(i).rowId = ((Number) rows.get(i).values().iterator().next()).longValue();
        }
    }

    /** The transaction of {@link #writeCommitted} rolled back: the rows went with it. */
    public void notCommitted(List<Action> actions) {
        for (Action action : actions) {
            action.rowId = null;
            action.transactions = 0;
            action.fresh = false;
            action.businessIds.clear();
            action.businessIdsLength = 0;
        }
    }

    /** Binds an action to this thread until {@link #finish}; actions do not nest (the outer one stays). */
    public boolean bind(Action action) {
        if (current.get() != null) {
            return false;
        }
        current.set(action);
        return true;
    }

    /**
     * {@link #finish} for a request that only calculates (the discharge desk's preview, sent as POST): when it
     * succeeded and began no write transaction it changed nothing, so, like a GET, it leaves no row; otherwise it is
     * recorded as any write is.
     */
    public void finishRead(Action action, Outcome outcome, Integer status, String detail) {
        if (outcome == Outcome.DONE && !action.writeBegun && action.rowId == null) {
            if (current.get() == action) {
                current.remove();
            }
            return;
        }
        finish(action, outcome, status, detail);
    }

    /**
     * Unbinds the action and records its outcome: when a transaction already wrote its row, only a failure after that
     * changes it (to {@link Outcome#PARTIAL}); otherwise a row is written now, in its own transaction: always for an
     * action bound with {@code recordWithoutTransaction} (a web write), else only if it began a read-write
     * transaction that did not commit (a CLI command that tried to change something and was refused).
     */
    public void finish(Action action, Outcome outcome, Integer status, String detail) {
        if (current.get() == action) {
            current.remove();
        }
        boolean success = outcome == Outcome.DONE;
        if (action.rowId != null) {
            if (!success) {
                alone(action, () -> jdbc.sql("update audit_log set outcome = :outcome, status = :status, "
                                + "detail = :detail where id = :id")
                        .param("outcome", Outcome.PARTIAL.name()).param("status", status)
                        .param("detail", cut(detail, DETAIL_LENGTH_MAX)).param("id", action.rowId).update());
            }
            return;
        }
        if (!action.recordWithoutTransaction && (success || !action.writeBegun)) {
            return;
        }
        Outcome recorded = success && action.replayed && !action.fresh ? Outcome.REPLAYED : outcome;
        alone(action, () -> insert(action, recorded, status, detail));
    }

    /**
     * Writes what an action that committed nothing (or failed after committing) leaves, in a transaction of its own.
     * If even that fails — the database may be why the action failed — it is logged: the action's own error must
     * reach its caller, and no change goes unrecorded, since a committed change has its row already.
     */
    private void alone(Action action, Runnable write) {
        try {
            transactions.getObject().executeWithoutResult(tx -> write.run());
        } catch (RuntimeException e) {
            log.warn("audit row of {} by {} not written: {}", action.command.get(), action.who.username(),
                    e.toString());
        }
    }

    /**
     * Adds a business id (e.g. {@code id=PP-2025-…}, {@code entry=411500-AGENCY#12}) to the current action's row;
     * no-op without one. Ids beyond what the column holds are dropped (a bulk posting names its first entries).
     */
    public void note(String name, String value) {
        noteOn(current.get(), name, value);
    }

    private static void noteOn(Action action, String name, String value) {
        if (action == null || value == null || value.isBlank()
                || action.businessIdsLength > BUSINESS_IDS_LENGTH_MAX) {
            return;
        }
        String id = name + "=" + value;
        if (action.businessIds.add(id)) {
            action.businessIdsLength += id.length() + 1;
        }
    }

    /** An idempotency layer answered a repeat from its record: nothing changed for this request id. */
    public void replayed() {
        Action action = current.get();
        if (action != null) {
            action.replayed = true;
        }
    }

    /** An idempotency layer ran its command for the first time. */
    public void fresh() {
        Action action = current.get();
        if (action != null) {
            action.fresh = true;
        }
    }

    @Override
    public void afterBegin(TransactionExecution transaction, Throwable beginFailure) {
        Action action = current.get();
        if (action == null || beginFailure != null || !transaction.isNewTransaction() || transaction.isReadOnly()
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        action.writeBegun = true;
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            private boolean counted;
            private Long rowBefore;

            @Override
            public void beforeCommit(boolean readOnly) {
                if (!readOnly) {
                    rowBefore = action.rowId;
                    committing(action);
                    counted = true;
                }
            }

            /** The commit itself can still fail (a serialisation failure): then the row went with the change. */
            @Override
            public void afterCompletion(int status) {
                if (counted && status != STATUS_COMMITTED) {
                    action.rowId = rowBefore;
                    action.transactions--;
                }
            }
        });
    }

    /** Inside the committing transaction: the first commit writes the row, later ones count themselves into it. */
    private void committing(Action action) {
        Outcome outcome = action.replayed && !action.fresh ? Outcome.REPLAYED : Outcome.DONE;
        if (action.rowId == null) {
            action.transactions = 1;
            try {
                action.rowId = insert(action, outcome, null, null);
            } catch (RuntimeException e) {
                action.transactions = 0;
                throw e;
            }
        } else {
            jdbc.sql("update audit_log set transactions = :n, business_ids = :ids, outcome = :outcome where id = :id")
                    .param("n", action.transactions + 1).param("ids", ids(action)).param("outcome", outcome.name())
                    .param("id", action.rowId).update();
            action.transactions++;
        }
    }

    private long insert(Action action, Outcome outcome, Integer status, String detail) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into audit_log (occurred_at, channel, username, org_code, org_region, command, target,
                                       request_id, outcome, status, transactions, business_ids, detail)
                values (:at, :channel, :username, :org,
                        coalesce(:region, (select region_code from registry_org where code = :org)), :command, :target,
                        :requestId, :outcome, :status, :transactions, :ids, :detail)""")
                .param("at", Timestamp.valueOf(action.startedAt)).param("channel", action.channel.name())
                .param("username", cut(action.who.username(), USERNAME_LENGTH_MAX))
                .param("org", action.who.orgCode()).param("region", action.who.orgRegion())
                .param("command", cut(action.resolvedCommand != null ? action.resolvedCommand : action.command.get(),
                        COMMAND_LENGTH_MAX))
                .param("target", cut(action.resolvedTarget != null ? action.resolvedTarget : action.target.get(),
                        TARGET_LENGTH_MAX))
                .param("requestId", cut(action.resolvedRequestId != null ? action.resolvedRequestId
                        : action.requestId.get(), RequestLog.REQUEST_ID_LENGTH_MAX))
                .param("outcome", outcome.name()).param("status", status).param("transactions", action.transactions)
                .param("ids", ids(action)).param("detail", cut(detail, DETAIL_LENGTH_MAX))
                .update(key, "id");
        return key.getKeyAs(Number.class).longValue();
    }

    private static String ids(Action action) {
        return action.businessIds.isEmpty() ? null
                : cut(String.join(" ", action.businessIds), BUSINESS_IDS_LENGTH_MAX);
    }

    /** Values are cut to their column, so an audit row can never be what makes a change fail. */
    private static String cut(String value, int max) {
        if (value == null || value.length() <= max) {
            return value;
        }
        return value.substring(0, max - 1) + "…";
    }

    /** Rows matching the filter that the reader may see, newest first, at most {@code limit} (≤ {@link #ROWS_MAX}). */
    public List<Entry> find(Filter f, Reader reader, int limit) {
        StringBuilder where = new StringBuilder(visibleTo(reader));
        if (f.username() != null) {
            where.append(" and username = :username");
        }
        if (f.orgCode() != null) {
            where.append(" and org_code = :org");
        }
        if (f.from() != null) {
            where.append(" and occurred_at >= :from");
        }
        if (f.to() != null) {
            where.append(" and occurred_at < :to");
        }
        if (f.command() != null) {
            where.append(" and lower(command) like :command");
        }
        if (f.outcome() != null) {
            where.append(" and outcome = :outcome");
        }
        if (f.businessId() != null) {
            where.append(" and (business_ids like :businessId or target like :businessId)");
        }
        int rows = Math.max(1, Math.min(limit, ROWS_MAX));
        return reader(jdbc.sql("select id, occurred_at, channel, username, org_code, org_region, command, target, "
                        + "request_id, outcome, status, transactions, business_ids, detail from audit_log" + where
                        + " order by occurred_at desc, id desc limit " + rows), reader)
                .param("username", f.username() == null ? "" : f.username())
                .param("org", f.orgCode() == null ? "" : f.orgCode())
                .param("from", f.from() == null ? null : Timestamp.valueOf(f.from().atStartOfDay()))
                .param("to", f.to() == null ? null : Timestamp.valueOf(f.to().plusDays(1).atStartOfDay()))
                .param("command", f.command() == null ? "" : "%" + likeText(f.command().toLowerCase()) + "%")
                .param("outcome", f.outcome() == null ? "" : f.outcome().name())
                .param("businessId", f.businessId() == null ? "" : "%" + likeText(f.businessId()) + "%")
                .query((rs, n) -> new Entry(rs.getLong(1), rs.getTimestamp(2).toLocalDateTime(),
                        Channel.valueOf(rs.getString(3)), new Who(rs.getString(4), rs.getString(5), rs.getString(6)),
                        rs.getString(7), rs.getString(8), rs.getString(9), new Result(Outcome.valueOf(rs.getString(10)),
                        (Integer) rs.getObject(11), rs.getInt(12), rs.getString(13), rs.getString(14))))
                .list();
    }

    /** Distinct commands the reader's rows name, for the page's filter list. */
    public List<String> commands(Reader reader) {
        return reader(jdbc.sql("select distinct command from audit_log" + visibleTo(reader) + " order by command"),
                reader).query(String.class).list();
    }

    private static String visibleTo(Reader reader) {
        if (reader.operator()) {
            return " where 1 = 1";
        }
        return reader.regionCodes().isEmpty() ? " where org_code = :readerOrg"
                : " where (org_code = :readerOrg or org_region in (:readerRegions))";
    }

    private static JdbcClient.StatementSpec reader(JdbcClient.StatementSpec statement, Reader reader) {
        return statement.param("readerOrg", reader.orgCode() == null ? "" : reader.orgCode())
                .param("readerRegions", reader.regionCodes().isEmpty() ? List.of("") : reader.regionCodes());
    }

    /** LIKE wildcards in a filter are literal characters (the default escape character is the backslash). */
    private static String likeText(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}

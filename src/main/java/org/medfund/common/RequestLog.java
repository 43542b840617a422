package org.medfund.common;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Durable idempotency for state-changing commands (API {@code Idempotency-Key}, CLI {@code --request-id}): the
 * first call with a request id runs the action and stores its result; a repeat with the same fingerprint (a hash
 * of the request body) returns the stored result and changes nothing; a repeat with a different fingerprint is a
 * 409 conflict. Runs in the caller's transaction, so a failed action leaves no record. Tells the {@link AuditLog}
 * whether the request ran or was answered from the record.
 *
 * <p>The id is claimed before the action runs, by inserting its row: a concurrent call with the same id blocks on
 * that row until the first call's transaction ends, then answers the first result (it committed) or runs the action
 * itself (it rolled back). So a repeat that arrives while the first call is still running waits for it instead of
 * running the command a second time or failing on the unique key.
 */
@Component
public class RequestLog {

    public static final int REQUEST_ID_LENGTH_MAX = 100;

    /** A request id of one scope, with its fingerprint, claimed by a batch writer ({@link #claimAll}). */
    public record Claim(String scope, String requestId, String fingerprint) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final AuditLog audit;
    private final Clock clock;

    public RequestLog(JdbcClient jdbc, JdbcTemplate template, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.template = template;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * For a batch writer, in its transaction: claims every id as {@link #once} does (a concurrent claim of the same
     * id waits for the other transaction), in one JDBC batch. The claims must name distinct ids. Returns, per claim,
     * whether it was new; an id already recorded is not touched, and its request must go through {@link #once},
     * which answers the stored result or refuses a different request.
     */
    public boolean[] claimAll(List<Claim> claims) {
        if (claims.isEmpty()) {
            return new boolean[0];
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        int[][] counts = template.batchUpdate("insert into request_log (scope, request_id, fingerprint, result,"
                        + " created_at) values (?, ?, ?, '', ?) on conflict do nothing", claims, claims.size(),
                (ps, c) -> {
                    ps.setString(1, c.scope());
                    ps.setString(2, c.requestId());
                    ps.setString(3, c.fingerprint());
                    ps.setTimestamp(4, now);
                });
        boolean[] fresh = new boolean[claims.size()];
        for (int i = 0; i < fresh.length; i++) {
            // A driver may answer SUCCESS_NO_INFO (-2) for a batched row; on conflict do nothing answers 0.
            fresh[i] = counts[0][i] != 0;
        }
        return fresh;
    }

    /** For a batch writer, in its transaction: the results of claims it ran ({@code results[i]} of claim i). */
    public void storeAll(List<Claim> claims, List<String> results) {
        if (claims.isEmpty()) {
            return;
        }
        List<Integer> at = java.util.stream.IntStream.range(0, claims.size()).boxed().toList();
        template.batchUpdate("update request_log set result = ? where scope = ? and request_id = ?", at, at.size(),
                (ps, i) -> {
                    ps.setString(1, results.get(i));
                    ps.setString(2, claims.get(i).scope());
                    ps.setString(3, claims.get(i).requestId());
                });
    }

    /** For a batch writer, in its transaction: claims of requests it refused, so their ids can be used again. */
    public void releaseAll(List<Claim> claims) {
        if (claims.isEmpty()) {
            return;
        }
        template.batchUpdate("delete from request_log where scope = ? and request_id = ?", claims, claims.size(),
                (ps, c) -> {
                    ps.setString(1, c.scope());
                    ps.setString(2, c.requestId());
                });
    }

    /**
     * @param scope the command family, e.g. {@code ledger.post}; ids are unique within a scope
     * @param fingerprint hash of the request content (see {@link Fingerprint})
     * @param action the command; returns its result as text (typically JSON or the id of what it created)
     */
    @Transactional
    public String once(String scope, String requestId, String fingerprint, Supplier<String> action) {
        if (requestId == null || requestId.isBlank() || requestId.length() > REQUEST_ID_LENGTH_MAX) {
            throw new Rejection("request.id-invalid", "requestId",
                    "请求编号必须为 1 至 " + REQUEST_ID_LENGTH_MAX + " 个字符");
        }
        // On conflict do nothing waits for a concurrent claim of the same id to commit or roll back (PostgreSQL and
        // H2 alike), so exactly one call runs the action; the others read its result once it is committed.
        int claimed = jdbc.sql("""
                insert into request_log (scope, request_id, fingerprint, result, created_at)
                values (:scope, :id, :fingerprint, '', :createdAt) on conflict do nothing""")
                .param("scope", scope).param("id", requestId).param("fingerprint", fingerprint)
                .param("createdAt", java.sql.Timestamp.from(Instant.now(clock)))
                .update();
        if (claimed == 0) {
            String[] earlier = jdbc.sql(
                            "select fingerprint, result from request_log where scope = :scope and request_id = :id")
                    .param("scope", scope).param("id", requestId)
                    .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                    .single();
            if (!earlier[0].equals(fingerprint)) {
                throw Rejection.conflict("request.id-reused", "requestId",
                        "请求编号 " + requestId + " 已用于内容不同的请求");
            }
            audit.replayed();
            return earlier[1];
        }
        audit.fresh();
        String result = action.get();
        jdbc.sql("update request_log set result = :result where scope = :scope and request_id = :id")
                .param("result", result).param("scope", scope).param("id", requestId)
                .update();
        return result;
    }
}

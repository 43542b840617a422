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

    /** A request id of one scope, with its fingerprint, recorded by a batch writer ({@link #recordAll}). */
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
     * For a batch writer, in its transaction: records the ids it ran with their results ({@code results[i]} of claim
     * i) in one JDBC batch, claim and answer in one row. The claims must name distinct ids. There is no claim before
     * the work: an id already recorded, or claimed by a transaction still running (the insert waits for it), fails
     * the insert on the unique key, the batch's transaction rolls back, and its requests go through {@link #once},
     * which answers the stored result or refuses a different request.
     */
    public void recordAll(List<Claim> claims, List<String> results) {
        if (claims.isEmpty()) {
            return;
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        List<Integer> at = java.util.stream.IntStream.range(0, claims.size()).boxed().toList();
        template.batchUpdate("insert into request_log (scope, request_id, fingerprint, result, created_at)"
                        + " values (?, ?, ?, ?, ?)", at, at.size(),
                (ps, i) -> {
                    ps.setString(1, claims.get(i).scope());
                    ps.setString(2, claims.get(i).requestId());
                    ps.setString(3, claims.get(i).fingerprint());
                    ps.setString(4, results.get(i));
                    ps.setTimestamp(5, now);
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

package org.medfund.common;

import java.time.Clock;
import java.time.Instant;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Durable idempotency for state-changing commands (API {@code Idempotency-Key}, CLI {@code --request-id}): the
 * first call with a request id runs the action and stores its result; a repeat with the same fingerprint (a hash
 * of the request body) returns the stored result and changes nothing; a repeat with a different fingerprint is a
 * 409 conflict. Runs in the caller's transaction, so a failed action leaves no record.
 */
@Component
public class RequestLog {

    public static final int REQUEST_ID_LENGTH_MAX = 100;

    private final JdbcClient jdbc;
    private final Clock clock;

    public RequestLog(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
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
        var earlier = jdbc.sql("select fingerprint, result from request_log where scope = :scope and request_id = :id")
                .param("scope", scope).param("id", requestId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional();
        if (earlier.isPresent()) {
            if (!earlier.get()[0].equals(fingerprint)) {
                throw Rejection.conflict("request.id-reused", "requestId",
                        "请求编号 " + requestId + " 已用于内容不同的请求");
            }
            return earlier.get()[1];
        }
        String result = action.get();
        jdbc.sql("""
                insert into request_log (scope, request_id, fingerprint, result, created_at)
                values (:scope, :id, :fingerprint, :result, :createdAt)""")
                .param("scope", scope).param("id", requestId).param("fingerprint", fingerprint)
                .param("result", result).param("createdAt", java.sql.Timestamp.from(Instant.now(clock)))
                .update();
        return result;
    }
}

package org.medfund.web;

import java.util.function.Supplier;
import org.medfund.common.AuditLog;
import org.medfund.common.Fingerprint;
import org.medfund.common.Rejection;
import org.medfund.common.RequestLog;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotent state-changing API calls: the first call with an {@code Idempotency-Key} runs the command and stores
 * its JSON response durably ({@link RequestLog}, table {@code request_log}); a repeat with the same key and the same
 * request returns the stored response (header {@code Idempotent-Replayed: true}) and changes nothing; the same key
 * with a different request is a 409 problem ({@code request.id-reused}); a missing key is a 400 problem
 * ({@code request.idempotency-key-missing}, field {@code Idempotency-Key}). Keys are scoped per organisation, so
 * two hospitals' systems cannot collide. The command runs inside the request-log transaction: when it throws, no
 * record is kept and the client may retry with the same key.
 *
 * <p>Usage in a controller (the request object is whatever defines the call: the body record, plus path variables
 * when they matter, e.g. {@code List.of(id, body)}):
 * <pre>{@code
 * @PostMapping("/api/prepayments")
 * ResponseEntity<JsonNode> apply(@AuthenticationPrincipal MedfundUser user,
 *                                @RequestHeader(name = Idempotency.HEADER, required = false) String key,
 *                                @Valid @RequestBody PrepaymentRequest body) {
 *     return idempotency.run(user, "prepayment.apply", key, body, HttpStatus.CREATED,
 *             () -> prepayments.apply(user.actor(), body.toCommand()));
 * }
 * }</pre>
 * The supplier's result is serialized with the application's {@link JsonMapper} (records serialize as-is).
 */
@Component
public class Idempotency {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";
    public static final String CODE_KEY_MISSING = "request.idempotency-key-missing";
    /** Scopes share {@code request_log.scope} (60 characters) with the organisation code appended. */
    public static final int SCOPE_LENGTH_MAX = 40;

    /** Business ids taken from one answer into the audit log, at most. */
    static final int AUDIT_IDS_MAX = 10;

    private final RequestLog requestLog;
    private final AuditLog audit;
    private final JsonMapper json;

    public Idempotency(RequestLog requestLog, AuditLog audit, JsonMapper json) {
        this.requestLog = requestLog;
        this.audit = audit;
        this.json = json;
    }

    /** Runs a command once per key; answers 200 with its JSON result. */
    public ResponseEntity<JsonNode> run(MedfundUser user, String scope, String key, Object request,
                                        Supplier<?> command) {
        return run(user, scope, key, request, HttpStatus.OK, command);
    }

    /**
     * Runs a command once per key and answers with its JSON result and the given status, the same on every replay.
     *
     * @param scope the command family, e.g. {@code prepayment.apply} (at most {@value #SCOPE_LENGTH_MAX} chars)
     * @param key the {@code Idempotency-Key} header, null when absent
     * @param request everything that defines the call; its JSON form is fingerprinted
     */
    public ResponseEntity<JsonNode> run(MedfundUser user, String scope, String key, Object request,
                                        HttpStatus status, Supplier<?> command) {
        if (scope == null || scope.isBlank() || scope.length() > SCOPE_LENGTH_MAX) {
            throw new IllegalArgumentException("idempotency scope must be 1.." + SCOPE_LENGTH_MAX + " chars: " + scope);
        }
        if (key == null || key.isBlank()) {
            throw new Rejection(CODE_KEY_MISSING, HEADER, "状态变更请求必须带请求头 " + HEADER, 400);
        }
        if (key.length() > RequestLog.REQUEST_ID_LENGTH_MAX) {
            throw new Rejection("request.idempotency-key-invalid", HEADER,
                    HEADER + " 不能超过 " + RequestLog.REQUEST_ID_LENGTH_MAX + " 个字符", 400);
        }
        String fingerprint = Fingerprint.of(user.actor().userId(), json.writeValueAsString(request));
        boolean[] ran = {false};
        // The fresh answer's tree is kept for the response: the answer is serialised once and parsed once.
        JsonNode[] fresh = {null};
        String stored;
        try {
            stored = requestLog.once(scope + "@" + user.actor().orgCode(), key, fingerprint, () -> {
                ran[0] = true;
                String answer = json.writeValueAsString(command.get());
                fresh[0] = json.readTree(answer);
                noteIds(fresh[0]);
                return answer;
            });
        } catch (Rejection rejection) {
            if (!ran[0] && rejection.code().equals("request.id-reused")) {
                throw Rejection.conflict(rejection.code(), HEADER, rejection.getMessage());
            }
            throw rejection;
        }
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status);
        if (!ran[0]) {
            response.header(REPLAYED_HEADER, "true");
        }
        return response.body(ran[0] ? fresh[0] : json.readTree(stored));
    }

    /** The ids an answer names at its top level ({@code id}, {@code …Id}, {@code …_id}) go into the audit row. */
    private void noteIds(JsonNode answer) {
        if (!answer.isObject()) {
            return;
        }
        int noted = 0;
        for (var field : answer.properties()) {
            String name = field.getKey();
            if (field.getValue().isValueNode() && !field.getValue().isNull() && noted < AUDIT_IDS_MAX
                    && (name.equals("id") || name.endsWith("Id") || name.endsWith("_id"))) {
                audit.note(name, field.getValue().asString());
                noted++;
            }
        }
    }
}

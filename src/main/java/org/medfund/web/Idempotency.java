package org.medfund.web;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.medfund.common.AuditLog;
import org.medfund.common.Fingerprint;
import org.medfund.common.Rejection;
import org.medfund.common.RequestLog;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.util.RawValue;

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
        RequestLog.Claim claim = claim(user, scope, key, request);
        boolean[] ran = {false};
        String stored;
        try {
            stored = requestLog.once(claim.scope(), claim.requestId(), claim.fingerprint(), () -> {
                ran[0] = true;
                String answer = json.writeValueAsString(command.get());
                noteIds(answer);
                return answer;
            });
        } catch (Rejection rejection) {
            if (!ran[0] && rejection.code().equals("request.id-reused")) {
                throw Rejection.conflict(rejection.code(), HEADER, rejection.getMessage());
            }
            throw rejection;
        }
        ResponseEntity<JsonNode> answer = answered(status, stored);
        return ran[0] ? answer : ResponseEntity.status(status).header(REPLAYED_HEADER, "true").body(answer.getBody());
    }

    /**
     * The request-log claim a call makes, its key checked as {@link #run} checks it: for a batch writer that books
     * the call in a transaction of its own ({@code DeskBatcher}); the scope is the one {@link #run} would use.
     */
    public RequestLog.Claim claim(MedfundUser user, String scope, String key, Object request) {
        if (key == null || key.isBlank()) {
            throw new Rejection(CODE_KEY_MISSING, HEADER, "状态变更请求必须带请求头 " + HEADER, 400);
        }
        if (key.length() > RequestLog.REQUEST_ID_LENGTH_MAX) {
            throw new Rejection("request.idempotency-key-invalid", HEADER,
                    HEADER + " 不能超过 " + RequestLog.REQUEST_ID_LENGTH_MAX + " 个字符", 400);
        }
        return new RequestLog.Claim(scope + "@" + user.actor().orgCode(), key,
                Fingerprint.of(user.actor().userId(), json.writeValueAsString(request)));
    }

    /** A fresh answer as {@link #run} stores it: the JSON, and the business ids it notes in the audit row. */
    public record Answer(String json, List<String> businessIds) {
    }

    /** Serialises a batch writer's fresh answer as {@link #run} would. */
    public Answer answer(Object result) {
        String answer = json.writeValueAsString(result);
        return new Answer(answer, businessIds(answer));
    }

    /**
     * The response to a fresh call, as stored: the text is written out as it is, never parsed and serialised again
     * (for the discharge desk's 5 KB answers, parsing it back alone was 9 % of a settlement's request-thread CPU).
     */
    public ResponseEntity<JsonNode> answered(HttpStatus status, String stored) {
        return ResponseEntity.status(status).body(json.getNodeFactory().rawValueNode(new RawValue(stored)));
    }

    private void noteIds(String answer) {
        for (String id : businessIds(answer)) {
            int eq = id.indexOf('=');
            audit.note(id.substring(0, eq), id.substring(eq + 1));
        }
    }

    /**
     * The ids an answer names at its top level ({@code id}, {@code …Id}, {@code …_id}) as {@code name=value}, at
     * most {@value #AUDIT_IDS_MAX}, for the audit row. Read with a streaming parser that skips nested values, so no
     * tree of the answer is built.
     */
    private List<String> businessIds(String answer) {
        List<String> ids = new ArrayList<>();
        try (JsonParser parser = json.createParser(answer)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return ids;
            }
            for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value.isStructStart()) {
                    parser.skipChildren();
                } else if (value != JsonToken.VALUE_NULL && ids.size() < AUDIT_IDS_MAX
                        && (name.equals("id") || name.endsWith("Id") || name.endsWith("_id"))) {
                    ids.add(name + "=" + parser.getString());
                }
            }
        }
        return ids;
    }
}

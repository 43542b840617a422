package org.medfund.common;

import java.util.Map;

/**
 * Expected bad input: a typed refusal with a stable code and the offending field. The web layer turns it into an
 * RFC 9457 problem, the CLI into a one-line message and a non-zero exit. A broken invariant is not a rejection:
 * that is a bug and throws {@link IllegalStateException}.
 */
public class Rejection extends RuntimeException {

    private final String code;
    private final String field;
    private final int status;

    public Rejection(String code, String field, String message) {
        this(code, field, message, 422);
    }

    public Rejection(String code, String field, String message, int status) {
        super(message);
        this.code = code;
        this.field = field;
        this.status = status;
    }

    public static Rejection notFound(String code, String field, String message) {
        return new Rejection(code, field, message, 404);
    }

    public static Rejection conflict(String code, String field, String message) {
        return new Rejection(code, field, message, 409);
    }

    public static Rejection forbidden(String code, String field, String message) {
        return new Rejection(code, field, message, 403);
    }

    /** Stable machine-readable code, e.g. {@code ledger.unbalanced}. */
    public String code() {
        return code;
    }

    /** The input field at fault, or null when the request as a whole is refused. */
    public String field() {
        return field;
    }

    /** HTTP status the API answers with. */
    public int status() {
        return status;
    }

    /**
     * What the problem document adds after its standard members, e.g. every bad line of a file refused whole
     * ({@code errors}); empty for a plain refusal.
     */
    public Map<String, Object> problemMembers() {
        return Map.of();
    }
}

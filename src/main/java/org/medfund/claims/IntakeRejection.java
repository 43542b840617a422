package org.medfund.claims;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfund.common.Rejection;

/** A batch or file refused whole: every bad row and field is listed, nothing of it was written. */
public class IntakeRejection extends Rejection {

    /** Errors kept in the report; a file with more bad rows than this says how many there were in total. */
    public static final int ERRORS_REPORTED_MAX = 10_000;

    private final transient List<RowError> errors;
    private final long errorCount;

    public IntakeRejection(List<RowError> errors, long errorCount) {
        super(errors.size() == 1 ? errors.get(0).code() : "claims.batch-rejected",
                errors.size() == 1 ? errors.get(0).field() : null,
                "结算数据有 " + errorCount + " 处错误，整批未写入；第一处：第 " + errors.get(0).row() + " 行 "
                        + errors.get(0).field() + "：" + errors.get(0).message(),
                errors.stream().allMatch(e -> e.code().equals("claims.setl-id-conflict")) ? 409 : 422);
        this.errors = List.copyOf(errors);
        this.errorCount = errorCount;
    }

    public List<RowError> errors() {
        return errors;
    }

    public long errorCount() {
        return errorCount;
    }

    /** How many rows were bad ({@code errorCount}) and the ones kept, each with its row, setl_id, field and code. */
    @Override
    public Map<String, Object> problemMembers() {
        Map<String, Object> members = new LinkedHashMap<>();
        members.put("errorCount", errorCount);
        members.put("errors", errors.stream().map(IntakeRejection::member).toList());
        return members;
    }

    private static Map<String, Object> member(RowError e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("row", e.row());
        m.put("setl_id", e.setlId());
        m.put("field", e.field());
        m.put("code", e.code());
        m.put("detail", e.message());
        return m;
    }
}

package org.medfund.crossregion;

import java.util.List;
import java.util.Map;
import org.medfund.common.Rejection;

/** A 3261 answer file refused as a whole (all-or-nothing), with every bad line named. */
public class ClearingFileRejection extends Rejection {

    private final List<CrossRegionClearing.LineError> errors;

    public ClearingFileRejection(List<CrossRegionClearing.LineError> errors) {
        super("crossregion.clearing-file-invalid", "file", "清分确认文件有 " + errors.size() + " 处错误，未确认任何明细："
                + errors.get(0).line() + " 行 " + errors.get(0).field() + "：" + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<CrossRegionClearing.LineError> errors() {
        return errors;
    }

    /** Every bad line, under {@code errors}. */
    @Override
    public Map<String, Object> problemMembers() {
        return Map.of("errors", errors);
    }
}

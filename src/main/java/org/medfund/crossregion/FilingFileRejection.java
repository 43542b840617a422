package org.medfund.crossregion;

import java.util.List;
import java.util.Map;
import org.medfund.common.Rejection;

/** A filing exchange file refused as a whole (all-or-nothing), with every bad line named. */
public class FilingFileRejection extends Rejection {

    /** One bad line: 1-based line number of the file, the column at fault and a Chinese message. */
    public record LineError(int line, String field, String message) {
    }

    private final List<LineError> errors;

    public FilingFileRejection(List<LineError> errors) {
        super("crossregion.filing-file-invalid", "file", "备案文件有 " + errors.size() + " 处错误，未导入任何记录："
                + errors.get(0).line() + " 行 " + errors.get(0).field() + "：" + errors.get(0).message());
        this.errors = List.copyOf(errors);
    }

    public List<LineError> errors() {
        return errors;
    }

    /** Every bad line, under {@code errors}. */
    @Override
    public Map<String, Object> problemMembers() {
        return Map.of("errors", errors);
    }
}

package org.medfund.crossregion.internal;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.medfund.common.Rejection;
import org.medfund.crossregion.CrossRegionClearing.Answer;
import org.medfund.crossregion.CrossRegionClearing.Detail;
import org.medfund.crossregion.CrossRegionClearing.LineError;

/**
 * The clearing exchange files in the national field spelling (docs/crossregion-messages.md): the 3260 export, one
 * detail a line with the answer given so far in {@code cnfm_flag}, and the 3261 import, the same layout (or any
 * layout with at least {@code setl_sn} and {@code cnfm_flag}) read by its header. UTF-8 CSV, no quoting (no field
 * holds a comma), amounts in yuan with two decimals, times {@code yyyy-MM-dd HH:mm:ss}.
 */
final class ClearingFile {

    static final List<String> COLUMNS = List.of("seqno", "mdtrtarea", "medins_no", "certno", "mdtrt_id",
            "mdtrt_setl_time", "setl_sn", "fulamt_advpay_flag", "medfee_sumamt", "optins_pay_sumamt", "cnfm_flag");
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    /** A file larger than this is refused unread: a 3261 call carries at most 100 rows. */
    static final int LINES_MAX = 1_000;

    private ClearingFile() {
    }

    record Parsed(List<Answer> rows, List<LineError> errors) {
    }

    static String write(List<Detail> details) {
        StringBuilder text = new StringBuilder(String.join(",", COLUMNS)).append('\n');
        for (Detail d : details) {
            text.append(String.join(",", String.valueOf(d.seqno()), d.mdtrtarea(), d.medinsNo(), d.certno(),
                    d.mdtrtId(), d.mdtrtSetlTime().format(TIME), d.setlSn(), d.fulamtAdvpayFlag(),
                    d.medfeeSumamt().toPlainYuan(), d.optinsPaySumamt().toPlainYuan(),
                    d.cnfmFlag() == null ? "" : d.cnfmFlag())).append('\n');
        }
        return text.toString();
    }

    /** Reads the answers by the header's column names; every line's errors are collected, none is skipped. */
    static Parsed parse(String text) {
        if (text == null || text.isBlank()) {
            throw new Rejection("crossregion.clearing-file-empty", "file", "清分确认文件为空");
        }
        String[] lines = text.strip().replace("\r\n", "\n").split("\n");
        if (lines.length > LINES_MAX) {
            throw new Rejection("crossregion.clearing-file-too-long", "file", "清分确认文件超过 " + LINES_MAX + " 行");
        }
        List<String> header = List.of(lines[0].strip().replace("\uFEFF", "").split(",", -1));
        int setlSn = header.indexOf("setl_sn");
        int flag = header.indexOf("cnfm_flag");
        int mdtrtId = header.indexOf("mdtrt_id");
        List<LineError> errors = new ArrayList<>();
        if (setlSn < 0 || flag < 0) {
            errors.add(new LineError(1, "header", "表头须包含 setl_sn 和 cnfm_flag 两列"));
            return new Parsed(List.of(), errors);
        }
        List<Answer> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            if (cells.length != header.size()) {
                errors.add(new LineError(i + 1, "line", "应有 " + header.size() + " 列，实有 " + cells.length + " 列"));
                continue;
            }
            rows.add(new Answer(mdtrtId < 0 ? null : cells[mdtrtId].strip(), cells[setlSn].strip(),
                    cells[flag].strip()));
        }
        if (rows.isEmpty() && errors.isEmpty()) {
            errors.add(new LineError(1, "file", "文件只有表头，没有清分确认"));
        }
        return new Parsed(rows, errors);
    }
}

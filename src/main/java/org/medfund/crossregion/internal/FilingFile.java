package org.medfund.crossregion.internal;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medfund.common.Rejection;
import org.medfund.crossregion.Filing;
import org.medfund.crossregion.FilingDraft;
import org.medfund.crossregion.FilingFileRejection;
import org.medfund.crossregion.FilingFileRejection.LineError;
import org.medfund.crossregion.FilingSource;
import org.medfund.crossregion.FilingType;
import org.medfund.registry.Region;
import org.medfund.registry.Registry;

/**
 * The filing exchange file (guizhou-2017 三(一): 参保地经办机构 → 省级经办机构 → 部级经办机构, and back to the treatment
 * side): UTF-8 CSV, one header line of {@link #COLUMNS}, one filing a line, dates ISO, an empty {@code valid_to}
 * for open-ended filings. Fields never contain commas (checked on write), so no quoting is needed. The layout is in
 * docs/crossregion.md.
 */
final class FilingFile {

    static final List<String> COLUMNS = List.of("filing_id", "card_no", "person_name", "insured_region", "insutype",
            "filing_type", "target_region", "valid_from", "valid_to", "filed_by");
    static final String HEADER = String.join(",", COLUMNS);
    /** Errors reported per refused file; the rest are counted. */
    static final int ERRORS_REPORTED_MAX = 100;

    private final Registry registry;

    FilingFile(Registry registry) {
        this.registry = registry;
    }

    record Row(int line, Filing filing) {
    }

    String write(List<Filing> filings) {
        StringBuilder text = new StringBuilder(HEADER).append('\n');
        for (Filing f : filings) {
            String line = String.join(",", f.id(), f.cardNo(), f.personName(), f.insuredRegionCode(),
                    f.insuranceType(), f.type().name(), f.targetRegionCode(), f.validFrom().toString(),
                    f.validTo() == null ? "" : f.validTo().toString(), f.filedByOrgCode());
            if (line.split(",", -1).length != COLUMNS.size()) {
                throw new IllegalStateException("filing " + f.id() + " has a comma in a field");
            }
            text.append(line).append('\n');
        }
        return text.toString();
    }

    /** Every line checked; any error refuses the whole file with all errors named by line. */
    List<Row> read(String text, int linesMax) {
        if (text == null || text.isBlank()) {
            throw new Rejection("crossregion.filing-file-empty", "file", "备案文件为空");
        }
        String[] lines = text.strip().replace("\r\n", "\n").split("\n");
        if (!lines[0].strip().replace("\uFEFF", "").equals(HEADER)) {
            throw new FilingFileRejection(List.of(new LineError(1, "header", "表头应为 " + HEADER)));
        }
        if (lines.length - 1 > linesMax) {
            throw new Rejection("crossregion.filing-file-too-large", "file", "备案文件至多 " + linesMax + " 行，请分批导入");
        }
        List<Row> rows = new ArrayList<>();
        List<LineError> errors = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            int lineNo = i + 1;
            String[] v = lines[i].split(",", -1);
            if (v.length != COLUMNS.size()) {
                errors.add(new LineError(lineNo, "line", "应有 " + COLUMNS.size() + " 列，实有 " + v.length + " 列"));
                continue;
            }
            Optional<FilingType> type = parseType(v[5]);
            LocalDate from = parseDate(v[7]);
            LocalDate to = v[8].isBlank() ? null : parseDate(v[8]);
            if (type.isEmpty()) {
                errors.add(new LineError(lineNo, "filing_type", "未知备案类型 " + v[5]));
            } else if (from == null || !v[8].isBlank() && to == null) {
                errors.add(new LineError(lineNo, from == null ? "valid_from" : "valid_to", "日期应为 YYYY-MM-DD"));
            } else if (v[0].isBlank() || v[0].length() > 40) {
                errors.add(new LineError(lineNo, "filing_id", "备案编号应为 1 至 40 个字符"));
            } else if (v[9].isBlank() || registry.org(v[9]).isEmpty()) {
                errors.add(new LineError(lineNo, "filed_by", "未知备案机构 " + v[9]));
            } else {
                FilingDraft draft = new FilingDraft(v[1], v[2], v[3], v[4], type.get(), v[6], from, to);
                Optional<LineError> error = check(draft).map(e -> new LineError(lineNo, e.field(), e.message()));
                if (error.isPresent()) {
                    errors.add(error.get());
                } else {
                    rows.add(new Row(lineNo, new Filing(v[0], v[1], v[2], v[3], v[4], type.get(), v[6], from, to,
                            v[9], FilingSource.IMPORTED)));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new FilingFileRejection(errors.subList(0, Math.min(errors.size(), ERRORS_REPORTED_MAX)));
        }
        return rows;
    }

    /** The checks a filing passes whether entered or imported; the field names are the file's columns. */
    Optional<LineError> check(FilingDraft d) {
        if (d.cardNo() == null || !JdbcCrossRegion.CARD_NO.matcher(d.cardNo()).matches()) {
            return error("card_no", "社会保障卡号应为 1 至 30 位数字或字母");
        }
        if (d.personName() == null || d.personName().isBlank() || d.personName().length() > JdbcCrossRegion.NAME_LENGTH_MAX
                || d.personName().contains(",")) {
            return error("person_name", "姓名应为 1 至 " + JdbcCrossRegion.NAME_LENGTH_MAX + " 个字符，不含逗号");
        }
        Optional<Region> insured = registry.region(d.insuredRegionCode() == null ? "" : d.insuredRegionCode());
        if (insured.isEmpty()) {
            return error("insured_region", "未知参保地统筹区 " + d.insuredRegionCode());
        }
        if (d.insuranceType() == null || registry.insuranceType(d.insuranceType()).isEmpty()) {
            return error("insutype", "未知险种 " + d.insuranceType());
        }
        if (d.type() == null) {
            return error("filing_type", "请选择备案类型");
        }
        Optional<Region> target = registry.region(d.targetRegionCode() == null ? "" : d.targetRegionCode());
        if (target.isEmpty()) {
            return error("target_region", "未知就医地 " + d.targetRegionCode());
        }
        boolean inside = registry.lineage(insured.get().code()).stream().anyMatch(r -> r.code().equals(target.get().code()))
                || registry.lineage(target.get().code()).stream().anyMatch(r -> r.code().equals(insured.get().code()));
        if (inside) {
            return error("target_region", "就医地须在参保地 " + insured.get().name() + " 以外");
        }
        if (d.validFrom() == null) {
            return error("valid_from", "请填写备案生效日期");
        }
        if (d.validTo() != null && d.validTo().isBefore(d.validFrom())) {
            return error("valid_to", "备案截止日期不能早于生效日期");
        }
        return Optional.empty();
    }

    private static Optional<LineError> error(String field, String message) {
        return Optional.of(new LineError(0, field, message));
    }

    private static Optional<FilingType> parseType(String text) {
        for (FilingType type : FilingType.values()) {
            if (type.name().equals(text) || type.label().equals(text)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    private static LocalDate parseDate(String text) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}

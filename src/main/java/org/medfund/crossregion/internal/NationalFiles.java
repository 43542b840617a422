package org.medfund.crossregion.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.NationalDirection;
import org.medfund.crossregion.NationalFileKind;
import org.medfund.crossregion.NationalFileRejection;
import org.medfund.crossregion.NationalFileRejection.LineError;
import org.medfund.crossregion.NationalImport;
import org.medfund.registry.Region;
import org.medfund.registry.RegionLevel;
import org.medfund.registry.Registry;

/**
 * The national platform's files (guizhou-2017 附件一 二(一)1, 三(一)) read as UTF-8 CSV or xlsx (first sheet), one
 * header row of the kind's columns, then one line a row. Every row is checked and any error refuses the whole file,
 * each bad row named by the line number an editor or Excel shows (header = 1). Layouts:
 * docs/crossregion-national-files.md.
 */
final class NationalFiles {

    static final List<String> SHEET_COLUMNS = List.of("year", "province_code", "province_name", "pay_amount",
            "receive_amount");
    static final List<String> NOTICE_COLUMNS = List.of("notice_no", "year", "province_code", "province_name",
            "pay_amount", "receive_amount");
    /** The 3260 提取异地清分明细 field names, with the message header's two region fields on every row. */
    static final List<String> CLEARING_COLUMNS = List.of("trt_year", "trt_month", "seqno", "mdtrtarea_admvs",
            "insuplc_admdvs", "medins_no", "certno", "mdtrt_id", "mdtrt_setl_time", "setl_sn", "fulamt_advpay_flag",
            "medfee_sumamt", "optins_pay_sumamt");
    /**
     * The same with the visit's insurance type (险种, 310 / 390) last: the money of henan-2023 is cleared per type
     * (一(二) resident reserve, 一(三) employee remittance), so its province's files must carry it.
     */
    static final List<String> TYPED_CLEARING_COLUMNS = java.util.stream.Stream.concat(CLEARING_COLUMNS.stream(),
            java.util.stream.Stream.of("insutype")).toList();
    /** The insurance types a typed clearing row may carry: the two funds with cross-region money. */
    static final Set<String> CLEARED_TYPES = Set.of("310", "390");
    /** A file is one month of one province's settlements with the nation or one sheet of at most every province. */
    static final int ROWS_MAX = 200_000;
    static final int PROVINCE_ROWS_MAX = 100;
    static final long FILE_BYTES_MAX = 40_000_000;
    static final int ERRORS_REPORTED_MAX = 100;
    static final int TEXT_LENGTH_MAX = 40;
    static final int NAME_LENGTH_MAX = 60;

    private final Registry registry;

    NationalFiles(Registry registry) {
        this.registry = registry;
    }

    /** A checked sheet or notice: its subject (the year, or the notice number) and lines. */
    record PrepaymentFile(String subject, int year, List<NationalImport.PrepaymentLine> lines) {
    }

    /** A checked clearing detail: the month and its rows. */
    record ClearingFile(YearMonth month, List<DocumentStore.ClearingRow> rows) {
    }

    static List<String> columns(NationalFileKind kind) {
        return switch (kind) {
            case PREPAYMENT_SHEET -> SHEET_COLUMNS;
            case FIRST_NOTICE, ADJUSTMENT_NOTICE -> NOTICE_COLUMNS;
            case CLEARING_DETAIL -> CLEARING_COLUMNS;
        };
    }

    /** A file's header and its rows after the header. */
    record Table(List<String> header, List<Line> rows) {
        boolean typed() {
            return header.equals(TYPED_CLEARING_COLUMNS);
        }
    }

    /** The file's header and rows, each with its line number; a file of another type is refused. */
    static Table table(byte[] content, NationalFileKind kind) {
        if (content == null || content.length == 0) {
            throw new Rejection("crossregion.national-file-empty", "file", kind.label() + "文件为空");
        }
        if (content.length > FILE_BYTES_MAX) {
            throw new Rejection("crossregion.national-file-too-large", "file", kind.label() + "文件超过 "
                    + FILE_BYTES_MAX / 1_000_000 + " MB", 413);
        }
        List<Line> lines = isZip(content) ? xlsx(content, kind) : csv(content, kind);
        if (lines.isEmpty()) {
            throw new Rejection("crossregion.national-file-empty", "file", kind.label() + "文件为空");
        }
        List<String> header = lines.get(0).cells().stream().map(c -> c.replace("\uFEFF", "").strip()).toList();
        boolean typed = kind == NationalFileKind.CLEARING_DETAIL && header.equals(TYPED_CLEARING_COLUMNS);
        if (!header.equals(columns(kind)) && !typed) {
            throw new NationalFileRejection(kind, List.of(new LineError(1, "header", "表头应为 "
                    + String.join(",", columns(kind)))));
        }
        int max = kind == NationalFileKind.CLEARING_DETAIL ? ROWS_MAX : PROVINCE_ROWS_MAX;
        if (lines.size() - 1 > max) {
            throw new Rejection("crossregion.national-file-too-large", "file", kind.label() + "至多 " + max + " 行");
        }
        if (lines.size() == 1) {
            throw new Rejection("crossregion.national-file-empty", "file", kind.label() + "文件只有表头，没有数据行");
        }
        return new Table(header, lines.subList(1, lines.size()));
    }

    /** One row of the file: its line number as shown to the user and its cells. */
    record Line(int number, List<String> cells) {
    }

    PrepaymentFile prepayment(List<Line> rows, NationalFileKind kind, String province) {
        boolean notice = kind.notice();
        int offset = notice ? 1 : 0;
        List<LineError> errors = new ArrayList<>();
        List<NationalImport.PrepaymentLine> lines = new ArrayList<>();
        Set<String> provinces = new HashSet<>();
        String subject = null;
        Integer year = null;
        for (Line row : rows) {
            List<String> v = row.cells();
            int n = row.number();
            if (v.size() != columns(kind).size()) {
                errors.add(new LineError(n, "line", "应有 " + columns(kind).size() + " 列，实有 " + v.size() + " 列"));
                continue;
            }
            int before = errors.size();
            if (notice) {
                String no = v.get(0);
                if (no.isEmpty() || no.length() > TEXT_LENGTH_MAX) {
                    errors.add(new LineError(n, "notice_no", "通知书编号应为 1 至 " + TEXT_LENGTH_MAX + " 个字符"));
                } else if (subject != null && !subject.equals(no)) {
                    errors.add(new LineError(n, "notice_no", "一个文件只能是一份通知书（首行为 " + subject + "）"));
                } else {
                    subject = no;
                }
            }
            Integer y = integer(v.get(offset));
            if (y == null || y < JdbcQuotas.YEAR_MIN || y > JdbcQuotas.YEAR_MAX) {
                errors.add(new LineError(n, "year", "年度应为 " + JdbcQuotas.YEAR_MIN + " 至 " + JdbcQuotas.YEAR_MAX
                        + " 的四位数字"));
            } else if (year != null && !year.equals(y)) {
                errors.add(new LineError(n, "year", "一个文件只能是一个年度（首行为 " + year + "）"));
            } else {
                year = y;
            }
            String code = v.get(offset + 1);
            if (!code.matches("\\d{2}0000")) {
                errors.add(new LineError(n, "province_code", "省份编码应为 6 位数字、以 0000 结尾：" + code));
            } else if (code.equals(province)) {
                errors.add(new LineError(n, "province_code", "对方省份不能是本省"));
            } else if (!provinces.add(code)) {
                errors.add(new LineError(n, "province_code", "省份 " + code + " 重复"));
            }
            String name = v.get(offset + 2);
            if (name.isEmpty() || name.length() > NAME_LENGTH_MAX) {
                errors.add(new LineError(n, "province_name", "省份名称应为 1 至 " + NAME_LENGTH_MAX + " 个字符"));
            }
            Money pay = amount(v.get(offset + 3), n, "pay_amount", errors);
            Money receive = amount(v.get(offset + 4), n, "receive_amount", errors);
            if (errors.size() == before) {
                lines.add(new NationalImport.PrepaymentLine(lines.size() + 1, code,
                        registry.region(code).map(Region::name).orElse(name), pay, receive));
            }
        }
        refuseIfAny(kind, errors);
        return new PrepaymentFile(notice ? subject : String.valueOf(year), year, lines);
    }

    /**
     * A clearing detail; {@code typeRequired} when the province's money is per insurance type (its file must have the
     * {@code insutype} column and a 310 or 390 on every row).
     */
    ClearingFile clearing(Table table, String province, boolean typeRequired) {
        List<Line> rows = table.rows();
        int width = table.header().size();
        List<LineError> errors = new ArrayList<>();
        if (typeRequired && !table.typed()) {
            refuseIfAny(NationalFileKind.CLEARING_DETAIL, List.of(new LineError(1, "header", "本省跨省清算资金按险种划拨，"
                    + "表头应为 " + String.join(",", TYPED_CLEARING_COLUMNS))));
        }
        List<DocumentStore.ClearingRow> out = new ArrayList<>();
        Set<String> seqnos = new HashSet<>();
        Set<String> settlements = new HashSet<>();
        YearMonth month = null;
        for (Line row : rows) {
            List<String> v = row.cells();
            int n = row.number();
            if (v.size() != width) {
                errors.add(new LineError(n, "line", "应有 " + width + " 列，实有 " + v.size() + " 列"));
                continue;
            }
            String type = table.typed() ? v.get(13) : null;
            if (type != null && !CLEARED_TYPES.contains(type)) {
                errors.add(new LineError(n, "insutype", "险种应为 310（职工基本医疗保险）或 390（城乡居民基本医疗保险）："
                        + type));
            }
            int before = errors.size();
            Integer y = integer(v.get(0));
            Integer m = integer(v.get(1));
            YearMonth rowMonth = null;
            if (y == null || y < JdbcQuotas.YEAR_MIN || y > JdbcQuotas.YEAR_MAX) {
                errors.add(new LineError(n, "trt_year", "清分年度应为四位数字"));
            } else if (m == null || m < 1 || m > 12) {
                errors.add(new LineError(n, "trt_month", "清分月份应为 1 至 12"));
            } else {
                rowMonth = YearMonth.of(y, m);
                if (month != null && !month.equals(rowMonth)) {
                    errors.add(new LineError(n, "trt_month", "一个文件只能是一个月（首行为 " + month + "）"));
                } else {
                    month = rowMonth;
                }
            }
            Integer seqno = integer(v.get(2));
            if (seqno == null || seqno < 1) {
                errors.add(new LineError(n, "seqno", "序号应为正整数"));
            } else if (!seqnos.add(v.get(2))) {
                errors.add(new LineError(n, "seqno", "序号 " + v.get(2) + " 重复"));
            }
            Optional<Region> treatment = region(v.get(3), n, "mdtrtarea_admvs", "就医地", errors);
            Optional<Region> insured = region(v.get(4), n, "insuplc_admdvs", "参保地", errors);
            NationalDirection direction = null;
            String city = null;
            if (treatment.isPresent() && insured.isPresent()) {
                boolean treatedHere = v.get(3).startsWith(province.substring(0, 2));
                boolean insuredHere = v.get(4).startsWith(province.substring(0, 2));
                if (treatedHere == insuredHere) {
                    errors.add(new LineError(n, "insuplc_admdvs", "就医地与参保地须一个在本省、一个在外省"));
                } else {
                    direction = insuredHere ? NationalDirection.OUTBOUND : NationalDirection.INBOUND;
                    city = cityOf(insuredHere ? insured.get() : treatment.get());
                    if (city == null) {
                        errors.add(new LineError(n, insuredHere ? "insuplc_admdvs" : "mdtrtarea_admvs",
                                "统筹区 " + (insuredHere ? v.get(4) : v.get(3)) + " 不属于本省的市（州）"));
                    }
                }
            }
            for (int c : new int[] {5, 6, 7, 9}) {
                if (v.get(c).isEmpty() || v.get(c).length() > TEXT_LENGTH_MAX) {
                    errors.add(new LineError(n, CLEARING_COLUMNS.get(c), "应为 1 至 " + TEXT_LENGTH_MAX + " 个字符"));
                }
            }
            if (!v.get(9).isEmpty() && !settlements.add(v.get(9))) {
                errors.add(new LineError(n, "setl_sn", "结算流水号 " + v.get(9) + " 重复"));
            }
            LocalDate settled = date(v.get(8));
            if (settled == null) {
                errors.add(new LineError(n, "mdtrt_setl_time", "结算时间应为 YYYY-MM-DD 或 YYYY-MM-DD HH:MM:SS"));
            } else if (rowMonth != null && !YearMonth.from(settled).equals(rowMonth)) {
                errors.add(new LineError(n, "mdtrt_setl_time", "结算时间不在清分月份 " + rowMonth + " 内"));
            }
            if (!v.get(10).equals("0") && !v.get(10).equals("1")) {
                errors.add(new LineError(n, "fulamt_advpay_flag", "全额垫付标志应为 0 或 1"));
            }
            Money fee = amount(v.get(11), n, "medfee_sumamt", errors);
            Money fund = amount(v.get(12), n, "optins_pay_sumamt", errors);
            if (fee != null && fund != null && fund.compareTo(fee) > 0) {
                errors.add(new LineError(n, "optins_pay_sumamt", "基金支付不能大于医疗费总额"));
            }
            if (errors.size() == before) {
                out.add(new DocumentStore.ClearingRow(n, rowMonth, direction, city, v.get(3), v.get(4), v.get(5),
                        v.get(6), v.get(7), v.get(9), settled, fee, fund, type));
            }
        }
        refuseIfAny(NationalFileKind.CLEARING_DETAIL, errors);
        return new ClearingFile(month, out);
    }

    private Optional<Region> region(String code, int n, String field, String what, List<LineError> errors) {
        if (!code.matches("\\d{6}")) {
            errors.add(new LineError(n, field, what + "区划应为 6 位数字：" + code));
            return Optional.empty();
        }
        // Another province's pooling regions need not be in the registry: its code is enough. Our own side must be
        // registered, which the city lookup checks.
        return Optional.of(registry.region(code).orElse(new Region(code, code, RegionLevel.COUNTY, null)));
    }

    /** The city (市州) a registered region belongs to; null when the region is not a registered city or below. */
    private String cityOf(Region region) {
        if (registry.region(region.code()).isEmpty()) {
            return null;
        }
        return registry.lineage(region.code()).stream().filter(r -> r.level() == RegionLevel.CITY)
                .map(Region::code).findFirst().orElse(null);
    }

    private static void refuseIfAny(NationalFileKind kind, List<LineError> errors) {
        if (!errors.isEmpty()) {
            throw new NationalFileRejection(kind, errors.subList(0, Math.min(errors.size(), ERRORS_REPORTED_MAX)));
        }
    }

    private static Money amount(String text, int n, String field, List<LineError> errors) {
        if (!text.matches("\\d{1,13}(\\.\\d{1,2})?")) {
            errors.add(new LineError(n, field, "金额应为不小于 0 的元，至多两位小数：" + text));
            return null;
        }
        return Money.ofYuan(text);
    }

    private static Integer integer(String text) {
        return text.matches("\\d{1,9}") ? Integer.valueOf(text) : null;
    }

    private static LocalDate date(String text) {
        try {
            return LocalDate.parse(text.length() > 10 && text.charAt(10) == ' ' ? text.substring(0, 10) : text);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static boolean isZip(byte[] content) {
        return content.length >= 4 && content[0] == 'P' && content[1] == 'K' && content[2] == 3 && content[3] == 4;
    }

    private static List<Line> csv(byte[] content, NationalFileKind kind) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(content)).toString();
        } catch (CharacterCodingException e) {
            throw notATable(kind);
        }
        if (text.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw notATable(kind);
        }
        List<Line> lines = new ArrayList<>();
        String[] raw = text.replace("\r\n", "\n").split("\n", -1);
        for (int i = 0; i < raw.length; i++) {
            if (raw[i].isBlank()) {
                continue;
            }
            // Fields never hold commas (codes, names, amounts), so no quoting is needed; quotes are dropped.
            List<String> cells = new ArrayList<>();
            for (String cell : raw[i].split(",", -1)) {
                cells.add(cell.strip().replace("\"", ""));
            }
            lines.add(new Line(i + 1, cells));
        }
        return lines;
    }

    private static List<Line> xlsx(byte[] content, NationalFileKind kind) {
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = book.getSheetAt(0);
            DataFormatter format = new DataFormatter();
            List<Line> lines = new ArrayList<>();
            int width = columns(kind).size();
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                int last = Math.max(row.getLastCellNum(), 0);
                for (int c = 0; c < Math.max(last, width); c++) {
                    Cell cell = row.getCell(c);
                    cells.add(cell == null ? "" : format.formatCellValue(cell).strip());
                }
                while (cells.size() > width && cells.get(cells.size() - 1).isEmpty()) {
                    cells.remove(cells.size() - 1);
                }
                if (cells.stream().allMatch(String::isEmpty)) {
                    continue;
                }
                lines.add(new Line(row.getRowNum() + 1, cells));
                if (lines.size() > ROWS_MAX + 1) {
                    break;
                }
            }
            return lines;
        } catch (IOException | RuntimeException e) {
            throw notATable(kind);
        }
    }

    private static Rejection notATable(NationalFileKind kind) {
        return new Rejection("crossregion.national-file-type", "file", kind.label() + "应为 CSV（UTF-8）或 xlsx 文件");
    }
}

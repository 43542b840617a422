package org.medfund.cli.settlement;

import org.medfund.cli.CliRun;
import org.medfund.cli.OneLineErrors;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tag;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.BeforeProperty;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.medfund.DatabaseSnapshot;
import org.medfund.DatabaseTest;
import org.medfund.claims.IntakeFixtures;
import org.medfund.claims.SettlementFields;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.TestContextManager;

/**
 * Issue 11, "bad input, generated", for the file imports: {@code medfund import settlements FILE} gets settlement
 * files in the national layout (CSV and xlsx, header of {@link SettlementFields}) made bad in one way each — bytes
 * that are not UTF-8, NUL bytes, a UTF-16 byte order mark, unknown or missing columns, extra fields, an open quote,
 * empty files, a truncated row, noise, bad amounts (letters, negative, too large), impossible times, wrong codes,
 * missing required values, another hospital's rows, the wrong file type, an xlsx that is no zip or is cut short,
 * date, boolean, formula and error cells where text or amounts belong. Every run must end with exit code 2 and one
 * line on stderr naming the problem, and the database must be unchanged. {@value #TRIES_DEFAULT} tries by default,
 * {@code -Dmedfund.fuzz.file-tries=N} for more.
 */
@Tag("db")
class ImportFuzzProperties {

    static final int TRIES_DEFAULT = 80;
    static final String TRIES_PROPERTY = "medfund.fuzz.file-tries";
    private static final String HOSPITAL = IntakeFixtures.PDS_HOSPITAL;

    @DatabaseTest
    static class SharedContext {
    }

    private static ApplicationContext context() {
        try {
            return new TestContextManager(SharedContext.class).getTestContext().getApplicationContext();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    enum Bad {
        INVALID_UTF8, NUL_BYTE, UTF16_BOM, UNKNOWN_COLUMN, NO_SETL_ID_COLUMN, EXTRA_FIELDS, OPEN_QUOTE, EMPTY_FILE,
        HEADER_ONLY, TRUNCATED_ROW, NOISE, LETTERS_IN_AMOUNT, NEGATIVE_AMOUNT, HUGE_AMOUNT, BAD_TIME, WRONG_CODE,
        MISSING_VALUE, OTHER_HOSPITAL, WRONG_FILE_TYPE, XLSX_NOT_A_ZIP, XLSX_CUT_SHORT, XLSX_DATE_CELL_AMOUNT,
        XLSX_BOOLEAN_CELL, XLSX_FORMULA_CELL, XLSX_ERROR_CELL, XLSX_EMPTY_WORKBOOK
    }

    record BadFile(Bad bad, long seed) {
    }

    static final class Tries implements AroundPropertyHook {
        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            context.attributes().setTries(Integer.getInteger(TRIES_PROPERTY, TRIES_DEFAULT));
            return property.execute();
        }
    }

    private static DatabaseSnapshot before;
    private static final Map<Bad, Long> tried = new EnumMap<>(Bad.class);

    @BeforeProperty
    void start() {
        before = DatabaseSnapshot.take(context());
        tried.clear();
    }

    @AfterProperty
    void finish() {
        assertThat(DatabaseSnapshot.take(context()).differences(before)).as("database changed by refused files")
                .isEmpty();
        System.out.println("import fuzz: " + tried.values().stream().mapToLong(Long::longValue).sum()
                + " bad settlement files, every one refused with exit code 2 and one line on stderr; database"
                + " unchanged; by kind " + tried);
    }

    @Provide
    Arbitrary<BadFile> badFiles() {
        return Combinators.combine(Arbitraries.of(Bad.values()), Arbitraries.longs()).as(BadFile::new);
    }

    @Property(shrinking = ShrinkingMode.OFF, edgeCases = EdgeCasesMode.NONE)
    @AddLifecycleHook(Tries.class)
    void everyBadFileIsRefused(@ForAll("badFiles") BadFile bad) throws Exception {
        Random random = new Random(bad.seed());
        Path dir = Files.createTempDirectory("import-fuzz");
        Path file = write(dir, bad.bad(), random);
        CliRun run = CliRun.of(context(), "import", "settlements", file.toString(), "--org", HOSPITAL);
        String what = bad.bad() + " (" + file.getFileName() + "): exit " + run.exitCode() + ", stderr " + run.err()
                + ", stdout " + run.out();
        assertThat(run.exitCode()).as(what).isEqualTo(OneLineErrors.EXIT_BAD_INPUT);
        assertThat(run.err().strip().lines().toList()).as(what).singleElement()
                .satisfies(line -> assertThat(line).startsWith("错误"));
        assertThat(run.err() + run.out()).as(what).doesNotContain("Exception", "\tat ");
        synchronized (tried) {
            tried.merge(bad.bad(), 1L, Long::sum);
        }
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }

    /** Two good rows of the hospital, unique to this try. */
    private static List<Map<String, String>> rows() {
        List<Map<String, String>> rows = new ArrayList<>();
        rows.add(IntakeFixtures.row(IntakeFixtures.id("IF"), HOSPITAL, "310", "2026-10-05 09:00:00", "100.00", "60.00",
                "60.00", "10.00"));
        rows.add(IntakeFixtures.row(IntakeFixtures.id("IF"), HOSPITAL, "390", "2026-10-06 09:00:00", "80.00", "50.00",
                "50.00", "0.00"));
        return rows;
    }

    private static Path write(Path dir, Bad bad, Random random) throws IOException {
        List<Map<String, String>> rows = rows();
        Map<String, String> row = rows.get(random.nextInt(rows.size()));
        // Any column but the two optional last ones, where an open quote or a cut could leave a valid row.
        String field = SettlementFields.ALL.get(random.nextInt(SettlementFields.ALL.size() - 2));
        String amount = SettlementFields.AMOUNTS.get(random.nextInt(SettlementFields.AMOUNTS.size()));
        switch (bad) {
            case LETTERS_IN_AMOUNT -> row.put(amount, one(random, "12.3a", "abc", "1,00", "¥100", "1.234"));
            case NEGATIVE_AMOUNT -> row.put(amount, "-" + row.get(amount));
            case HUGE_AMOUNT -> row.put(amount, one(random, "99999999999.99", "1e30", "100000000000"));
            case BAD_TIME -> row.put("setl_time", one(random, "2026-02-30 10:00:00", "2026-10-05", "昨天",
                    "2026-10-05 25:61:00", "1999-12-31 10:00:00"));
            case WRONG_CODE -> row.put(one(random, "insutype", "clr_optins", "mdtrtarea_admvs", "insuplc_admdvs",
                    "pay_loc", "fixmedins_code", "clr_type"), one(random, "' or 1=1 --", "ZZZZ", "9999999"));
            case MISSING_VALUE -> row.put(one(random, "setl_id", "mdtrt_id", "psn_no", "insutype", "setl_time",
                    "medfee_sumamt", "fund_pay_sumamt", "clr_optins"), "");
            case OTHER_HOSPITAL -> row.put("fixmedins_code", IntakeFixtures.BAOFENG_HOSPITAL);
            default -> {
            }
        }
        if (bad.name().startsWith("XLSX_")) {
            return xlsx(dir, bad, rows, random);
        }
        byte[] csv = csv(rows, bad, random, field);
        String name = bad == Bad.WRONG_FILE_TYPE ? one(random, "settlements.txt", "settlements.xls", "settlements")
                : "settlements.csv";
        Path file = dir.resolve(name);
        Files.write(file, csv);
        return file;
    }

    private static byte[] csv(List<Map<String, String>> rows, Bad bad, Random random, String field) {
        List<String> header = new ArrayList<>(SettlementFields.ALL);
        if (bad == Bad.UNKNOWN_COLUMN) {
            header.add(random.nextInt(header.size()), one(random, "colour", "setlid", "结算ID", "SETL_ID "));
        } else if (bad == Bad.NO_SETL_ID_COLUMN) {
            header.remove("setl_id");
        }
        StringBuilder text = new StringBuilder(String.join(",", header)).append('\n');
        if (bad == Bad.HEADER_ONLY) {
            return text.toString().getBytes(StandardCharsets.UTF_8);
        }
        if (bad == Bad.EMPTY_FILE) {
            return one(random, "", "\n", "\n\n").getBytes(StandardCharsets.UTF_8);
        }
        int at = -1;
        for (Map<String, String> r : rows) {
            List<String> values = new ArrayList<>();
            for (String column : header) {
                values.add(r.getOrDefault(column, "x"));
            }
            if (bad == Bad.EXTRA_FIELDS && r == rows.get(0)) {
                values.add("extra");
            }
            if (r == rows.get(rows.size() - 1)) {
                at = text.length();
            }
            text.append(String.join(",", values)).append('\n');
        }
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        int fieldAt = fieldStart(text.toString(), at, header.indexOf(field));
        return switch (bad) {
            case INVALID_UTF8 -> insert(bytes, fieldAt, new byte[] {(byte) 0xff, (byte) 0xfe, (byte) 0xc3});
            case NUL_BYTE -> insert(bytes, fieldAt, new byte[] {0});
            case UTF16_BOM -> insert(bytes, 0, new byte[] {(byte) 0xff, (byte) 0xfe});
            case OPEN_QUOTE -> insert(bytes, fieldAt, new byte[] {'"'});
            // Cut inside the last row, before its amounts: the row then lacks required values.
            case TRUNCATED_ROW -> java.util.Arrays.copyOf(bytes, at + 1 + random.nextInt(
                    fieldStart(text.toString(), at, SettlementFields.ALL.indexOf("medfee_sumamt")) - at - 1));
            case NOISE -> insert(bytes, at + random.nextInt(bytes.length - at), noise(random));
            default -> bytes;
        };
    }

    /** The byte offset where the field of the given column starts in the row starting at {@code rowAt}. */
    private static int fieldStart(String text, int rowAt, int column) {
        int at = rowAt;
        for (int c = 0; c < column; c++) {
            at = text.indexOf(',', at) + 1;
        }
        return text.substring(0, at).getBytes(StandardCharsets.UTF_8).length;
    }

    private static byte[] noise(Random random) {
        byte[] noise = new byte[8 + random.nextInt(64)];
        random.nextBytes(noise);
        noise[0] = (byte) 0xff;
        return noise;
    }

    private static byte[] insert(byte[] bytes, int at, byte[] more) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.write(more, 0, more.length);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static Path xlsx(Path dir, Bad bad, List<Map<String, String>> rows, Random random) throws IOException {
        Path file = dir.resolve("settlements.xlsx");
        if (bad == Bad.XLSX_NOT_A_ZIP) {
            Files.write(file, one(random, "setl_id,psn_no\nA1,P1\n", "PK\u0003\u0004garbage", "")
                    .getBytes(StandardCharsets.UTF_8));
            return file;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (XSSFWorkbook book = new XSSFWorkbook()) {
            Sheet sheet = book.createSheet("结算");
            if (bad != Bad.XLSX_EMPTY_WORKBOOK) {
                Row header = sheet.createRow(0);
                for (int c = 0; c < SettlementFields.ALL.size(); c++) {
                    header.createCell(c).setCellValue(SettlementFields.ALL.get(c));
                }
                for (int r = 0; r < rows.size(); r++) {
                    Row row = sheet.createRow(r + 1);
                    for (int c = 0; c < SettlementFields.ALL.size(); c++) {
                        row.createCell(c).setCellValue(rows.get(r).getOrDefault(SettlementFields.ALL.get(c), ""));
                    }
                }
                int column = SettlementFields.ALL.indexOf(SettlementFields.AMOUNTS.get(
                        random.nextInt(SettlementFields.AMOUNTS.size())));
                var cell = sheet.getRow(1 + random.nextInt(rows.size())).getCell(column);
                switch (bad) {
                    case XLSX_DATE_CELL_AMOUNT -> {
                        CellStyle date = book.createCellStyle();
                        date.setDataFormat(book.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
                        cell.setCellValue(java.time.LocalDate.of(2026, 10, 5));
                        cell.setCellStyle(date);
                    }
                    case XLSX_BOOLEAN_CELL -> cell.setCellValue(true);
                    case XLSX_FORMULA_CELL -> cell.setCellFormula("1/0");
                    case XLSX_ERROR_CELL -> cell.setCellErrorValue(org.apache.poi.ss.usermodel.FormulaError.DIV0
                            .getCode());
                    default -> {
                    }
                }
            }
            book.write(out);
        }
        byte[] bytes = out.toByteArray();
        if (bad == Bad.XLSX_CUT_SHORT) {
            // The sheet comes last in the zip: cut in the first half, so that it is gone or broken.
            bytes = java.util.Arrays.copyOf(bytes, 1 + random.nextInt(bytes.length / 2));
        }
        Files.write(file, bytes);
        return file;
    }

    @SafeVarargs
    private static <T> T one(Random random, T... choices) {
        return choices[random.nextInt(choices.length)];
    }
}

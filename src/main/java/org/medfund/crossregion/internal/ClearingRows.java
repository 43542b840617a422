package org.medfund.crossregion.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.MonthlyClearing.ClearingRow;
import org.medfund.crossregion.MonthlyClearing.ImportResult;
import org.medfund.registry.Org;
import org.medfund.registry.Region;
import org.medfund.registry.RegionLevel;
import org.medfund.registry.Registry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The month's clearing rows, imported as the 异地就医管理子系统 exports them (UTF-8 CSV, the national interface names):
 * {@code setl_id,fixmedins_code,insuplc_admdvs,mdtrtarea_admvs,insutype,setl_date,fund_pay_sumamt}. The import is all
 * or nothing and names the first bad line; a row already present with the same content is counted, with other
 * content refused; no row may join a region's data once that region has confirmed the month.
 */
@Component
class ClearingRows {

    static final String HEADER = "setl_id,fixmedins_code,insuplc_admdvs,mdtrtarea_admvs,insutype,setl_date,"
            + "fund_pay_sumamt";
    /** One import is one file of the subsystem; larger months come in several files. */
    static final int ROWS_MAX = 100_000;
    static final int BATCH_ROWS = 1_000;
    static final int SETL_ID_LENGTH_MAX = 40;
    /** One visit's pooled-fund pay at most 10 million yuan: above any real settlement, far below an overflow. */
    static final long FUND_FEN_MAX = 1_000_000_000L;

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Registry registry;

    ClearingRows(JdbcClient jdbc, JdbcTemplate template, Registry registry) {
        this.jdbc = jdbc;
        this.template = template;
        this.registry = registry;
    }

    ImportResult importRows(Region province, YearMonth period, String csv) {
        List<ClearingRow> parsed = parse(province, period, csv);
        Set<String> confirmed = new HashSet<>(jdbc.sql("select region_code from cr_mc_confirmation where period = :m")
                .param("m", period.toString()).query(String.class).list());
        List<ClearingRow> fresh = new ArrayList<>();
        int duplicates = 0;
        for (int from = 0; from < parsed.size(); from += BATCH_ROWS) {
            List<ClearingRow> chunk = parsed.subList(from, Math.min(parsed.size(), from + BATCH_ROWS));
            Map<String, String> existing = existing(chunk);
            for (int i = 0; i < chunk.size(); i++) {
                ClearingRow row = chunk.get(i);
                String before = existing.get(row.hospitalCode() + "/" + row.setlId());
                int line = from + i + 2;
                if (before != null) {
                    if (!before.equals(fingerprint(period, row))) {
                        throw new Rejection("crossregion.clearing-row-conflict", "line[" + line + "].setl_id",
                                "第 " + line + " 行：结算 " + row.setlId() + " 已以不同内容导入");
                    }
                    duplicates++;
                    continue;
                }
                for (String region : List.of(row.treatmentRegionCode(), row.insuredRegionCode())) {
                    if (confirmed.contains(region)) {
                        throw Rejection.conflict("crossregion.clearing-confirmed", "line[" + line + "]", "第 " + line
                                + " 行：" + name(region) + " 已确认 " + period + " 的清算数据，不能再导入");
                    }
                }
                fresh.add(row);
            }
        }
        for (int from = 0; from < fresh.size(); from += BATCH_ROWS) {
            List<Object[]> args = fresh.subList(from, Math.min(fresh.size(), from + BATCH_ROWS)).stream()
                    .map(r -> new Object[] {province.code(), period.toString(), r.setlId(), r.hospitalCode(),
                            r.insuredRegionCode(), r.treatmentRegionCode(), r.insuranceType(),
                            java.sql.Date.valueOf(r.settledOn()), r.fundPay().fen()}).toList();
            template.batchUpdate("""
                    insert into cr_mc_row (province_code, period, setl_id, hospital_code, insured_region,
                        treatment_region, insurance_type, settled_on, fund_fen) values (?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    args);
        }
        return new ImportResult(period, fresh.size(), duplicates);
    }

    private Map<String, String> existing(List<ClearingRow> chunk) {
        Map<String, String> found = new HashMap<>();
        jdbc.sql("select * from cr_mc_row where setl_id in (:s)")
                .param("s", chunk.stream().map(ClearingRow::setlId).distinct().toList())
                .query(rs -> {
                    ClearingRow row = new ClearingRow(rs.getString("setl_id"), rs.getString("hospital_code"),
                            rs.getString("insured_region"), rs.getString("treatment_region"),
                            rs.getString("insurance_type"), rs.getObject("settled_on", LocalDate.class),
                            Money.ofFen(rs.getLong("fund_fen")));
                    found.put(row.hospitalCode() + "/" + row.setlId(),
                            fingerprint(YearMonth.parse(rs.getString("period")), row));
                });
        return found;
    }

    private static String fingerprint(YearMonth period, ClearingRow r) {
        return String.join("|", period.toString(), r.insuredRegionCode(), r.treatmentRegionCode(), r.insuranceType(),
                r.settledOn().toString(), String.valueOf(r.fundPay().fen()));
    }

    private List<ClearingRow> parse(Region province, YearMonth period, String csv) {
        if (csv == null || csv.isBlank()) {
            throw new Rejection("crossregion.clearing-file-empty", "file", "清算数据文件为空");
        }
        String[] lines = csv.replace("\uFEFF", "").split("\r?\n");
        if (!lines[0].strip().equals(HEADER)) {
            throw new Rejection("crossregion.clearing-header", "line[1]", "第 1 行应为表头：" + HEADER);
        }
        if (lines.length - 1 > ROWS_MAX) {
            throw new Rejection("crossregion.clearing-file-too-large", "file", "一个文件最多 " + ROWS_MAX + " 行，请分批导入");
        }
        Map<String, Optional<String>> hospitalCity = new HashMap<>();
        Set<String> seen = new HashSet<>();
        List<ClearingRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int line = i + 1;
            String[] cells = lines[i].split(",", -1);
            if (cells.length != 7) {
                throw bad(line, "", "应有 7 列，实际 " + cells.length + " 列");
            }
            String setlId = cells[0].strip();
            if (setlId.isEmpty() || setlId.length() > SETL_ID_LENGTH_MAX) {
                throw bad(line, "setl_id", "结算编号不能为空，最多 " + SETL_ID_LENGTH_MAX + " 位");
            }
            String hospital = cells[1].strip();
            Optional<String> city = hospitalCity.computeIfAbsent(hospital, h -> cityOf(province, h));
            if (city.isEmpty()) {
                throw bad(line, "fixmedins_code", "定点医药机构 " + hospital + " 不是本省登记的定点医药机构");
            }
            String treatment = cells[3].strip();
            if (!city.get().equals(treatment)) {
                throw bad(line, "mdtrtarea_admvs", "就医地应为定点医药机构所在统筹区 " + name(city.get()));
            }
            String insured = cells[2].strip();
            if (!isPoolingRegion(province, insured)) {
                throw bad(line, "insuplc_admdvs", insured + " 不是本省的统筹区（河南省为市级统筹）");
            }
            if (insured.equals(treatment)) {
                throw bad(line, "insuplc_admdvs", "参保地与就医地相同，不属于异地就医");
            }
            String type = cells[4].strip();
            if (!type.equals(JdbcCrossRegionFunding.RESIDENT) && !type.equals(JdbcCrossRegionFunding.EMPLOYEE)) {
                throw bad(line, "insutype", "险种应为 310（职工基本医疗保险）或 390（城乡居民基本医疗保险）");
            }
            LocalDate settled;
            try {
                settled = LocalDate.parse(cells[5].strip());
            } catch (DateTimeParseException e) {
                throw bad(line, "setl_date", "结算日期应为 yyyy-MM-dd");
            }
            if (!YearMonth.from(settled).equals(period)) {
                throw bad(line, "setl_date", "结算日期不在清算期间 " + period + " 内");
            }
            Money fund;
            try {
                fund = Money.ofYuan(cells[6].strip());
            } catch (RuntimeException e) {
                throw bad(line, "fund_pay_sumamt", "统筹基金支付应为金额（元，最多两位小数）");
            }
            if (Math.abs(fund.fen()) > FUND_FEN_MAX) {
                throw bad(line, "fund_pay_sumamt", "统筹基金支付超出合理范围");
            }
            if (!seen.add(hospital + "/" + setlId)) {
                throw bad(line, "setl_id", "结算编号 " + setlId + " 在文件中重复");
            }
            rows.add(new ClearingRow(setlId, hospital, insured, treatment, type, settled, fund));
        }
        if (rows.isEmpty()) {
            throw new Rejection("crossregion.clearing-file-empty", "file", "清算数据文件没有数据行");
        }
        return rows;
    }

    /** The pooling region (city) a hospital of the province belongs to. */
    private Optional<String> cityOf(Region province, String hospitalCode) {
        return registry.org(hospitalCode).filter(Org::isHospital).flatMap(h -> {
            List<Region> lineage = registry.lineage(h.regionCode());
            boolean inProvince = lineage.stream().anyMatch(r -> r.code().equals(province.code()));
            return inProvince ? lineage.stream().filter(r -> r.level() == RegionLevel.CITY).map(Region::code)
                    .findFirst() : Optional.empty();
        });
    }

    private boolean isPoolingRegion(Region province, String code) {
        return registry.region(code).filter(r -> r.level() == RegionLevel.CITY
                && province.code().equals(r.parentCode())).isPresent();
    }

    private static Rejection bad(int line, String field, String message) {
        return new Rejection("crossregion.clearing-row-invalid", "line[" + line + "]" + (field.isEmpty() ? ""
                : "." + field), "第 " + line + " 行：" + message);
    }

    private String name(String code) {
        return registry.region(code).map(Region::name).orElse(code);
    }
}

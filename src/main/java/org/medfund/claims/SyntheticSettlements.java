package org.medfund.claims;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.medfund.common.Money;

/**
 * Realistic synthetic settlement records for demos, tests and benchmarks, deterministic for a seed: about 85% of
 * visits outpatient (clr_type 11, small fees) and 15% inpatient (21, large fees), 2% pharmacy (41); insurance type
 * 60% employee (310, with personal-account pay) and 40% resident (390); 95% local, 3% in-province, 2% cross-province.
 * Every row satisfies the intake's amount identities.
 */
public final class SyntheticSettlements {

    /** Cross-province insured region used for 省外异地 records (北京市朝阳区). */
    static final String OTHER_PROVINCE_REGION = "110105";

    private SyntheticSettlements() {
    }

    /**
     * Emits {@code count} rows for one hospital and month.
     *
     * @param idPrefix makes setl_ids unique per hospital and month, e.g. "H41040200001-202609-"
     * @param clearingRegion clr_optins, the settling agency's region
     * @param treatmentRegion mdtrtarea_admvs, the hospital's region
     * @param inProvinceRegion a registered region of the same province for 省内异地 records
     */
    public static void generate(String hospital, String idPrefix, String clearingRegion, String treatmentRegion,
                                String inProvinceRegion, YearMonth month, int count, long seed,
                                Consumer<Map<String, String>> sink) {
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = 0; i < count; i++) {
            sink.accept(row(random, hospital, idPrefix + i, clearingRegion, treatmentRegion, inProvinceRegion,
                    month));
        }
    }

    private static Map<String, String> row(SplittableRandom r, String hospital, String setlId, String clearingRegion,
                                           String treatmentRegion, String inProvinceRegion, YearMonth month) {
        int kind = r.nextInt(100);
        String clrType = kind < 15 ? "21" : kind < 17 ? "41" : "11";
        boolean employee = r.nextInt(100) < 60;
        String insutype = employee ? "310" : "390";
        long medfee = clrType.equals("21") ? 300_000 + r.nextLong(2_500_000) : 3_000 + r.nextLong(60_000);
        int fundShare = clrType.equals("21") ? (employee ? 70 + r.nextInt(16) : 55 + r.nextInt(16))
                : (employee ? 40 + r.nextInt(31) : 30 + r.nextInt(31));
        long fund = medfee * fundShare / 100;
        long hifp = clrType.equals("21") && medfee > 2_000_000 ? fund * 9 / 10 : fund;
        long hosp = r.nextInt(100) < 3 ? Math.min(medfee - fund, 1_000) : 0;
        long psn = medfee - fund - hosp;
        long acct = employee ? psn * r.nextInt(80) / 100 : 0;
        int place = r.nextInt(100);
        String payLoc = place < 95 ? "2" : place < 98 ? "3" : "4";
        String insured = payLoc.equals("2") ? clearingRegion : payLoc.equals("3") ? inProvinceRegion
                : OTHER_PROVINCE_REGION;
        Map<String, String> row = new HashMap<>(32);
        row.put("setl_id", setlId);
        row.put("mdtrt_id", "M" + setlId);
        row.put("psn_no", "P" + (1_000_000 + r.nextInt(9_000_000)));
        row.put("fixmedins_code", hospital);
        row.put("insutype", insutype);
        row.put("med_type", clrType.equals("21") ? "21" : clrType.equals("41") ? "41" : "11");
        row.put("clr_type", clrType);
        row.put("clr_way", "1");
        row.put("clr_optins", clearingRegion);
        row.put("pay_loc", payLoc);
        row.put("insuplc_admdvs", insured);
        row.put("mdtrtarea_admvs", treatmentRegion);
        row.put("setl_time", String.format("%s-%02d %02d:%02d:%02d", month, 1 + r.nextInt(month.lengthOfMonth()),
                7 + r.nextInt(14), r.nextInt(60), r.nextInt(60)));
        row.put("medfee_sumamt", Money.ofFen(medfee).toPlainYuan());
        row.put("hifp_pay", Money.ofFen(hifp).toPlainYuan());
        row.put("fund_pay_sumamt", Money.ofFen(fund).toPlainYuan());
        row.put("psn_part_amt", Money.ofFen(psn).toPlainYuan());
        row.put("acct_pay", Money.ofFen(acct).toPlainYuan());
        row.put("psn_cash_pay", Money.ofFen(psn - acct).toPlainYuan());
        row.put("hosp_part_amt", Money.ofFen(hosp).toPlainYuan());
        row.put("setldetail", fund == hifp ? insutype + "100:" + Money.ofFen(hifp).toPlainYuan()
                : insutype + "100:" + Money.ofFen(hifp).toPlainYuan() + "|" + (employee ? "330100:" : "392100:")
                + Money.ofFen(fund - hifp).toPlainYuan());
        return row;
    }

    /** Writes {@code rows} synthetic settlements in the import format (header of national field names). */
    public static void writeCsv(Path file, String hospital, String idPrefix, String clearing, String treatment,
                                String inProvince, YearMonth month, int rows, long seed) {
        List<String> fields = SettlementFields.ALL;
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", fields));
            w.write('\n');
            generate(hospital, idPrefix, clearing, treatment, inProvince, month, rows, seed,
                    row -> {
                        try {
                            for (int i = 0; i < fields.size(); i++) {
                                if (i > 0) {
                                    w.write(',');
                                }
                                w.write(row.getOrDefault(fields.get(i), ""));
                            }
                            w.write('\n');
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

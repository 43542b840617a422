package org.medfund.claims;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;

/** Rows for the demo hospitals of the registry with ids unique to this JVM run. */
public final class IntakeFixtures {

    /** 平顶山市第一人民医院: region 410402 (新华区), city-managed, so settled by 410400 (handan-2020 art. 11 reading). */
    public static final String PDS_HOSPITAL = "H41040200001";
    /** 宝丰县人民医院: county hospital, settled by 410421. */
    public static final String BAOFENG_HOSPITAL = "H41042100001";

    private static final AtomicLong SEQ = new AtomicLong();
    private static final String RUN = Long.toString(System.nanoTime() % 100_000_000L, 36);

    private IntakeFixtures() {
    }

    public static String id(String prefix) {
        return prefix + RUN + "x" + SEQ.incrementAndGet();
    }

    public static Actor hospitalActor(String hospital) {
        return new Actor("u-" + hospital, hospital, Set.of(Role.HOSPITAL));
    }

    /** A consistent row: fee = fund + person + hospital part, person = account + cash. */
    public static Map<String, String> row(String setlId, String hospital, String insutype, String time,
                                          String medfee, String fund, String hifp, String acct) {
        String clrOptins = hospital.equals(PDS_HOSPITAL) ? "410400" : hospital.substring(1, 7);
        long medfeeFen = org.medfund.common.Money.ofYuan(medfee).fen();
        long fundFen = org.medfund.common.Money.ofYuan(fund).fen();
        long acctFen = org.medfund.common.Money.ofYuan(acct).fen();
        long psnFen = medfeeFen - fundFen;
        Map<String, String> r = new java.util.HashMap<>();
        r.put("setl_id", setlId);
        r.put("mdtrt_id", "M" + setlId);
        r.put("psn_no", "P" + setlId);
        r.put("fixmedins_code", hospital);
        r.put("insutype", insutype);
        r.put("med_type", "21");
        r.put("clr_type", "21");
        r.put("clr_way", "1");
        r.put("clr_optins", clrOptins);
        r.put("pay_loc", "2");
        r.put("insuplc_admdvs", clrOptins);
        r.put("mdtrtarea_admvs", hospital.substring(1, 7));
        r.put("setl_time", time);
        r.put("medfee_sumamt", medfee);
        r.put("hifp_pay", hifp);
        r.put("fund_pay_sumamt", fund);
        r.put("psn_part_amt", org.medfund.common.Money.ofFen(psnFen).toPlainYuan());
        r.put("acct_pay", acct);
        r.put("psn_cash_pay", org.medfund.common.Money.ofFen(psnFen - acctFen).toPlainYuan());
        r.put("hosp_part_amt", "0.00");
        r.put("setldetail", "");
        return r;
    }

    public static Path csv(List<Map<String, String>> rows) {
        try {
            Path file = Files.createTempFile("settlements", ".csv");
            StringBuilder text = new StringBuilder(String.join(",", SettlementFields.ALL)).append('\n');
            for (Map<String, String> r : rows) {
                text.append(String.join(",", SettlementFields.ALL.stream()
                        .map(f -> SettlementFiles.csv(r.getOrDefault(f, ""))).toList())).append('\n');
            }
            Files.writeString(file, text);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

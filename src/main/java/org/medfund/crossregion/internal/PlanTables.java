package org.medfund.crossregion.internal;

import java.time.YearMonth;
import org.medfund.crossregion.HospitalPayState;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The month's plan as three INSERT … SELECT … GROUP BY statements over the clearing rows (henan-2023 三(二)): per
 * hospital and insurance type, per insured × treatment region, and per region what it receives (its hospitals' lines)
 * and owes (its insured's pairs). Set-based on purpose: the rows are read twice whatever their number, and the
 * region lines come from the two smaller tables.
 */
final class PlanTables {

    private PlanTables() {
    }

    static void compute(JdbcClient jdbc, String provinceCode, YearMonth period) {
        String month = period.toString();
        jdbc.sql("""
                insert into cr_mc_hospital (province_code, period, region_code, hospital_code, insurance_type,
                    amount_fen, rows_count, state)
                select province_code, period, treatment_region, hospital_code, insurance_type, sum(fund_fen), count(*),
                    :state
                from cr_mc_row where province_code = :p and period = :m
                group by province_code, period, treatment_region, hospital_code, insurance_type""")
                .param("state", HospitalPayState.PLANNED.name()).param("p", provinceCode).param("m", month).update();
        jdbc.sql("""
                insert into cr_mc_pair (province_code, period, insured_region, treatment_region, insurance_type,
                    amount_fen, rows_count)
                select province_code, period, insured_region, treatment_region, insurance_type, sum(fund_fen), count(*)
                from cr_mc_row where province_code = :p and period = :m
                group by province_code, period, insured_region, treatment_region, insurance_type""")
                .param("p", provinceCode).param("m", month).update();
        jdbc.sql("""
                insert into cr_mc_region (province_code, period, region_code, insurance_type, receive_fen, owe_fen,
                    hospitals_count, rows_count)
                select :p, :m, region_code, insurance_type, sum(receive_fen), sum(owe_fen), sum(hospitals),
                    sum(rows_count)
                from (select region_code, insurance_type, amount_fen as receive_fen, 0 as owe_fen, 1 as hospitals,
                          rows_count
                      from cr_mc_hospital where province_code = :p and period = :m
                      union all
                      select insured_region, insurance_type, 0, amount_fen, 0, 0
                      from cr_mc_pair where province_code = :p and period = :m) lines
                group by region_code, insurance_type""")
                .param("p", provinceCode).param("m", month).update();
    }
}

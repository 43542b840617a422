package org.medfund.prepayment.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.prepayment.RegionPlan;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** SQL of {@code prepayment_region_plan} (V52): Henan's in-province cross-region plans (henan-2023 二(二)). */
@Component
class RegionPlanStore {

    private final JdbcClient jdbc;

    RegionPlanStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The regions that had a plan in a year (a region without settlements this year is still netted). */
    List<String> regions(int year) {
        return jdbc.sql("select distinct region_code from prepayment_region_plan where prepayment_year = :y")
                .param("y", year).query(String.class).list();
    }

    /** The plans of a year, each named by {@code regionName}. */
    List<RegionPlan> plans(int year, UnaryOperator<String> regionName) {
        return jdbc.sql("select * from prepayment_region_plan where prepayment_year = :y "
                        + "order by region_code, insurance_type")
                .param("y", year)
                .query((rs, n) -> new RegionPlan(rs.getString("id"), rs.getInt("prepayment_year"),
                        rs.getString("province_code"), rs.getString("region_code"),
                        regionName.apply(rs.getString("region_code")), rs.getString("insurance_type"),
                        rs.getString("pack_id"), rs.getInt("pack_version"),
                        Money.ofFen(rs.getLong("sized_fen")), Money.ofFen(rs.getLong("previous_fen")),
                        new Derivation(rs.getString("formula"), Derivations.inputs(rs.getString("inputs")),
                                rs.getString("citation"), Money.ofFen(rs.getLong("sized_fen"))),
                        rs.getString("generated_by"), rs.getObject("generated_on", LocalDate.class)))
                .list();
    }

    boolean issued(int year, String region, String fund) {
        return jdbc.sql("""
                select count(*) from prepayment_region_plan
                where prepayment_year = :y and region_code = :r and insurance_type = :f""")
                .param("y", year).param("r", region).param("f", fund).query(Long.class).single() > 0;
    }

    /** The amount a region's plan of a year sized (zero when it had none): the netting base of the next year. */
    Money sized(int year, String region, String fund) {
        return jdbc.sql("""
                select sized_fen from prepayment_region_plan
                where prepayment_year = :y and region_code = :r and insurance_type = :f""")
                .param("y", year).param("r", region).param("f", fund).query(Long.class).optional()
                .map(Money::ofFen).orElse(Money.ZERO);
    }

    void insert(RegionPlan p) {
        jdbc.sql("""
                insert into prepayment_region_plan (id, prepayment_year, province_code, region_code, insurance_type,
                    pack_id, pack_version, sized_fen, previous_fen, formula, citation, inputs, generated_by,
                    generated_on)
                values (:id, :y, :p, :r, :f, :pack, :v, :sized, :prev, :formula, :citation, :inputs, :by, :on)""")
                .param("id", p.id()).param("y", p.year()).param("p", p.provinceCode()).param("r", p.regionCode())
                .param("f", p.insuranceType()).param("pack", p.packId()).param("v", p.packVersion())
                .param("sized", p.sized().fen()).param("prev", p.previous().fen())
                .param("formula", p.derivation().formula()).param("citation", p.derivation().citation())
                .param("inputs", Derivations.inputsText(p.derivation())).param("by", p.generatedBy())
                .param("on", p.generatedOn()).update();
    }
}

package org.medfund.crossregion.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.medfund.crossregion.ClearingStepKind;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * When a step of a month's cross-region clearing happened (henan-2023 三(二)(三)), read from the monthly clearing's
 * tables, so the timeline of {@link JdbcCrossRegionFunding} marks a step done on the day its event happened. Apart
 * from the engine {@link JdbcMonthlyClearing}, which itself uses the funding facade.
 */
@Component
class ClearingProgress {

    private final JdbcClient jdbc;

    ClearingProgress(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The day the step was completed for the whole province, empty while it is open or has no own event. */
    Optional<LocalDate> doneOn(ClearingStepKind kind, String provinceCode, YearMonth period) {
        return switch (kind) {
            case CONFIRM_DATA -> dataConfirmedOn(provinceCode, period);
            case USAGE_PLAN -> planDate("submitted_on", provinceCode, period);
            case FINANCE_PAY -> planDate("funded_on", provinceCode, period);
            case PROVINCE_PAY -> planDate("disbursed_on", provinceCode, period);
            case HOSPITAL_PAY -> hospitalsPaidOn(provinceCode, period);
            default -> Optional.empty();
        };
    }

    private Optional<LocalDate> planDate(String column, String provinceCode, YearMonth period) {
        return jdbc.sql("select " + column + " from cr_mc_plan where province_code = :p and period = :m")
                .param("p", provinceCode).param("m", period.toString())
                .query((rs, n) -> Optional.ofNullable(rs.getObject(1, LocalDate.class))).optional()
                .flatMap(d -> d);
    }

    /** Every region with rows of the month (either side) confirmed: the last confirmation's day. */
    private Optional<LocalDate> dataConfirmedOn(String provinceCode, YearMonth period) {
        List<String> regions = JdbcMonthlyClearing.regionsWithRows(jdbc, provinceCode, period);
        if (regions.isEmpty()) {
            return Optional.empty();
        }
        List<LocalDate> days = jdbc.sql("select confirmed_on from cr_mc_confirmation where period = :m "
                        + "and region_code in (:r)").param("m", period.toString()).param("r", regions)
                .query(LocalDate.class).list();
        return days.size() < regions.size() ? Optional.empty() : days.stream().max(LocalDate::compareTo);
    }

    private Optional<LocalDate> hospitalsPaidOn(String provinceCode, YearMonth period) {
        if (planDate("disbursed_on", provinceCode, period).isEmpty()) {
            return Optional.empty();
        }
        long open = jdbc.sql("select count(*) from cr_mc_region where province_code = :p and period = :m "
                        + "and hospitals_paid_on is null").param("p", provinceCode).param("m", period.toString())
                .query(Long.class).single();
        if (open > 0) {
            return Optional.empty();
        }
        return jdbc.sql("select max(hospitals_paid_on) from cr_mc_region where province_code = :p and period = :m")
                .param("p", provinceCode).param("m", period.toString()).query(LocalDate.class).optional();
    }
}

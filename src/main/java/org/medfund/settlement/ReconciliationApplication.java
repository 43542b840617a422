package org.medfund.settlement;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.time.YearMonth;
import java.util.List;
import org.medfund.common.Money;

/**
 * A hospital's application to reconcile one month: its totals in the shape of national message 3201 and,
 * optionally, its records in the shape of 3202.
 *
 * @param hospitalCode {@code fixmedins_code}
 * @param period the month of fees (stmt_begndate..stmt_enddate cover exactly this month)
 */
public record ReconciliationApplication(@NotNull String hospitalCode, @NotNull YearMonth period,
                                        @NotNull @Valid List<@NotNull Total> totals,
                                        @Valid List<@NotNull Detail> details) {

    public static final int TOTAL_LINES_MAX = 200;
    public static final int DETAIL_LINES_MAX = 500_000;

    /** Missing totals and null lines are kept as they came: {@link Reconciliations} refuses them naming the field. */
    public ReconciliationApplication {
        totals = totals == null ? null : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(totals));
        details = details == null ? List.of()
                : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(details));
    }

    /**
     * One 3201 line.
     *
     * @param insutype {@code insutype}
     * @param clrType {@code clr_type}
     * @param setlOptins {@code setl_optins} the settling agency's region code
     * @param count {@code fixmedins_setl_cnt}
     * @param refdSetlFlag {@code refd_setl_flag}: "1" when reversals are included (the agency's figures always
     *                     include them, so "0" is accepted only when the month has none)
     */
    public record Total(@NotNull String insutype, @NotNull String clrType, @NotNull String setlOptins,
                        @NotNull java.time.LocalDate stmtBegndate, @NotNull java.time.LocalDate stmtEnddate,
                        @NotNull Money medfeeSumamt, @NotNull Money fundPaySumamt, @NotNull Money acctPay,
                        @PositiveOrZero long count, @NotNull String refdSetlFlag) {
    }

    /** One 3202 line: a record as the hospital has it. */
    public record Detail(@NotNull String setlId, @NotNull Money medfeeSumamt, @NotNull Money fundPaySumamt,
                         @NotNull Money acctPay) {
    }
}

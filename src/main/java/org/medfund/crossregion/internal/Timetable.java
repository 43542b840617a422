package org.medfund.crossregion.internal;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.medfund.crossregion.ObligationKind;

/**
 * Which obligations of the annex 1 timetable fall in a quarter and to which month (period) each rule is applied
 * (guizhou-2017 附件一): the quarter's first month for sizing, the city's confirmation and remittance and the
 * quarterly clearing; its second month for the in-province usage plan; February for the national prepayment sheets;
 * every month for the monthly cross-province clearing. Relative ones (working days after an event) and the quota's
 * own steps are opened by their events, not here.
 */
record Timetable(int year, int quarter) {

    record Slot(ObligationKind kind, YearMonth period) {
    }

    List<Slot> slots() {
        YearMonth first = YearMonth.of(year, (quarter - 1) * 3 + 1);
        List<Slot> slots = new ArrayList<>();
        slots.add(new Slot(ObligationKind.QUOTA_SIZING, first));
        slots.add(new Slot(ObligationKind.QUARTERLY_CLEARING_PUBLISH, first));
        slots.add(new Slot(ObligationKind.QUARTERLY_CLEARING_CONFIRM, first));
        slots.add(new Slot(ObligationKind.IN_PROVINCE_PLAN, first.plusMonths(1)));
        slots.add(new Slot(ObligationKind.IN_PROVINCE_TRANSFER, first.plusMonths(1)));
        if (quarter == 1) {
            YearMonth february = YearMonth.of(year, 2);
            slots.add(new Slot(ObligationKind.NATIONAL_SHEET, february));
            slots.add(new Slot(ObligationKind.NATIONAL_TO_FINANCE, february));
            slots.add(new Slot(ObligationKind.NATIONAL_PAID, february));
        }
        for (int m = 0; m < 3; m++) {
            slots.add(new Slot(ObligationKind.MONTHLY_CLEARING_DOWNLOAD, first.plusMonths(m)));
            slots.add(new Slot(ObligationKind.MONTHLY_CLEARING_TO_FINANCE, first.plusMonths(m)));
        }
        return slots;
    }
}

package org.medfund.web.crossregion;

import java.time.LocalDate;
import org.medfund.crossregion.Obligation;
import org.medfund.registry.Org;
import org.medfund.registry.Registry;

/** One timetable obligation as the clearing pages list it: what (with its period), who, due date and state. */
record ObligationLine(String what, String who, String due, String state, boolean overdue) {

    static ObligationLine of(Obligation o, LocalDate today, Registry registry) {
        return new ObligationLine(o.kind().label() + "（" + o.period() + "）", who(o, registry),
                o.dueDate().toString(), state(o, today), o.doneOn() == null && o.overdueOn(today));
    }

    static String who(Obligation o, Registry registry) {
        return registry.org(o.orgCode()).map(Org::name).orElse(o.orgCode());
    }

    /** 待办 / 已逾期 while open; the day it was done, marked 逾期 when after the due date. */
    static String state(Obligation o, LocalDate today) {
        if (o.doneOn() == null) {
            return o.overdueOn(today) ? "已逾期" : "待办";
        }
        return o.doneOn() + " 办结" + (o.doneOn().isAfter(o.dueDate()) ? "（逾期）" : "");
    }
}

package org.medfund.cli.demo;

import java.io.PrintWriter;
import org.medfund.calendar.BusinessCalendar;
import org.medfund.policy.PolicyPack;
import org.medfund.policy.PolicyPacks;
import org.springframework.stereotype.Component;

/**
 * Demo step 200: reports the calendar coverage and the policy packs loaded. Both are shipped data read at start-up,
 * so the step writes nothing and is idempotent by construction.
 */
@Component
public class CalendarPolicyDemoStep implements DemoStep {

    private final BusinessCalendar calendar;
    private final PolicyPacks packs;

    CalendarPolicyDemoStep(BusinessCalendar calendar, PolicyPacks packs) {
        this.calendar = calendar;
        this.packs = packs;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public String title() {
        return "工作日历与政策包";
    }

    @Override
    public void run(PrintWriter out) {
        int lastNoticed = calendar.notices().lastKey();
        out.println("工作日历覆盖 " + calendar.coveredFrom() + " 至 " + calendar.coveredUntil() + "，依据 "
                + calendar.notices().size() + " 份国务院办公厅节假日安排通知（" + calendar.notices().firstKey() + "–"
                + lastNoticed + " 年）" + (calendar.coveredUntil().getYear() > lastNoticed ? "；" + (lastNoticed + 1)
                + " 年起尚无通知，按放假办法暂定（管理员载入通知：./medfund calendar load-notice FILE）" : "")
                + "；超出范围的日期一律拒绝");
        for (PolicyPack pack : packs.packs()) {
            out.println("政策包 " + pack.label() + "  " + pack.documentNo() + "  地区 " + pack.regionCode()
                    + "  生效 " + pack.effectiveText() + "  规则 " + pack.parameters().size() + " 条");
        }
        out.println("（只读数据，无需写入；查看：./medfund policy list、./medfund calendar working-day 2025-10-08）");
    }
}

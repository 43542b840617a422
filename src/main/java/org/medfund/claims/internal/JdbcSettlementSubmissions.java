package org.medfund.claims.internal;

import java.time.YearMonth;
import java.util.function.Consumer;
import org.medfund.claims.SettlementRecord;
import org.medfund.claims.SettlementSubmissions;
import org.medfund.common.Rejection;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.Registry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A hospital's own view of what it sent (issue 5, "hospital's own view (its submissions …)"): the stored records of
 * one accounting month, reversals included, for the hospital itself or an organisation whose scope covers it.
 */
@Service
class JdbcSettlementSubmissions implements SettlementSubmissions {


    private final Registry registry;
    private final SettlementStore store;

    JdbcSettlementSubmissions(Registry registry, SettlementStore store) {
        this.registry = registry;
        this.store = store;
    }

    /**
     * Every record of the hospital's accounting month in {@code setl_id} order, handed to {@code each} one at a time
     * (a month can be large). Refused when the caller may not see the hospital or the month exceeds
     * {@link #MONTH_ROWS_MAX}; returns the number of records.
     */
    @Transactional(readOnly = true)
    public long forEach(Actor actor, String hospitalCode, YearMonth period, Consumer<Submitted> each) {
        Org hospital = registry.org(hospitalCode).filter(Org::isHospital).orElseThrow(() -> Rejection.notFound(
                "claims.unknown-hospital", "hospital", "未登记的定点医药机构：" + hospitalCode));
        if (!registry.canSeeOrg(actor, hospital.code())) {
            throw Rejection.forbidden("claims.out-of-scope", "hospital", "无权查看机构 " + hospital.code() + " 的结算记录");
        }
        long count = store.countInPeriod(hospital.code(), SettlementStore.period(period));
        if (count > MONTH_ROWS_MAX) {
            throw new Rejection("claims.too-many-rows", "period", "该月结算记录 " + count + " 条，超过一次导出上限 "
                    + MONTH_ROWS_MAX + " 条");
        }
        store.forEachInPeriod(hospital.code(), SettlementStore.period(period),
                s -> each.accept(new Submitted(s.record(), SettlementStore.month(s.period()), s.reversedBy())));
        return count;
    }
}

package org.medfund.crossregion.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.CarryState;
import org.medfund.crossregion.CrossRegionAnnualClearing.CarryLine;
import org.medfund.crossregion.CrossRegionAnnualClearing.CarrySource;
import org.medfund.crossregion.CrossRegionAnnualClearing.CarryTarget;
import org.medfund.crossregion.CrossRegionAnnualClearing.CarryUse;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.registry.Region;
import org.medfund.registry.Registry;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The annual clearing's carries (henan-2023 三(四)) as explicit records: opened by the clearing of a year, taken into
 * the allocation they target when it is made (the employee quarterly notice, 一(三); the resident reserve's
 * withholding, 一(二)), and counted once in the target year's own clearing. A carry is signed as it changes the amount
 * due: positive adds a shortfall, negative offsets a surplus. An allocation never goes below zero: the rest of a
 * surplus larger than it is forwarded to the next allocation, a new carry, posted out of the one period and into the
 * other with the carry's own rules ({@code crossregion.annual.surplus-out/-in}).
 */
@Component
class CarryBook {

    static final String CITATION = "henan-2023 三(四)";
    /** A notice or reserve takes its carries in one pass; more than this many for one region is a bug. */
    static final int CARRIES_PER_ALLOCATION_MAX = 50;
    /** Notices are issued a quarter ahead; a carry finds an open quarter within two years or something is wrong. */
    static final int QUARTERS_AHEAD_MAX = 8;

    private final JdbcClient jdbc;
    private final Registry registry;
    private final Ledger ledger;

    CarryBook(JdbcClient jdbc, Registry registry, Ledger ledger) {
        this.jdbc = jdbc;
        this.registry = registry;
        this.ledger = ledger;
    }

    static String remittanceLabel(int year, int quarter) {
        return year + " 年第 " + quarter + " 季度城镇职工医保异地就医上解资金";
    }

    static String reserveLabel(int year) {
        return year + " 年城乡居民医保异地就医预留资金";
    }

    /** The allocation a carry or its rest goes to: its first month and its name. */
    record Allocation(YearMonth period, String label) {
    }

    /** What an allocation took: the carry (signed, never below −allocation) and the derivation's inputs for it. */
    record Taken(Money amount, List<Derivation.Input> inputs) {

        static final Taken NONE = new Taken(Money.ZERO, List.of());
    }

    /**
     * The first employee remittance quarter after the one {@code day} falls in whose notice is not yet issued: a
     * notice precedes its quarter (一(三)), so a quarter already begun cannot take a carry.
     */
    Allocation firstOpenQuarter(String province, LocalDate day) {
        YearMonth start = YearMonth.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1);
        for (int i = 0; i < QUARTERS_AHEAD_MAX; i++) {
            start = start.plusMonths(3);
            int quarter = (start.getMonthValue() - 1) / 3 + 1;
            if (jdbc.sql("select count(*) from cr_remit_notice where province_code = :p and remit_year = :y "
                    + "and remit_quarter = :q").param("p", province).param("y", start.getYear()).param("q", quarter)
                    .query(Long.class).single() == 0) {
                return new Allocation(start, remittanceLabel(start.getYear(), quarter));
            }
        }
        throw new IllegalStateException("no remittance quarter open within " + QUARTERS_AHEAD_MAX + " after " + day);
    }

    /**
     * The clearing of {@code clearYear} leaves {@code amount} (signed) for a region and type in an allocation. When
     * that allocation was made before the clearing, the carry is counted as that year's money at once (state
     * {@link CarryState#CLEARED}) and comes back in that year's clearing.
     */
    void open(String province, int clearYear, String region, String type, Allocation target, Money amount,
              boolean allocationMade) {
        if (amount.isZero()) {
            return; // a carry of zero posts nothing and shows nothing
        }
        jdbc.sql("""
                insert into cr_carry (province_code, region_code, insurance_type, clear_year, target_period,
                    target_label, amount_fen, state, applied_fen, forwarded_fen)
                values (:p, :r, :t, :y, :target, :label, :amount, :state, 0, 0)""")
                .param("p", province).param("r", region).param("t", type).param("y", clearYear)
                .param("target", target.period().toString()).param("label", target.label())
                .param("amount", amount.fen()).param("state", (allocationMade ? CarryState.CLEARED
                        : CarryState.OPEN).name()).update();
    }

    /**
     * An allocation of {@code allocation} for a region and type is made: it takes the open carries that target its
     * period. When they offset more than the allocation, it takes −allocation and the rest goes to {@code next}.
     */
    Taken take(String province, String region, String type, Allocation target, Money allocation, LocalDate on,
               Allocation next, String packId) {
        List<CarryLine> open = lines(province, region, type, target.period()).stream()
                .filter(c -> c.use().state() == CarryState.OPEN).toList();
        if (open.isEmpty()) {
            return Taken.NONE;
        }
        if (open.size() > CARRIES_PER_ALLOCATION_MAX) {
            throw new IllegalStateException(open.size() + " carries into " + target + " for " + region);
        }
        Money net = open.stream().map(c -> c.target().amount()).reduce(Money.ZERO, Money::plus);
        Money rest = net.minus(taken(allocation, net));
        List<Derivation.Input> inputs = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            CarryLine c = open.get(i);
            // The rest of a clipped surplus stays with the last carry that offsets (the newest clearing's).
            boolean keepsRest = !rest.isZero() && i == lastOffset(open);
            Money applied = keepsRest ? c.target().amount().minus(rest) : c.target().amount();
            jdbc.sql("""
                    update cr_carry set state = :s, applied_fen = :applied, forwarded_fen = :fwd, applied_to = :to,
                        applied_on = :on where id = :id""")
                    .param("s", CarryState.APPLIED.name()).param("applied", applied.fen())
                    .param("fwd", keepsRest ? rest.fen() : 0).param("to", target.label()).param("on", on)
                    .param("id", c.id()).update();
            inputs.add(Derivation.Input.money(c.source().clearYear() + " 年度异地就医年度清算" + (c.target().amount()
                    .isNegative() ? "结余抵扣" : "不足补足") + "（" + c.source().insuranceTypeName() + "，" + CITATION
                    + "）", applied));
            if (keepsRest) {
                forward(province, c, target, next, rest, on, packId);
                inputs.add(Derivation.Input.money("结余超过本期应拨付额，余额结转至" + next.label(), rest));
            }
        }
        return new Taken(net.minus(rest), inputs);
    }

    /**
     * What an allocation takes of a net carry: all of it, except that an allocation never goes below zero — a
     * surplus offsets at most the allocation itself (the rest is forwarded).
     */
    static Money taken(Money allocation, Money net) {
        return net.max(allocation.negate());
    }

    private static int lastOffset(List<CarryLine> open) {
        for (int i = open.size() - 1; i >= 0; i--) {
            if (open.get(i).target().amount().isNegative()) {
                return i;
            }
        }
        throw new IllegalStateException("a negative rest without an offsetting carry");
    }

    /** The rest of a surplus moves on: a new carry into the next allocation, out of one period and into the other. */
    private void forward(String province, CarryLine from, Allocation target, Allocation next, Money rest, LocalDate on,
                         String packId) {
        String region = from.source().regionCode();
        String type = from.source().insuranceType();
        jdbc.sql("""
                insert into cr_carry (province_code, region_code, insurance_type, clear_year, target_period,
                    target_label, amount_fen, state, applied_fen, forwarded_fen, forwarded_from)
                values (:p, :r, :t, :y, :target, :label, :amount, :state, 0, 0, :from)""")
                .param("p", province).param("r", region).param("t", type).param("y", from.source().clearYear())
                .param("target", next.period().toString()).param("label", next.label()).param("amount", rest.fen())
                .param("state", CarryState.OPEN.name()).param("from", from.id()).update();
        Map<String, String> parties = Map.of("region-finance", registry.financeOf(region).orElseThrow(() ->
                        Rejection.conflict("crossregion.no-finance", "regionCode", "统筹区 " + region + " 没有登记财政部门"))
                .code(), "province-finance", registry.financeOf(province).orElseThrow().code());
        String id = "cr-carry-forward-" + from.id();
        String what = from.source().clearYear() + " 年度异地就医资金年度清算结余超过" + target.label() + "，余额结转至"
                + next.label();
        for (boolean out : new boolean[] {true, false}) {
            YearMonth period = out ? target.period() : next.period();
            ledger.post(new BusinessEvent("crossregion.annual.surplus-" + (out ? "out" : "in"), id + (out ? "-out"
                    : "-in"), on, period, rest.abs(), parties, type, "cr_annual_clearing", province + "-"
                    + from.source().clearYear(), packId, CITATION, "所属期间 " + period + "；险种 "
                    + from.source().insuranceTypeName() + "；" + what));
        }
    }

    /**
     * What the carries add to the money held for a region and type in a year's allocations, as the year's clearing
     * counts it: −(amount − forwarded) of every carry that targets the year (remitted − carry, 三(四)), whether an
     * allocation took it or it stayed open; the inputs name each one.
     */
    Held held(String province, int year, String region, String type) {
        List<Derivation.Input> parts = new ArrayList<>();
        Money total = Money.ZERO;
        for (CarryLine c : lines(province, year).stream().filter(c -> c.source().regionCode().equals(region)
                && c.source().insuranceType().equals(type)).toList()) {
            Money counted = c.target().amount().minus(c.use().forwarded()).negate();
            if (counted.isZero()) {
                continue;
            }
            boolean surplus = c.target().amount().isNegative();
            parts.add(Derivation.Input.money(c.source().clearYear() + " 年度清算" + (surplus ? "结余" : "不足")
                    + "结转计入" + c.target().label() + (surplus ? "（抵扣的上年结余，计入本年资金）"
                    : "（补足的上年不足，不计入本年资金）"), counted));
            total = total.plus(counted);
        }
        return new Held(parts, total);
    }

    /** The carries' part of a year's money, with one input per carry. */
    record Held(List<Derivation.Input> parts, Money total) {
    }

    /** The year's own clearing settles the carries into it that no allocation took. */
    void settle(String province, int year) {
        jdbc.sql("""
                update cr_carry set state = :cleared where province_code = :p and state = :open
                and target_period like :year""").param("cleared", CarryState.CLEARED.name()).param("p", province)
                .param("open", CarryState.OPEN.name()).param("year", year + "-%").update();
    }

    List<CarryLine> lines(String province, int targetYear) {
        return jdbc.sql("""
                select * from cr_carry where province_code = :p and target_period like :year
                order by target_period, region_code, insurance_type desc, clear_year, id""")
                .param("p", province).param("year", targetYear + "-%").query((rs, n) -> line(
                        rs.getLong("id"), rs.getString("region_code"), rs.getString("insurance_type"),
                        rs.getInt("clear_year"), new CarryTarget(YearMonth.parse(rs.getString("target_period")),
                                rs.getString("target_label"), Money.ofFen(rs.getLong("amount_fen"))),
                        new CarryUse(CarryState.valueOf(rs.getString("state")),
                                Money.ofFen(rs.getLong("applied_fen")), Money.ofFen(rs.getLong("forwarded_fen")),
                                rs.getString("applied_to"), rs.getObject("applied_on", LocalDate.class)))).list();
    }

    private List<CarryLine> lines(String province, String region, String type, YearMonth period) {
        return lines(province, period.getYear()).stream().filter(c -> c.source().regionCode().equals(region)
                && c.source().insuranceType().equals(type) && c.target().period().equals(period)).toList();
    }

    private CarryLine line(long id, String region, String type, int clearYear, CarryTarget target, CarryUse use) {
        return new CarryLine(id, new CarrySource(region, registry.region(region).map(Region::name).orElse(region),
                type, registry.insuranceType(type).map(t -> t.name()).orElse(type), clearYear, CITATION), target,
                use);
    }
}

package org.medfund.crossregion.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.CarryState;
import org.medfund.crossregion.CrossRegionAnnualClearing.CarryLine;
import org.medfund.crossregion.CrossRegionAnnualClearing.CarryRelease;
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

    /**
     * What an allocation took: the carry (signed, never below −allocation), the derivation's inputs for it and the
     * carries it took them from.
     */
    record Taken(Money amount, List<Derivation.Input> inputs, List<Long> carryIds) {

        static final Taken NONE = new Taken(Money.ZERO, List.of(), List.of());
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

    /** The clearing of {@code clearYear} leaves {@code amount} (signed) for a region and type in an allocation. */
    void open(String province, int clearYear, String region, String type, Allocation target, Money amount) {
        if (amount.isZero()) {
            return; // a carry of zero posts nothing and shows nothing
        }
        jdbc.sql("""
                insert into cr_carry (province_code, region_code, insurance_type, clear_year, target_period,
                    target_label, amount_fen, state, applied_fen, forwarded_fen)
                values (:p, :r, :t, :y, :target, :label, :amount, :state, 0, 0)""")
                .param("p", province).param("r", region).param("t", type).param("y", clearYear)
                .param("target", target.period().toString()).param("label", target.label())
                .param("amount", amount.fen()).param("state", CarryState.OPEN.name()).update();
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
        List<Money> forwarded = forwarded(open, rest);
        List<Derivation.Input> inputs = new ArrayList<>();
        for (int i = 0; i < open.size(); i++) {
            CarryLine c = open.get(i);
            Money applied = c.target().amount().minus(forwarded.get(i));
            jdbc.sql("""
                    update cr_carry set state = :s, applied_fen = :applied, forwarded_fen = :fwd, applied_to = :to,
                        applied_on = :on where id = :id""")
                    .param("s", CarryState.APPLIED.name()).param("applied", applied.fen())
                    .param("fwd", forwarded.get(i).fen()).param("to", target.label()).param("on", on)
                    .param("id", c.id()).update();
            inputs.add(Derivation.Input.money(c.source().clearYear() + " 年度异地就医年度清算" + (c.target().amount()
                    .isNegative() ? "结余抵扣" : "不足补足") + "（" + c.source().insuranceTypeName() + "，" + CITATION
                    + "）", applied));
            if (!forwarded.get(i).isZero()) {
                forward(province, c, target, next, forwarded.get(i), on, packId);
                inputs.add(Derivation.Input.money("结余超过本期应拨付额，余额结转至" + next.label(), forwarded.get(i)));
            }
        }
        return new Taken(net.minus(rest), inputs, open.stream().map(CarryLine::id).toList());
    }

    /**
     * A region's resident reserve of {@code year} takes its carries (一(二), 三(四)): the pots keep their shares, what
     * is withheld for them changes by the carry, split over the pots by their shares (largest remainder; equally when
     * the region's shares are zero). A surplus beyond what is withheld goes on to next year's reserve.
     */
    Taken takeIntoReserve(String province, int year, String region, LocalDate on, String packId) {
        List<Map<String, Object>> pots = jdbc.sql("""
                select pot, amount_fen, carry_fen from cr_reserve_share
                where province_code = :p and reserve_year = :y and region_code = :r order by pot""")
                .param("p", province).param("y", year).param("r", region).query().listOfRows();
        if (pots.isEmpty()) {
            return Taken.NONE; // no share this year: the carry stays open and counts in this year's clearing
        }
        Money withheld = Money.ZERO;
        for (Map<String, Object> pot : pots) {
            withheld = withheld.plus(fen(pot, "amount_fen")).plus(fen(pot, "carry_fen"));
        }
        YearMonth period = YearMonth.of(year, 1);
        Taken taken = take(province, region, JdbcCrossRegionFunding.RESIDENT, new Allocation(period,
                reserveLabel(year)), withheld, on, new Allocation(period.plusYears(1), reserveLabel(year + 1)), packId);
        if (taken.amount().isZero()) {
            return taken;
        }
        boolean shares = pots.stream().anyMatch(pot -> fen(pot, "amount_fen").isPositive());
        List<Money> parts = taken.amount().allocate(pots.stream().map(pot -> shares
                ? fen(pot, "amount_fen").fen() : 1L).toList());
        for (int i = 0; i < parts.size(); i++) {
            jdbc.sql("""
                    update cr_reserve_share set carry_fen = carry_fen + :c
                    where province_code = :p and reserve_year = :y and region_code = :r and pot = :pot""")
                    .param("c", parts.get(i).fen()).param("p", province).param("y", year).param("r", region)
                    .param("pot", pots.get(i).get("pot")).update();
        }
        return taken;
    }

    private static Money fen(Map<String, Object> row, String column) {
        return Money.ofFen(((Number) row.get(column)).longValue());
    }

    /**
     * A surplus taken into a reserve already withheld gives the region back that much of its withheld subsidy: a
     * transfer from province finance's special account to the region's (henan-2023 三(四) "抵扣当年…预留资金"), in
     * transit until the region confirms it ({@code crossregion.annual.reserve-released}, posting-rules.txt).
     */
    void release(String province, int year, String region, Taken taken, LocalDate on, String packId) {
        if (!taken.amount().isNegative()) {
            return;
        }
        String transferId = "cr-carry-release-" + province + "-" + year + "-" + region;
        Map<String, String> parties = Map.of("region-finance", registry.financeOf(region).orElseThrow(() ->
                        Rejection.conflict("crossregion.no-finance", "regionCode", "统筹区 " + region + " 没有登记财政部门"))
                .code(), "province-finance", registry.financeOf(province).orElseThrow().code());
        YearMonth period = YearMonth.of(year, 1);
        ledger.post(new BusinessEvent("crossregion.annual.reserve-released", transferId, on, period,
                taken.amount().abs(), parties, JdbcCrossRegionFunding.RESIDENT, "cr_annual_clearing", province + "-"
                + (year - 1), packId, CITATION, "所属期间 " + period + "；险种 " + registry.insuranceType(
                JdbcCrossRegionFunding.RESIDENT).map(t -> t.name()).orElse(JdbcCrossRegionFunding.RESIDENT) + "；"
                + (year - 1) + " 年度异地就医资金年度清算结余抵扣" + reserveLabel(year) + "（已预留），退还统筹区"));
        jdbc.sql("update cr_carry set transfer_id = :t where id in (:ids)").param("t", transferId)
                .param("ids", taken.carryIds()).update();
    }

    /** The region confirms a release arrived; again answers the first confirmation. */
    CarryLine confirmRelease(long carryId, LocalDate on) {
        CarryLine carry = line(carryId);
        CarryRelease release = carry.use().release();
        if (release == null) {
            throw Rejection.conflict("crossregion.carry-no-release", "carryId", "该结转没有退还统筹区的资金");
        }
        if (release.receivedOn() != null) {
            return carry;
        }
        ledger.confirmReceipt(release.transferId(), on, release.transferId() + "-receipt");
        jdbc.sql("update cr_carry set received_on = :on where transfer_id = :t").param("on", on)
                .param("t", release.transferId()).update();
        return line(carryId);
    }

    /**
     * What an allocation takes of a net carry: all of it, except that an allocation never goes below zero — a
     * surplus offsets at most the allocation itself (the rest is forwarded).
     */
    static Money taken(Money allocation, Money net) {
        return net.max(allocation.negate());
    }

    /**
     * How the rest of a clipped surplus is forwarded, per carry: taken from the newest offsetting carries first
     * (the older surplus is used up first), each at most its own amount.
     */
    static List<Money> forwarded(List<CarryLine> carries, Money rest) {
        List<Money> parts = new ArrayList<>(Collections.nCopies(carries.size(), Money.ZERO));
        Money left = rest;
        for (int i = carries.size() - 1; i >= 0 && left.isNegative(); i--) {
            Money amount = carries.get(i).target().amount();
            if (amount.isNegative()) {
                Money part = amount.max(left);
                parts.set(i, part);
                left = left.minus(part);
            }
        }
        if (!left.isZero()) {
            throw new IllegalStateException("a rest of " + left + " without an offsetting carry");
        }
        return parts;
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
                        use(rs))).list();
    }

    /** One carry by id, in any year (404 when unknown). */
    CarryLine line(long id) {
        return jdbc.sql("select * from cr_carry where id = :id").param("id", id).query((rs, n) -> line(
                        rs.getLong("id"), rs.getString("region_code"), rs.getString("insurance_type"),
                        rs.getInt("clear_year"), new CarryTarget(YearMonth.parse(rs.getString("target_period")),
                                rs.getString("target_label"), Money.ofFen(rs.getLong("amount_fen"))), use(rs)))
                .optional().orElseThrow(() -> Rejection.notFound("crossregion.carry-not-found", "carryId",
                        "没有编号为 " + id + " 的年度清算结转"));
    }

    private static CarryUse use(ResultSet rs) throws SQLException {
        String transfer = rs.getString("transfer_id");
        return new CarryUse(CarryState.valueOf(rs.getString("state")), Money.ofFen(rs.getLong("applied_fen")),
                Money.ofFen(rs.getLong("forwarded_fen")), rs.getString("applied_to"),
                rs.getObject("applied_on", LocalDate.class), transfer == null ? null
                : new CarryRelease(transfer, rs.getObject("received_on", LocalDate.class)));
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

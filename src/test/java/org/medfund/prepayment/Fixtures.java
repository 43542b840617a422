package org.medfund.prepayment;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.medfund.claims.PlaceOfSettlement;
import org.medfund.claims.internal.TestSettlements;
import org.medfund.common.Money;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Test data of the prepayment scenarios: hospitals of their own (registry rows), agreements, settlements. */
public final class Fixtures {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 5000));

    private Fixtures() {
    }

    /** A new designated hospital with a unique code H + region + 9xxxx and a bank account. */
    public static String hospital(JdbcClient jdbc, String region, int grade, boolean cityManaged, String name) {
        String code = "H" + region + String.format("9%04d", NEXT.incrementAndGet() % 10000);
        jdbc.sql("""
                insert into registry_org (code, name, kind, region_code, grade, designated, city_managed, demo, source,
                  updated_at) values (:c, :n, 'HOSPITAL', :r, :g, true, :cm, false, 'test', current_timestamp)""")
                .param("c", code).param("n", name + code).param("r", region).param("g", grade)
                .param("cm", cityManaged).update();
        jdbc.sql("""
                insert into registry_account (id, org_code, kind, insurance_type, parent_id, bank_name, account_no,
                  account_name, source) values (:id, :c, 'BANK', null, null, '测试银行', :no, :n, 'test')""")
                .param("id", code + "-BANK").param("c", code).param("no", "TEST-" + code).param("n", name + "结算账户")
                .update();
        return code;
    }

    /** An open-ended agreement recorded by the clerk and confirmed by a reviewer of the same organisation. */
    public static void agreement(Agreements agreements, String hospital, Actor clerk) {
        var recorded = agreements.record(new Agreement(hospital, "XY-" + hospital, LocalDate.of(2020, 1, 1),
                null, "按年核定预付金，年终清算", false, null), "协议文本第八条", clerk, "t-agreement-" + hospital);
        agreements.confirm(recorded.id(), LocalDate.of(2020, 1, 1), actor("reviewer-" + clerk.userId(),
                clerk.orgCode(), Role.REVIEWER));
    }

    /** Same pooled-fund pay each month of a year (months 1..n). */
    public static Map<YearMonth, Money> months(int year, int fromMonth, int toMonth, long fen) {
        Map<YearMonth, Money> map = new LinkedHashMap<>();
        for (int m = fromMonth; m <= toMonth; m++) {
            map.put(YearMonth.of(year, m), Money.ofFen(fen));
        }
        return map;
    }

    public static void settlements(ApplicationContext context, String hospital, String region, String fund,
                            PlaceOfSettlement place, Map<YearMonth, Money> byMonth) {
        TestSettlements.store(context, hospital, region, fund, place, byMonth);
    }

    /** Opening balance of an agency's expenditure account, so disbursements have money to come from. */
    public static void fund(org.medfund.ledger.Ledger ledger, String agency, String requestId) {
        ledger.openBook(agency);
        ledger.post(new org.medfund.ledger.BusinessEvent("opening.balance.expenditure-account", requestId,
                LocalDate.of(2023, 12, 31), YearMonth.of(2023, 12), Money.ofYuan("100000000.00"),
                Map.of("book", agency), null, "test", requestId, null, null, "测试期初余额"));
    }

    /**
     * Opening balances of Xinyang's special account, in the city finance book and mirrored in the city centre's book,
     * so the art. 6 funding transfers (finance → city → county) have money to move.
     */
    public static void fundXinyangChain(org.medfund.ledger.Ledger ledger) {
        for (String book : new String[] {"411500-FINANCE", "411500-AGENCY"}) {
            ledger.openBook(book);
            String requestId = "t-open-special-" + book;
            ledger.post(new org.medfund.ledger.BusinessEvent("opening.balance.special-account", requestId,
                    LocalDate.of(2023, 12, 31), YearMonth.of(2023, 12), Money.ofYuan("500000000.00"),
                    Map.of("book", book), null, "test", requestId, null, null, "测试期初余额：财政专户存款"));
        }
    }

    /**
     * Xinyang's fund status for {@code year} (xinyang-2025 art. 7), recorded by the city clerk and confirmed by a city
     * reviewer: employee fund exactly 12.0 months payable (open); resident fund 6.0 (open) when {@code residentOpen},
     * else 5.99 (closed). Same monthly figures both funds. Each call is a new record (the newest confirmed counts).
     */
    public static void xinyangFundStatus(FundStatuses fundStatuses, int year, boolean residentOpen, Actor cityClerk) {
        List<FundMonth> actual = new ArrayList<>();
        List<FundMonth> forecast = new ArrayList<>();
        for (int m = 1; m <= 12; m++) {
            actual.add(new FundMonth(YearMonth.of(year - 1, m), Money.ofFen(1_000_001),
                    Money.ofFen(1_000_001)));
            forecast.add(new FundMonth(YearMonth.of(year, m), Money.ofFen(1_000_001),
                    Money.ofFen(1_000_001)));
        }
        Actor reviewer = actor("reviewer-" + cityClerk.userId(), cityClerk.orgCode(), Role.REVIEWER);
        String run = "t-fund-" + year + "-" + NEXT.incrementAndGet() + "-" + System.nanoTime();
        var employee = fundStatuses.record("411500", "310", year, new FundFigures(Money.ofFen(12_000_012),
                actual, forecast), "测试：基金决算报表", LocalDate.of(year, 1, 2), cityClerk, run + "-310");
        fundStatuses.confirm(employee.id(), reviewer);
        var resident = fundStatuses.record("411500", "390", year, new FundFigures(
                Money.ofFen(residentOpen ? 6_000_006 : 6_000_005), actual, forecast), "测试：基金决算报表",
                LocalDate.of(year, 1, 2), cityClerk, run + "-390");
        fundStatuses.confirm(resident.id(), reviewer);
    }

    public static Actor actor(String user, String org, Role... roles) {
        return new Actor(user, org, Set.of(roles));
    }
}

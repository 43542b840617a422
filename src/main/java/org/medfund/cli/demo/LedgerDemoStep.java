package org.medfund.cli.demo;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medfund.common.Money;
import org.medfund.ledger.BookType;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Region;
import org.medfund.registry.RegionLevel;
import org.medfund.registry.Registry;
import org.springframework.stereotype.Component;

/**
 * Demo step 300: opens the books of every agency, settlement centre and finance department of the four seed
 * provinces and posts their opening balances (fabricated, sized by level) on 2024-01-01, under fixed request ids so a
 * second run posts nothing. Ends by verifying the chains.
 */
@Component
class LedgerDemoStep implements DemoStep {

    static final List<String> PROVINCES = List.of("410000", "520000", "460000", "130000");
    static final LocalDate OPENING_DATE = LocalDate.of(2024, 1, 1);

    private final Registry registry;
    private final Ledger ledger;
    private final LedgerAudit audit;

    LedgerDemoStep(Registry registry, Ledger ledger, LedgerAudit audit) {
        this.registry = registry;
        this.ledger = ledger;
        this.audit = audit;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public String title() {
        return "账簿：开设经办机构、结算中心、财政专户账套并登记期初余额";
    }

    @Override
    public void run(PrintWriter out) {
        List<BusinessEvent> events = new ArrayList<>();
        int books = 0;
        for (String province : PROVINCES) {
            List<Region> regions = new ArrayList<>(registry.descendants(province));
            regions.add(0, registry.requireRegion(province, "province"));
            for (Region region : regions) {
                for (OrgKind kind : List.of(OrgKind.AGENCY, OrgKind.SETTLEMENT_CENTRE, OrgKind.FINANCE)) {
                    for (Org org : registry.orgs(region.code(), kind)) {
                        ledger.openBook(org.code());
                        books++;
                        events.addAll(openingBalances(org, region.level()));
                    }
                }
            }
        }
        long before = ledger.books().stream().mapToLong(b -> b.entryCount()).sum();
        ledger.postAll(events);
        long after = ledger.books().stream().mapToLong(b -> b.entryCount()).sum();
        out.println("账套 " + books + " 个；本次新记期初凭证 " + (after - before) + " 张"
                + (after == before ? "（已存在，未重复记账）" : ""));
        var breaks = audit.verifyChains(null);
        out.println(breaks.isEmpty() ? "哈希链与封签校验通过" : "哈希链断裂：" + breaks.get(0));
    }

    /** Fabricated opening balances: special account by level, expenditure 20% and income 10% of it. */
    private static List<BusinessEvent> openingBalances(Org org, RegionLevel level) {
        long specialYuan = level == RegionLevel.PROVINCE ? 80_000_000 : level == RegionLevel.CITY ? 30_000_000
                : 8_000_000;
        List<BusinessEvent> events = new ArrayList<>();
        events.add(opening(org, "opening.balance.special-account", specialYuan));
        if (BookType.of(org.kind()) == BookType.AGENCY) {
            events.add(opening(org, "opening.balance.expenditure-account", specialYuan / 5));
            events.add(opening(org, "opening.balance.income-account", specialYuan / 10));
        }
        return events;
    }

    private static BusinessEvent opening(Org org, String rule, long yuan) {
        return new BusinessEvent(rule, "demo-ledger-" + rule + "-" + org.code(), OPENING_DATE, null,
                Money.ofFen(yuan * 100), Map.of("book", org.code()), null, "opening-balance", org.code(), null,
                null, "期初余额（演示数据）");
    }
}

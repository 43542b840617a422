package org.medfund.web.crossregion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfund.crossregion.CountyRemittances;
import org.medfund.crossregion.CountyShare;
import org.medfund.crossregion.CountyShareState;
import org.medfund.crossregion.RegionFundPay;
import org.medfund.common.Money;
import org.medfund.crossregion.CrossRegion;
import org.medfund.crossregion.CrossRegionQuotas;
import org.medfund.crossregion.Obligation;
import org.medfund.crossregion.Quota;
import org.medfund.crossregion.QuotaKey;
import org.medfund.crossregion.QuotaState;
import org.medfund.crossregion.Usage;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerReports;
import org.medfund.notices.XlsxExport;
import org.medfund.policy.PolicyPack;
import org.medfund.policy.PolicyPacks;
import org.medfund.registry.Org;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.medfund.web.MedfundUser;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * 异地就医预付金 page (guizhou-2017 三(三), 五(一)(二), 附件一): per city the quarter's quota, cleared amount and usage
 * gauge (yellow ≥ 70 %, red ≥ 90 %), the steps with buttons for the organisation whose turn it is (the city agency
 * confirms, city finance reviews and remits, the province centre confirms the receipt), the open obligations with due
 * dates and the suspended regions; the county shares of the quotas (附件二 一(一)1-2, 二(一)1-2) with the county
 * finance's remit and the city finance's receipt buttons. A city sees only its own quotas, a county its own share.
 * Names, not codes; citations by document number.
 */
@Controller
class QuotaPages {

    private final CrossRegionQuotas funding;
    private final CrossRegion crossRegion;
    private final CountyRemittances counties;
    private final Registry registry;
    private final PolicyPacks packs;
    private final Clock clock;
    private final LedgerReports ledger;
    private final Ledger ledgerBooks;

    QuotaPages(CrossRegionQuotas funding, CrossRegion crossRegion, CountyRemittances counties, Registry registry,
               PolicyPacks packs, Clock clock, LedgerReports ledger, Ledger ledgerBooks) {
        this.ledger = ledger;
        this.ledgerBooks = ledgerBooks;
        this.funding = funding;
        this.crossRegion = crossRegion;
        this.counties = counties;
        this.registry = registry;
        this.packs = packs;
        this.clock = clock;
    }

    record QuotaRow(String id, String city, String scope, String kind, String state, String level, String amount,
                    String remitDue, String derivation, String citation, String action, String actionLabel) {
    }

    record UsageRow(String quotaId, String city, String scope, String prepaid, String cleared, String rate,
                    String percent, String warning, String warningClass, String derivation) {
    }

    record CountyRow(String id, String county, String city, String quota, String lastYear, String amount,
                     String state, String remittedOn, String receivedOn, String derivation, String citation,
                     String action, String actionLabel) {
    }

    /** The city agency's form to split a quota not split yet: the city itself first, then its counties. */
    record SplitForm(String quotaId, String label, String amount, List<RegionOption> regions) {
    }

    record RegionOption(String code, String name) {
    }

    record ObligationRow(long id, String what, String who, String subject, String due, String state,
                         boolean overdue, String citation, boolean mine) {
    }

    @GetMapping("/crossregion/quotas")
    String page(@AuthenticationPrincipal MedfundUser user, @RequestParam(required = false) Integer year,
                @RequestParam(required = false) Integer quarter, Model model) {
        LocalDate today = LocalDate.now(clock);
        int y = year == null ? today.getYear() : year;
        int q = quarter == null ? (today.getMonthValue() - 1) / 3 + 1 : quarter;
        List<Quota> quotas = funding.quotas(y, q, user.actor());
        model.addAttribute("year", y);
        model.addAttribute("quarter", q);
        model.addAttribute("quotas", quotas.stream().map(x -> row(x, user)).toList());
        model.addAttribute("usages", usages(quotas, today, user));
        List<CountyShare> shares = counties.shares(y, q, user.actor());
        model.addAttribute("countyShares", shares.stream().map(s -> county(s, user)).toList());
        model.addAttribute("splitForms", quotas.stream().filter(x -> isCityAgencyClerk(x.key().cityRegionCode(), user)
                && x.amount().isPositive() && shares.stream().noneMatch(s -> s.quotaId().equals(x.id()))
                && !registry.descendants(x.key().cityRegionCode()).isEmpty())
                .map(this::splitForm).toList());
        LocalDate from = LocalDate.of(y, (q - 1) * 3 + 1, 1);
        model.addAttribute("obligations", funding.obligations(from, from.plusMonths(3).minusDays(1), user.actor())
                .stream().map(o -> obligation(o, today, user)).toList());
        model.addAttribute("suspensions", crossRegion.suspensions(user.actor()).stream()
                .filter(s -> s.activeOn(today)).map(s -> s.regionName() + "（" + s.startedOn() + " 起：" + s.reason()
                        + "）").toList());
        return "crossregion-quotas";
    }

    /**
     * One quota (issue 14 "every amount opens its derivation and its ledger entries"): the amount's derivation with
     * its article, the quarter's usage with its own, and the vouchers its remittance posted in the books the user
     * may see (the sending books at once, the receiving ones on receipt), each opening the voucher page.
     */
    @GetMapping("/crossregion/quotas/{id}")
    String quota(@AuthenticationPrincipal MedfundUser user, @PathVariable String id, Model model) {
        Quota quota = funding.quota(id, user.actor());
        LocalDate today = LocalDate.now(clock);
        model.addAttribute("q", quota);
        model.addAttribute("usage", funding.usage(quota.key(), today, user.actor()));
        model.addAttribute("today", today);
        model.addAttribute("vouchers", ledger.entriesOfDocument("crossregion-quota", quota.id()).stream()
                .filter(e -> registry.canSeeOrg(user.actor(), e.bookOrgCode())).toList());
        model.addAttribute("transfer", quota.steps().transferId() == null ? null
                : ledgerBooks.transfer(quota.steps().transferId()).orElse(null));
        return "crossregion-quota";
    }

    @PostMapping("/crossregion/quotas/{id}/{step}")
    String step(@AuthenticationPrincipal MedfundUser user, @PathVariable String id, @PathVariable String step,
                @RequestParam(required = false) Integer year, @RequestParam(required = false) Integer quarter) {
        LocalDate today = LocalDate.now(clock);
        switch (step) {
            case "confirm" -> funding.confirm(id, today, user.actor());
            case "review" -> funding.review(id, today, user.actor());
            case "remit" -> funding.remit(id, today, user.actor());
            case "receive" -> funding.receive(id, today, user.actor());
            default -> throw org.medfund.common.Rejection.notFound("crossregion.step-unknown", "step",
                    "没有这个办理步骤");
        }
        Quota quota = funding.quota(id, user.actor());
        return "redirect:/crossregion/quotas?year=" + quota.key().year() + "&quarter=" + quota.key().quarter();
    }

    @PostMapping("/crossregion/quotas/{id}/county-split")
    String split(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                 @RequestParam(name = "region", required = false) List<String> regions,
                 @RequestParam(name = "lastYear", required = false) List<String> lastYear) {
        List<RegionFundPay> weights = new ArrayList<>();
        for (int i = 0; regions != null && lastYear != null && i < Math.min(regions.size(), lastYear.size()); i++) {
            if (!lastYear.get(i).isBlank()) {
                weights.add(new RegionFundPay(regions.get(i), Money.ofYuan(lastYear.get(i).strip())));
            }
        }
        counties.split(id, weights, LocalDate.now(clock), user.actor());
        Quota quota = funding.quota(id, user.actor());
        return "redirect:/crossregion/quotas?year=" + quota.key().year() + "&quarter=" + quota.key().quarter();
    }

    private boolean isCityAgencyClerk(String city, MedfundUser user) {
        return registry.agencyOf(city).map(Org::code).filter(user.actor().orgCode()::equals).isPresent()
                && user.actor().has(Role.CLERK);
    }

    private SplitForm splitForm(Quota x) {
        List<RegionOption> regions = new ArrayList<>();
        regions.add(new RegionOption(x.key().cityRegionCode(), x.cityName() + "（市本级）"));
        registry.descendants(x.key().cityRegionCode()).stream()
                .filter(r -> r.level() == org.medfund.registry.RegionLevel.COUNTY)
                .forEach(r -> regions.add(new RegionOption(r.code(), r.name())));
        return new SplitForm(x.id(), x.cityName() + " " + x.key().label() + x.kind().label(),
                x.amount().toYuanText(), regions);
    }

    @PostMapping("/crossregion/county-shares/{id}/{step}")
    String countyStep(@AuthenticationPrincipal MedfundUser user, @PathVariable String id, @PathVariable String step) {
        LocalDate today = LocalDate.now(clock);
        CountyShare share = switch (step) {
            case "remit" -> counties.remit(id, today, user.actor());
            case "receive" -> counties.receive(id, today, user.actor());
            default -> throw org.medfund.common.Rejection.notFound("crossregion.step-unknown", "step",
                    "没有这个办理步骤");
        };
        return "redirect:/crossregion/quotas?year=" + share.quota().year() + "&quarter=" + share.quota().quarter();
    }

    @GetMapping("/crossregion/county-shares.xlsx")
    ResponseEntity<byte[]> countyExport(@AuthenticationPrincipal MedfundUser user, @RequestParam int year,
                                        @RequestParam int quarter) {
        List<List<Object>> rows = new ArrayList<>();
        for (CountyShare c : counties.shares(year, quarter, user.actor())) {
            CountyRow r = county(c, user);
            rows.add(List.of(r.county(), r.city(), r.quota(), c.pastFundPay().toYuan(), c.amount().toYuan(), r.state(),
                    r.remittedOn(), r.receivedOn(), c.derivation().explain()));
        }
        return XlsxExport.response(year + "年第" + quarter + "季度-县（区）预付金划拨.xlsx", "县区预付金",
                List.of("县（区）", "市（州）", "预付金", "上年异地就医基金支付（元）", "应划拨（元）", "状态", "划拨日期",
                        "到账日期", "计算依据"), rows);
    }

    private CountyRow county(CountyShare s, MedfundUser user) {
        boolean countyFinance = registry.financeOf(s.countyRegionCode()).map(Org::code)
                .filter(user.actor().orgCode()::equals).isPresent() && user.actor().has(Role.FINANCE);
        boolean cityFinance = registry.financeOf(s.quota().cityRegionCode()).map(Org::code)
                .filter(user.actor().orgCode()::equals).isPresent() && user.actor().has(Role.FINANCE);
        String action = s.state() == CountyShareState.SPLIT && countyFinance ? "remit"
                : s.state() == CountyShareState.REMITTED && cityFinance ? "receive" : null;
        String label = action == null ? null : action.equals("remit") ? "划拨市州财政专户" : "确认到账";
        String city = registry.region(s.quota().cityRegionCode()).map(r -> r.name()).orElse("");
        return new CountyRow(s.id(), s.countyName(), city, s.quota().label(), s.pastFundPay().toYuanText(),
                s.amount().toYuanText(), s.state().label(), s.steps().remittedOn() == null ? ""
                : s.steps().remittedOn().toString(), s.steps().receivedOn() == null ? ""
                : s.steps().receivedOn().toString(), s.derivation().explain(),
                staffCitation(s.derivation().citation()), action, label);
    }

    @GetMapping("/crossregion/quotas.xlsx")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal MedfundUser user, @RequestParam int year,
                                  @RequestParam int quarter) {
        List<List<Object>> rows = new ArrayList<>();
        for (Quota x : funding.quotas(year, quarter, user.actor())) {
            rows.add(List.of(x.id(), x.cityName(), x.key().scope().label(), x.kind().label(), x.state().label(),
                    x.level().toYuan(), x.amount().toYuan(), String.valueOf(x.steps().remitDue()),
                    x.derivation().explain()));
        }
        return XlsxExport.response(year + "年第" + quarter + "季度-贵州省异地就医费用预付金明细表.xlsx", "预付金明细",
                List.of("编号", "市（州）", "类别", "方式", "状态", "本季度预付金额度（元）", "应上解金额（元）", "上解截止日期", "计算依据"),
                rows);
    }

    private QuotaRow row(Quota x, MedfundUser user) {
        String city = x.key().cityRegionCode();
        boolean agency = registry.agencyOf(city).map(Org::code).filter(user.actor().orgCode()::equals).isPresent()
                && user.actor().has(Role.CLERK);
        boolean finance = registry.financeOf(city).map(Org::code).filter(user.actor().orgCode()::equals)
                .isPresent() && user.actor().has(Role.FINANCE);
        boolean centre = registry.org(user.actor().orgCode()).map(o -> o.kind() == org.medfund.registry.OrgKind
                .SETTLEMENT_CENTRE).orElse(false) && user.actor().has(Role.CLERK);
        String action = x.state() == QuotaState.NOTIFIED && agency ? "confirm"
                : x.state() == QuotaState.CONFIRMED && finance ? "review"
                : x.state() == QuotaState.REVIEWED && finance ? "remit"
                : x.state() == QuotaState.REMITTED && centre ? "receive" : null;
        String label = action == null ? null : switch (action) {
            case "confirm" -> "确认预付金";
            case "review" -> "审核";
            case "remit" -> "上解省级财政专户";
            default -> "确认到账";
        };
        return new QuotaRow(x.id(), x.cityName(), x.key().scope().label(), x.kind().label(), x.state().label(),
                x.level().toYuanText(), x.amount().toYuanText(), String.valueOf(x.steps().remitDue()),
                x.derivation().explain(), staffCitation(x.derivation().citation()), action, label);
    }

    private List<UsageRow> usages(List<Quota> quotas, LocalDate today, MedfundUser user) {
        Map<QuotaKey, Quota> first = new LinkedHashMap<>();
        quotas.forEach(x -> first.putIfAbsent(x.key(), x));
        List<UsageRow> rows = new ArrayList<>();
        first.forEach((key, quota) -> {
            Usage u = funding.usage(key, today, user.actor());
            String percent = u.rate() == null ? "0" : u.rate().movePointRight(2).stripTrailingZeros().toPlainString();
            rows.add(new UsageRow(quota.id(), quota.cityName(), key.scope().label(), u.prepaid().toYuanText(),
                    u.cleared().toYuanText(),
                    u.rate() == null ? "—" : percent + "%", percent, u.warning().label(),
                    u.warning().name().toLowerCase(), u.derivation().explain()));
        });
        return rows;
    }

    private ObligationRow obligation(Obligation o, LocalDate today, MedfundUser user) {
        String who = ObligationLine.who(o, registry);
        String subject = o.subject().isEmpty() ? "" : registry.region(o.subject().split("/")[0])
                .map(r -> r.name()).orElse(o.subject());
        return new ObligationRow(o.id(), o.kind().label(), who, subject, o.dueDate().toString(),
                ObligationLine.state(o, today),
                o.overdueOn(today) && o.doneOn() == null, staffCitation(o.citation()),
                o.orgCode().equals(user.actor().orgCode()) && o.doneOn() == null);
    }

    @PostMapping("/crossregion/obligations/{id}/complete")
    String complete(@AuthenticationPrincipal MedfundUser user, @PathVariable long id) {
        funding.complete(id, LocalDate.now(clock), user.actor());
        return "redirect:/crossregion/quotas";
    }

    /** "guizhou-2017 v1, guizhou-2017 附件一 一(二)" → "黔人社厅通〔2017〕204号 附件一 一(二)". */
    private String staffCitation(String citation) {
        int comma = citation.indexOf(", ");
        String article = comma < 0 ? citation : citation.substring(comma + 2);
        int space = article.indexOf(' ');
        if (space < 0) {
            return article;
        }
        String packId = article.substring(0, space);
        return packs.pack(packId).map(PolicyPack::documentNo).map(no -> no + " " + article.substring(space + 1))
                .orElse(article);
    }
}

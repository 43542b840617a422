package org.medfund.web.ledger;

import jakarta.servlet.http.HttpSession;
import org.medfund.web.MedfundUser;
import org.medfund.web.MonthFilter;
import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.medfund.common.Rejection;
import org.medfund.ledger.Book;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerReports;
import org.medfund.registry.Registry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** Staff pages of the ledger: book list, trial balance, detail ledger, journal, balances by counterparty. */
@Controller
class LedgerPages {

    private final Ledger ledger;
    private final LedgerReports reports;
    private final ObjectProvider<Registry> registry;
    private final Clock clock;

    LedgerPages(Ledger ledger, LedgerReports reports, ObjectProvider<Registry> registry, Clock clock) {
        this.ledger = ledger;
        this.reports = reports;
        this.registry = registry;
        this.clock = clock;
    }

    private Book visibleBook(MedfundUser user, String org) {
        LedgerApi.requireVisible(user, registry.getIfAvailable(), org);
        return ledger.book(org).orElseThrow(() -> Rejection.notFound("ledger.book-missing",
                "orgCode", "该机构尚无账套: " + org));
    }

    @GetMapping("/ledger")
    String books(@AuthenticationPrincipal MedfundUser user, Model model) {
        Registry orgs = registry.getIfAvailable();
        model.addAttribute("books", ledger.books().stream()
                .filter(b -> orgs != null && orgs.canSeeOrg(user.actor(), b.orgCode())).toList());
        model.addAttribute("period", YearMonth.now(clock));
        model.addAttribute("canVerify", VoucherPages.canVerify(user.actor()));
        return "ledger/books";
    }

    @GetMapping("/ledger/{org}/trial-balance")
    String trialBalance(@AuthenticationPrincipal MedfundUser user, @PathVariable String org,
                        @RequestParam(required = false) String period, HttpSession session, Model model) {
        Book book = visibleBook(user, org);
        YearMonth month = opening(org, period, session);
        model.addAttribute("book", book);
        model.addAttribute("period", month);
        model.addAttribute("trial", reports.trialBalance(org, month));
        return "ledger/trial-balance";
    }

    @GetMapping("/ledger/{org}/detail")
    String detail(@AuthenticationPrincipal MedfundUser user, @PathVariable String org,
                  @RequestParam(required = false) String account, @RequestParam(required = false) String from,
                  @RequestParam(required = false) String to, @RequestParam(required = false) String counterparty,
                  Model model) {
        Book book = visibleBook(user, org);
        String shown = account == null || account.isBlank() ? defaultAccount(book, "1004") : account;
        YearMonth end = LedgerApi.period(to, "to", clock);
        YearMonth start = from == null || from.isBlank() ? end.withMonth(1) : LedgerApi.period(from, "from", clock);
        String party = counterparty == null || counterparty.isBlank() ? null : counterparty;
        model.addAttribute("book", book);
        model.addAttribute("accounts", reports.chart(book.type()));
        model.addAttribute("detail", reports.detailLedger(org, shown, start, end, party));
        model.addAttribute("counterparty", party);
        return "ledger/detail";
    }

    @GetMapping("/ledger/{org}/journal")
    String journal(@AuthenticationPrincipal MedfundUser user, @PathVariable String org,
                   @RequestParam(required = false) String period, HttpSession session, Model model) {
        Book book = visibleBook(user, org);
        YearMonth month = opening(org, period, session);
        model.addAttribute("book", book);
        model.addAttribute("period", month);
        model.addAttribute("entries", reports.journal(org, month));
        return "ledger/journal";
    }

    @GetMapping("/ledger/{org}/balances")
    String balances(@AuthenticationPrincipal MedfundUser user, @PathVariable String org,
                    @RequestParam(required = false) String account, @RequestParam(required = false) String asOf,
                    Model model) {
        Book book = visibleBook(user, org);
        String shown = account == null || account.isBlank() ? defaultAccount(book, "1211.01") : account;
        var day = LedgerApi.date(asOf, "asOf", clock);
        model.addAttribute("book", book);
        model.addAttribute("account", shown);
        model.addAttribute("accounts", reports.chart(book.type()));
        model.addAttribute("asOf", day);
        model.addAttribute("balances", reports.balancesByCounterparty(org, shown, day));
        return "ledger/balances";
    }

    /**
     * The period a trial balance or journal shows: the one asked for, else the month remembered from another page
     * ({@link MonthFilter}), else the book's latest period with an entry, else the current month.
     */
    private YearMonth opening(String org, String period, HttpSession session) {
        if (period != null && !period.isBlank()) {
            // Bad input keeps the ledger's own problem code (ledger.period-invalid), as before.
            LedgerApi.period(period, "period", clock);
        }
        return MonthFilter.resolve(session, period)
                .or(() -> reports.latestPeriod(org))
                .orElseGet(() -> YearMonth.now(clock));
    }

    /**
     * The account a page opens on when none is asked for: the agency's usual one (支出户存款, 暂付款—医保预付金) where
     * the book's chart has it, else the chart's first postable account (a finance book: 财政专户存款).
     */
    private String defaultAccount(Book book, String preferred) {
        List<LedgerReports.AccountInfo> chart = reports.chart(book.type());
        return chart.stream().filter(a -> a.code().equals(preferred) && a.postable()).findFirst()
                .or(() -> chart.stream().filter(LedgerReports.AccountInfo::postable).findFirst())
                .map(LedgerReports.AccountInfo::code).orElse(preferred);
    }
}

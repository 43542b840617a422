package org.medfund.web.ledger;

import org.medfund.web.MedfundUser;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.medfund.common.Rejection;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.ledger.LedgerReports;
import org.medfund.registry.Registry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/ledger/...}: books, trial balance (科目余额表), detail ledger (明细账), journal (序时账), balances by
 * counterparty, transfers in transit and chain verification, each scoped by {@link Registry#canSeeOrg}. Every
 * statement also exports as xlsx ({@code ….xlsx}); the xlsx routes have session twins under {@code /ledger/{org}/…}
 * for the staff pages, since {@code /api/**} honours bearer tokens only.
 */
@RestController
@Tag(name = "ledger", description = "基金账簿：账套、科目余额表、明细账、序时账、往来余额、在途划款、哈希链校验")
class LedgerApi {

    private final Ledger ledger;
    private final LedgerReports reports;
    private final LedgerAudit audit;
    private final ObjectProvider<Registry> registry;
    private final Clock clock;

    LedgerApi(Ledger ledger, LedgerReports reports, LedgerAudit audit, ObjectProvider<Registry> registry,
              Clock clock) {
        this.ledger = ledger;
        this.reports = reports;
        this.audit = audit;
        this.registry = registry;
        this.clock = clock;
    }

    /** Refuses a book outside the caller's scope (403), so nobody learns more than they may see. */
    static void requireVisible(MedfundUser user, Registry registry, String orgCode) {
        if (registry == null || !registry.canSeeOrg(user.actor(), orgCode)) {
            throw Rejection.forbidden("ledger.out-of-scope", "orgCode", "无权查看该机构的账簿: " + orgCode);
        }
    }

    private void visible(MedfundUser user, String orgCode) {
        requireVisible(user, registry.getIfAvailable(), orgCode);
    }

    static YearMonth period(String text, String field, Clock clock) {
        if (text == null || text.isBlank()) {
            return YearMonth.now(clock);
        }
        try {
            return YearMonth.parse(text);
        } catch (DateTimeParseException e) {
            throw new Rejection("ledger.period-invalid", field, "期间格式应为 YYYY-MM: " + text);
        }
    }

    static LocalDate date(String text, String field, Clock clock) {
        if (text == null || text.isBlank()) {
            return LocalDate.now(clock);
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new Rejection("ledger.date-invalid", field, "日期格式应为 YYYY-MM-DD: " + text);
        }
    }

    static ResponseEntity<byte[]> xlsx(byte[] body, String name) {
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + ".xlsx\"")
                .contentType(MediaType.parseMediaType(LedgerXlsx.CONTENT_TYPE))
                .body(body);
    }

    @GetMapping("/api/ledger/books")
    @Operation(summary = "本机构可见的账套")
    List<LedgerViews.BookView> books(@AuthenticationPrincipal MedfundUser user) {
        Registry orgs = registry.getIfAvailable();
        return ledger.books().stream()
                .filter(b -> orgs != null && orgs.canSeeOrg(user.actor(), b.orgCode()))
                .map(LedgerViews.BookView::of).toList();
    }

    @GetMapping("/api/ledger/books/{org}/trial-balance")
    @Operation(summary = "科目余额表（期初、本期发生、期末；period=YYYY-MM，默认本月）")
    LedgerViews.TrialBalanceView trialBalance(@AuthenticationPrincipal MedfundUser user, @PathVariable String org,
                                              @RequestParam(required = false) String period) {
        visible(user, org);
        return LedgerViews.TrialBalanceView.of(reports.trialBalance(org, period(period, "period", clock)));
    }

    @GetMapping({"/api/ledger/books/{org}/trial-balance.xlsx", "/ledger/{org}/trial-balance.xlsx"})
    @Operation(summary = "科目余额表 xlsx")
    ResponseEntity<byte[]> trialBalanceXlsx(@AuthenticationPrincipal MedfundUser user, @PathVariable String org,
                                            @RequestParam(required = false) String period) {
        visible(user, org);
        YearMonth month = period(period, "period", clock);
        return xlsx(LedgerXlsx.trialBalance(reports.trialBalance(org, month)), "trial-balance-" + org + "-" + month);
    }

    @GetMapping("/api/ledger/books/{org}/detail")
    @Operation(summary = "明细账：科目（含明细科目）在期间内的分录及逐笔余额；可按往来单位筛选")
    LedgerViews.DetailView detail(@AuthenticationPrincipal MedfundUser user, @PathVariable String org,
                                  @RequestParam String account, @RequestParam(required = false) String from,
                                  @RequestParam(required = false) String to,
                                  @RequestParam(required = false) String counterparty) {
        visible(user, org);
        return LedgerViews.DetailView.of(reports.detailLedger(org, account, period(from, "from", clock),
                period(to, "to", clock), counterparty));
    }

    @GetMapping({"/api/ledger/books/{org}/detail.xlsx", "/ledger/{org}/detail.xlsx"})
    @Operation(summary = "明细账 xlsx")
    ResponseEntity<byte[]> detailXlsx(@AuthenticationPrincipal MedfundUser user, @PathVariable String org,
                                      @RequestParam String account, @RequestParam(required = false) String from,
                                      @RequestParam(required = false) String to,
                                      @RequestParam(required = false) String counterparty) {
        visible(user, org);
        return xlsx(LedgerXlsx.detail(reports.detailLedger(org, account, period(from, "from", clock),
                period(to, "to", clock), counterparty)), "detail-" + org + "-" + account);
    }

    @GetMapping("/api/ledger/books/{org}/journal")
    @Operation(summary = "序时账：一个会计期间的全部凭证")
    List<LedgerViews.EntryView> journal(@AuthenticationPrincipal MedfundUser user, @PathVariable String org,
                                        @RequestParam(required = false) String period) {
        visible(user, org);
        return reports.journal(org, period(period, "period", clock)).stream().map(LedgerViews.EntryView::of).toList();
    }

    @GetMapping({"/api/ledger/books/{org}/journal.xlsx", "/ledger/{org}/journal.xlsx"})
    @Operation(summary = "序时账 xlsx")
    ResponseEntity<byte[]> journalXlsx(@AuthenticationPrincipal MedfundUser user, @PathVariable String org,
                                       @RequestParam(required = false) String period) {
        visible(user, org);
        YearMonth month = period(period, "period", clock);
        return xlsx(LedgerXlsx.journal(org + " " + month, reports.journal(org, month)), "journal-" + org + "-" + month);
    }

    @GetMapping("/api/ledger/books/{org}/balances")
    @Operation(summary = "往来余额：科目按往来单位的余额（如 1211.01 暂付款—医保预付金按医院）")
    List<LedgerViews.BalanceView> balances(@AuthenticationPrincipal MedfundUser user, @PathVariable String org,
                                           @RequestParam String account, @RequestParam(required = false) String asOf) {
        visible(user, org);
        return reports.balancesByCounterparty(org, account, date(asOf, "asOf", clock)).stream()
                .map(LedgerViews.BalanceView::of).toList();
    }

    @GetMapping({"/api/ledger/books/{org}/balances.xlsx", "/ledger/{org}/balances.xlsx"})
    @Operation(summary = "往来余额 xlsx")
    ResponseEntity<byte[]> balancesXlsx(@AuthenticationPrincipal MedfundUser user, @PathVariable String org,
                                        @RequestParam String account, @RequestParam(required = false) String asOf) {
        visible(user, org);
        LocalDate day = date(asOf, "asOf", clock);
        return xlsx(LedgerXlsx.balances(org + " " + account + " " + day,
                reports.balancesByCounterparty(org, account, day)), "balances-" + org + "-" + account);
    }

    @GetMapping("/api/ledger/books/{org}/entries/{sequenceNo}")
    @Operation(summary = "一张凭证")
    LedgerViews.EntryView entry(@AuthenticationPrincipal MedfundUser user, @PathVariable String org,
                                @PathVariable long sequenceNo) {
        visible(user, org);
        return ledger.entry(org, sequenceNo).map(LedgerViews.EntryView::of).orElseThrow(() -> Rejection.notFound(
                "ledger.entry-unknown", "sequenceNo", "无此凭证: " + org + " #" + sequenceNo));
    }

    @GetMapping("/api/ledger/books/{org}/verify")
    @Operation(summary = "校验该账套：哈希链、封签与锚点，由分录重算的余额缓存与结账快照；返回第一处断点与其他问题")
    LedgerViews.VerifyView verify(@AuthenticationPrincipal MedfundUser user, @PathVariable String org) {
        visible(user, org);
        ledger.book(org).orElseThrow(() -> Rejection.notFound("ledger.book-missing", "orgCode",
                "该机构尚无账套: " + org));
        return LedgerViews.VerifyView.of(org, audit.verify(org));
    }

    @GetMapping("/api/ledger/transfers/in-transit")
    @Operation(summary = "在途划款：付款方已记账、收款方尚未确认到账（仅列出本机构可见的一方）")
    List<LedgerViews.TransferView> inTransit(@AuthenticationPrincipal MedfundUser user) {
        Registry orgs = registry.getIfAvailable();
        return reports.transfersInTransit().stream()
                .filter(t -> orgs != null && t.parties().values().stream()
                        .anyMatch(code -> orgs.canSeeOrg(user.actor(), code)))
                .map(LedgerViews.TransferView::of).toList();
    }
}

package org.medfund.web.ledger;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfund.common.Rejection;
import org.medfund.ledger.Book;
import org.medfund.ledger.EntryLine;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.ledger.LedgerReports;
import org.medfund.ledger.PostedEntry;
import org.medfund.policy.PolicyPack;
import org.medfund.policy.PolicyPacks;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.Registry;
import org.medfund.registry.Role;
import org.medfund.settlement.MonthlySettlements;
import org.medfund.settlement.PaymentBatch;
import org.medfund.web.MedfundUser;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * Issue 13: one voucher (记账凭证) with its lines by name, the policy article that produced it, its reversal, and the
 * way back to the business document that caused it — a payment batch line (and from there the reconciliations and
 * settlements down to the {@code setl_id}), a prepayment, a funding transfer — plus the other vouchers of the same
 * document in the books the user may see. And the chain check of a book, offered to auditors and administrators.
 */
@Controller
class VoucherPages {

    /** Other vouchers of the same document listed on a voucher page (a batch posts one per hospital and fund). */
    static final int RELATED_SHOWN_MAX = 50;

    private final Ledger ledger;
    private final LedgerReports reports;
    private final LedgerAudit audit;
    private final ObjectProvider<Registry> registry;
    private final PolicyPacks packs;
    private final MonthlySettlements settlements;
    private final Clock clock;

    VoucherPages(Ledger ledger, LedgerReports reports, LedgerAudit audit, ObjectProvider<Registry> registry,
                 PolicyPacks packs, MonthlySettlements settlements, Clock clock) {
        this.ledger = ledger;
        this.reports = reports;
        this.audit = audit;
        this.registry = registry;
        this.packs = packs;
        this.settlements = settlements;
        this.clock = clock;
    }

    /** A line as shown: the counterparty and insurance type by name. */
    record LineRow(EntryLine line, String counterpartyName, String insuranceName) {
    }

    /** A link from the voucher to the business document (or a part of it) that caused it. */
    record DocumentLink(String label, String href) {
    }

    @GetMapping("/ledger/{org}/entries/{sequenceNo}")
    String voucher(@AuthenticationPrincipal MedfundUser user, @PathVariable String org, @PathVariable long sequenceNo,
                   Model model) {
        Registry orgs = registry.getIfAvailable();
        LedgerApi.requireVisible(user, orgs, org);
        Book book = ledger.book(org).orElseThrow(() -> Rejection.notFound("ledger.book-missing", "orgCode",
                "该机构尚无账套: " + org));
        PostedEntry entry = ledger.entry(org, sequenceNo).orElseThrow(() -> Rejection.notFound(
                "ledger.entry-unknown", "sequenceNo", "无此凭证：" + book.name() + " 第 " + sequenceNo + " 号"));
        model.addAttribute("book", book);
        model.addAttribute("entry", entry);
        model.addAttribute("lines", entry.lines().stream().map(l -> new LineRow(l, name(orgs, l.counterpartyOrgCode()),
                l.insuranceType() == null ? null : orgs.insuranceType(l.insuranceType()).map(t -> t.name())
                        .orElse(l.insuranceType()))).toList());
        model.addAttribute("pack", entry.packId() == null ? null : packs.pack(entry.packId()).orElse(null));
        model.addAttribute("reversedBy", reports.reversalOf(org, sequenceNo).orElse(null));
        model.addAttribute("documents", documents(user.actor(), entry));
        List<PostedEntry> related = entry.documentId() == null ? List.of()
                : reports.entriesOfDocument(entry.documentType(), entry.documentId()).stream()
                        .filter(e -> !(e.bookOrgCode().equals(org) && e.sequenceNo() == sequenceNo))
                        .filter(e -> orgs.canSeeOrg(user.actor(), e.bookOrgCode())).toList();
        model.addAttribute("related", related.subList(0, Math.min(related.size(), RELATED_SHOWN_MAX)));
        model.addAttribute("relatedTotal", related.size());
        model.addAttribute("bookNames", bookNames(related));
        model.addAttribute("canVerify", canVerify(user.actor()));
        return "ledger/entry";
    }

    /**
     * The business document behind a voucher, by the type the posting cited: a payment batch (each hospital and fund
     * line the voucher paid), a prepayment, a funding transfer. Unknown types name the document without a link.
     */
    private List<DocumentLink> documents(Actor actor, PostedEntry entry) {
        List<DocumentLink> links = new ArrayList<>();
        if (entry.documentType() == null) {
            return links;
        }
        switch (entry.documentType()) {
            case "settlement-payment" -> {
                Optional<PaymentBatch> batch = settlements.batchOfDocument(actor, entry.documentId());
                batch.ifPresent(b -> {
                    Map<String, PaymentBatch.Line> paid = new LinkedHashMap<>();
                    for (EntryLine l : entry.lines()) {
                        b.lines().stream().filter(x -> x.hospitalCode().equals(l.counterpartyOrgCode())
                                && x.insutype().equals(l.insuranceType())).findFirst()
                                .ifPresent(x -> paid.put(x.hospitalCode() + "/" + x.insutype(), x));
                    }
                    paid.values().forEach(x -> links.add(new DocumentLink("结算批次 " + b.documentNo() + "："
                            + name(registry.getIfAvailable(), x.hospitalCode()) + " 险种 " + x.insutype()
                            + " 的结算明细（计算过程、对账与结算记录）", "/settlements/payment-batches/" + b.id()
                            + "/line?hospital=" + x.hospitalCode() + "&insutype=" + x.insutype())));
                });
                if (batch.isEmpty()) {
                    links.add(new DocumentLink("结算批次 " + entry.documentId(), null));
                }
            }
            case "prepayment" -> links.add(new DocumentLink("预付金 " + entry.documentId()
                    + "（核定额度的计算过程、资金变动与收回事项）", "/prepayments/" + entry.documentId()));
            case "crossregion-clearing" -> links.add(new DocumentLink("异地就医清算 " + entry.documentId()
                    + "（清算金额的计算过程与通知书）", "/crossregion/clearing/" + entry.documentId() + "/notice"));
            case "prepayment-funding" -> links.add(new DocumentLink("预付金资金划拨 " + entry.documentId()
                    + "（付款方与收款方的凭证见下）", null));
            case "crossregion-quota" -> links.add(new DocumentLink("异地就医预付金 " + entry.documentId()
                    + "（额度的计算过程、使用率与全部记账凭证）", "/crossregion/quotas/" + entry.documentId()));
            case "crossregion-usage-plan" -> links.add(new DocumentLink("省内异地就医预付金用款计划 "
                    + entry.documentId(), "/crossregion/documents/usage-plans/" + entry.documentId()));
            case "crossregion-national" -> links.add(new DocumentLink("国家平台跨省预付金通知书 " + entry.documentId()
                    + "（各省收付的凭证见下）", "/crossregion/documents"));
            // NCL-<yyyy-MM>-…: the month's national clearing page shows the line with its derivation and notice.
            case "crossregion-national-clearing" -> links.add(new DocumentLink("全国跨省异地就医清算收付 "
                    + entry.documentId() + "（计算过程、收付款通知书与全部记账凭证）", "/crossregion/national/clearing?month="
                    + entry.documentId().substring("NCL-".length(), "NCL-".length() + 7)));
            default -> links.add(new DocumentLink(entry.documentType() + " " + entry.documentId(), null));
        }
        return links;
    }

    /**
     * Runs the chain check of one book (hash chain, seals and anchors, and every cached balance re-derived from the
     * lines) and shows the result: auditors and administrators, whose job it is; others do not get the button.
     */
    @GetMapping("/ledger/{org}/verify")
    String verify(@AuthenticationPrincipal MedfundUser user, @PathVariable String org, Model model) {
        LedgerApi.requireVisible(user, registry.getIfAvailable(), org);
        if (!canVerify(user.actor())) {
            throw Rejection.forbidden("ledger.verify-role", "user", "校验账簿须由审计或管理员用户进行");
        }
        Book book = ledger.book(org).orElseThrow(() -> Rejection.notFound("ledger.book-missing", "orgCode",
                "该机构尚无账套: " + org));
        model.addAttribute("book", book);
        model.addAttribute("report", LedgerViews.VerifyView.of(org, audit.verify(org)));
        model.addAttribute("checkedAt", LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS));
        return "ledger/verify";
    }

    static boolean canVerify(Actor actor) {
        return actor.has(Role.AUDITOR) || actor.has(Role.ADMIN);
    }

    private static String name(Registry orgs, String code) {
        return code == null || orgs == null ? code : orgs.org(code).map(Org::name).orElse(code);
    }

    private Map<String, String> bookNames(List<PostedEntry> entries) {
        Map<String, String> names = new LinkedHashMap<>();
        entries.forEach(e -> names.computeIfAbsent(e.bookOrgCode(), c -> ledger.book(c).map(Book::name).orElse(c)));
        return names;
    }
}

package org.medfund.crossregion;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.medfund.common.Money;
import org.medfund.crossregion.CrossRegionClearing.Clearing;
import org.medfund.notices.Notice;
import org.medfund.notices.NoticePrinter;
import org.medfund.policy.Citations;
import org.medfund.registry.Account;
import org.medfund.registry.AccountKind;
import org.medfund.registry.Actor;
import org.medfund.registry.Registry;
import org.springframework.stereotype.Service;

/**
 * The clearing's documents (guizhou-2017 附件一 三): for a month's clearing the 贵州省跨省异地就医费用付款通知书 or
 * 收款通知书, for a quarter's the 省内异地就医费用清算拨付通知书 and the 省内异地就医费用清算明细 (per insured region, its
 * cross-province and in-province parts). Each is gathered through the clearing facade with the caller as actor, so
 * it is scoped like the page it is printed from; {@link NoticePrinter} lays it out as PDF to sign.
 */
@Service
public class ClearingNotices {

    private final CrossRegionClearing clearing;
    private final Registry registry;
    private final Citations citations;
    private final NoticePrinter printer;
    private final Clock clock;

    ClearingNotices(CrossRegionClearing clearing, Registry registry, Citations citations, NoticePrinter printer,
                    Clock clock) {
        this.clearing = clearing;
        this.registry = registry;
        this.citations = citations;
        this.printer = printer;
        this.clock = clock;
    }

    /**
     * One clearing document: its title, the issuing and the addressed organisation, the basis as a clerk cites it,
     * the provincial special account the money moves through (as the seed publishes it) and the clearing itself.
     */
    public record ClearingNotice(String title, String number, String issuer, String addressee, String basis,
                                 Account specialAccount, Clearing clearing, LocalDate printedOn) {

        public Money total() {
            return clearing.amount();
        }

        public List<CrossRegionClearing.Part> parts() {
            return clearing.parts();
        }
    }

    public ClearingNotice notice(Actor actor, String clearingId) {
        Clearing c = clearing.clearing(clearingId, actor);
        String title = c.kind() == ClearingKind.QUARTER ? "省内异地就医费用清算拨付通知书"
                : c.direction() == ClearingDirection.PAY ? "贵州省跨省异地就医费用付款通知书" : "贵州省跨省异地就医费用收款通知书";
        return build(title, "TZ-" + c.id(), c);
    }

    public ClearingNotice detail(Actor actor, String clearingId) {
        Clearing c = clearing.clearing(clearingId, actor);
        String title = c.kind() == ClearingKind.QUARTER ? "省内异地就医费用清算明细" : "全国异地就医费用清算明细（"
                + c.cityName() + "）";
        return build(title, "MX-" + c.id(), c);
    }

    public Notice noticePdf(Actor actor, String clearingId) {
        return printer.print("clearing-notice", Map.of("n", notice(actor, clearingId)),
                "clearing-notice-" + clearingId + ".pdf");
    }

    public Notice detailPdf(Actor actor, String clearingId) {
        return printer.print("clearing-detail", Map.of("n", detail(actor, clearingId)),
                "clearing-detail-" + clearingId + ".pdf");
    }

    public String noticeHtml(Actor actor, String clearingId) {
        return printer.html("clearing-notice", Map.of("n", notice(actor, clearingId)));
    }

    public String detailHtml(Actor actor, String clearingId) {
        return printer.html("clearing-detail", Map.of("n", detail(actor, clearingId)));
    }

    private ClearingNotice build(String title, String number, Clearing c) {
        String province = c.kind() == ClearingKind.QUARTER ? c.counterpartRegion()
                : c.cityRegionCode().substring(0, 2) + "0000";
        String issuer = registry.orgs(province, org.medfund.registry.OrgKind.SETTLEMENT_CENTRE).stream().findFirst()
                .map(org.medfund.registry.Org::name).orElse(province);
        String addressee = c.kind() == ClearingKind.QUARTER
                ? registry.agencyOf(c.cityRegionCode()).map(org.medfund.registry.Org::name).orElse(c.cityName())
                : registry.financeOf(province).map(org.medfund.registry.Org::name).orElse(province);
        Account special = registry.financeOf(province).stream().flatMap(f -> registry.accounts(f.code()).stream())
                .filter(a -> a.kind() == AccountKind.SPECIAL && a.insuranceType() == null).findFirst().orElse(null);
        return new ClearingNotice(title, number, issuer, addressee, citations.text(c.derivation().citation()), special,
                c, LocalDate.now(clock));
    }
}

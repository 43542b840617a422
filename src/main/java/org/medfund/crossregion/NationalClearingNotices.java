package org.medfund.crossregion;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerReports;
import org.medfund.ledger.PostedEntry;
import org.medfund.notices.Notice;
import org.medfund.notices.NoticePrinter;
import org.medfund.policy.Citations;
import org.medfund.registry.Account;
import org.medfund.registry.AccountKind;
import org.medfund.registry.Actor;
import org.medfund.registry.Org;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Region;
import org.medfund.registry.Registry;
import org.springframework.stereotype.Service;

/**
 * The 跨省异地就医费用收款通知书 / 付款通知书 of one city and month from the national clearing (guizhou-2017 附件一 三(一);
 * henan-2023 四(一)): its lines of that direction with each line's derivation, state and vouchers (the entries posted
 * under the line, and for a henan-2023 付款 line the charge of the insured city's money), the total in 大写 and the
 * city's net of both directions, so an accountant can follow each fen from the notice to the books. Gathered through
 * {@link NationalClearings} with the caller as actor (a city sees its own); the printable page is the PDF's XHTML.
 */
@Service
public class NationalClearingNotices {

    /** The ledger document type the clearing's entries carry. */
    public static final String DOCUMENT = "crossregion-national-clearing";

    private final NationalClearings national;
    private final LedgerReports reports;
    private final Ledger ledger;
    private final Registry registry;
    private final Citations citations;
    private final NoticePrinter printer;
    private final Clock clock;

    NationalClearingNotices(NationalClearings national, LedgerReports reports, Ledger ledger, Registry registry,
                            Citations citations, NoticePrinter printer, Clock clock) {
        this.national = national;
        this.reports = reports;
        this.ledger = ledger;
        this.registry = registry;
        this.citations = citations;
        this.printer = printer;
        this.clock = clock;
    }

    /** A voucher as the notice lists it: book, number, memo. */
    public record Voucher(String orgCode, String bookName, long sequenceNo, String memo) {
        public String label() {
            return bookName + " 第 " + sequenceNo + " 号";
        }
    }

    /** One line of the notice with its explanation and vouchers. */
    public record NoticeLine(NationalClearingLine line, String explain, String citation, List<Voucher> vouchers) {
    }

    /** The notice: who issues it to whom, the lines, the total, the city's net of both directions. */
    public record CityNotice(String title, String number, String issuer, String addressee, String cityName,
                             YearMonth month, NationalDirection direction, List<NoticeLine> lines, Money total,
                             Money otherDirection, Account specialAccount, String basis, LocalDate printedOn) {

        /** 收款 − 付款 of the city for the month (positive: the city is owed on balance). */
        public Money net() {
            return direction == NationalDirection.INBOUND ? total.minus(otherDirection) : otherDirection.minus(total);
        }

        public String directionLabel() {
            return direction == NationalDirection.INBOUND ? "收款" : "付款";
        }
    }

    public CityNotice notice(Actor actor, YearMonth month, String cityRegionCode, NationalDirection direction) {
        if (direction == null) {
            throw new Rejection("crossregion.direction-missing", "direction", "请选择收款或付款通知书");
        }
        List<NationalClearingLine> all = national.lines(month, actor).stream()
                .filter(l -> l.cityRegionCode().equals(cityRegionCode)).toList();
        List<NationalClearingLine> ofDirection = all.stream().filter(l -> l.direction() == direction).toList();
        if (ofDirection.isEmpty()) {
            throw Rejection.notFound("crossregion.national-clearing-unknown", "city", "没有 " + cityRegionCode + " "
                    + month + " 的跨省清算" + (direction == NationalDirection.INBOUND ? "收款" : "付款"));
        }
        List<NoticeLine> lines = ofDirection.stream().map(this::noticeLine).toList();
        Money total = sum(ofDirection);
        Money other = sum(all.stream().filter(l -> l.direction() != direction).toList());
        String province = cityRegionCode.substring(0, 2) + "0000";
        String provinceName = registry.region(province).map(Region::name).orElse(province);
        String issuer = registry.orgs(province, OrgKind.SETTLEMENT_CENTRE).stream().findFirst().map(Org::name)
                .orElse(provinceName);
        String addressee = registry.agencyOf(cityRegionCode).map(Org::name).orElse(cityRegionCode);
        Account special = registry.financeOf(province).stream().flatMap(f -> registry.accounts(f.code()).stream())
                .filter(a -> a.kind() == AccountKind.SPECIAL && a.insuranceType() == null).findFirst().orElse(null);
        String title = provinceName + "跨省异地就医费用" + (direction == NationalDirection.INBOUND ? "收款" : "付款")
                + "通知书";
        return new CityNotice(title, "KS-" + cityRegionCode + "-" + month + "-"
                + (direction == NationalDirection.INBOUND ? "R" : "P"), issuer, addressee,
                ofDirection.get(0).cityName(), month, direction, lines, total, other, special,
                citations.text(ofDirection.get(0).derivation().citation()), LocalDate.now(clock));
    }

    public Notice pdf(Actor actor, YearMonth month, String city, NationalDirection direction) {
        return printer.print("national-clearing-notice", Map.of("n", notice(actor, month, city, direction)),
                "national-clearing-" + city + "-" + month + "-" + direction.name().toLowerCase() + ".pdf");
    }

    public String html(Actor actor, YearMonth month, String city, NationalDirection direction) {
        return printer.html("national-clearing-notice", Map.of("n", notice(actor, month, city, direction)));
    }

    /** The vouchers of a line: its own entries and, for a henan-2023 付款 line, the charge of the insured city. */
    public List<Voucher> vouchers(NationalClearingLine line) {
        Map<String, PostedEntry> entries = new LinkedHashMap<>();
        List<PostedEntry> found = new ArrayList<>(reports.entriesOfDocument(DOCUMENT, line.id()));
        if (line.chargeRequest() != null) {
            found.addAll(reports.entriesOfRequest(line.chargeRequest()));
        }
        found.forEach(e -> entries.putIfAbsent(e.bookOrgCode() + "#" + e.sequenceNo(), e));
        return entries.values().stream().map(e -> new Voucher(e.bookOrgCode(), ledger.book(e.bookOrgCode())
                .map(b -> b.name()).orElse(e.bookOrgCode()), e.sequenceNo(), e.memo())).toList();
    }

    private NoticeLine noticeLine(NationalClearingLine l) {
        return new NoticeLine(l, citations.text(l.derivation().explain()), citations.text(l.derivation().citation()),
                vouchers(l));
    }

    private static Money sum(List<NationalClearingLine> lines) {
        return lines.stream().map(NationalClearingLine::fundPay).reduce(Money.ZERO, Money::plus);
    }
}

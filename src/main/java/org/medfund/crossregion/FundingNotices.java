package org.medfund.crossregion;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.CrossRegionAnnualClearing.AnnualClearing;
import org.medfund.crossregion.CrossRegionAnnualClearing.CarryLine;
import org.medfund.crossregion.CrossRegionAnnualClearing.ClearingLine;
import org.medfund.crossregion.CrossRegionFunding.RemittanceLine;
import org.medfund.crossregion.CrossRegionFunding.RemittanceNotice;
import org.medfund.crossregion.CrossRegionFunding.Reserve;
import org.medfund.notices.Notice;
import org.medfund.notices.NoticePrinter;
import org.medfund.notices.Party;
import org.medfund.policy.Citations;
import org.medfund.registry.Actor;
import org.medfund.registry.OrgKind;
import org.medfund.registry.Region;
import org.medfund.registry.Registry;
import org.springframework.stereotype.Service;

/**
 * The signed documents of Henan's cross-region funding (豫财社〔2023〕178号): the joint quarterly notice of the
 * province's medical insurance bureau and finance department for the employee remittance (一(三)), the finance
 * department's approval of the resident reserve (一(二)) and the annual clearing statement of one region (三(四)).
 * Each is gathered through the funding facades with the caller as actor, so it shows what the funding page shows
 * that caller; {@link NoticePrinter} lays it out as PDF, or as the printable page it is made from.
 */
@Service
public class FundingNotices {

    /** The insurance type whose quarterly remittance the joint notice asks for (一(三)). */
    private static final String EMPLOYEE = "310";

    private final CrossRegionFunding funding;
    private final CrossRegionAnnualClearing clearing;
    private final Registry registry;
    private final Citations citations;
    private final NoticePrinter printer;
    private final Clock clock;

    FundingNotices(CrossRegionFunding funding, CrossRegionAnnualClearing clearing, Registry registry,
                       Citations citations, NoticePrinter printer, Clock clock) {
        this.funding = funding;
        this.clearing = clearing;
        this.registry = registry;
        this.citations = citations;
        this.printer = printer;
        this.clock = clock;
    }

    /**
     * The joint notice (一(三)) of a quarter: each region's three months, last year's carry (三(四)) and the amount to
     * remit with its 大写, the remittance's last day; the carries it took, each with the clearing it comes from.
     */
    public record RemittanceSheet(String number, RemittanceNotice notice, String basis, Party bureau, Party finance,
                                  List<String> derivations, List<CarryLine> carries, LocalDate printedOn) {

        public Money total() {
            return notice.lines().stream().map(RemittanceLine::amount).reduce(Money.ZERO, Money::plus);
        }
    }

    /** Province finance's approval of a year's resident reserve (一(二)) and its split over regions and pots. */
    public record ReserveSheet(String number, Reserve reserve, String basis, Party centre, Party finance,
                               LocalDate printedOn) {
    }

    /** One region's annual clearing statement (三(四)): per insurance type, held, cleared, left and where it goes. */
    public record ClearingSheet(String number, AnnualClearing clearing, Party region, Party centre, String basis,
                                List<ClearingLine> lines, List<String> derivations, LocalDate printedOn) {
    }

    public RemittanceSheet remittanceSheet(Actor actor, int year, int quarter) {
        RemittanceNotice notice = funding.remittanceNotices(year, actor).stream().filter(n -> n.quarter() == quarter)
                .filter(n -> !n.lines().isEmpty()).findFirst().orElseThrow(() -> Rejection.notFound(
                        "crossregion.notice-not-found", "quarter", year + " 年第 " + quarter + " 季度没有可见的上解通知"));
        String basis = citations.text(notice.lines().get(0).derivation().citation());
        YearMonth start = YearMonth.of(year, (quarter - 1) * 3 + 1);
        List<CarryLine> carries = clearing.carries(year, actor).stream().filter(c -> c.target().period()
                .equals(start) && c.source().insuranceType().equals(EMPLOYEE) && c.use().state() == CarryState.APPLIED)
                .toList();
        return new RemittanceSheet("YDJY-SJ-" + year + "Q" + quarter, notice, basis,
                provinceOrg(notice.provinceCode(), OrgKind.BUREAU), provinceOrg(notice.provinceCode(), OrgKind.FINANCE),
                notice.lines().stream().map(l -> l.regionName() + "：" + citations.text(l.derivation().explain()))
                        .toList(), carries, LocalDate.now(clock));
    }

    public ReserveSheet reserveSheet(Actor actor, int year) {
        Reserve reserve = funding.reserve(year, actor).filter(r -> r.decision().approvedOn() != null)
                .orElseThrow(() -> Rejection.notFound("crossregion.reserve-not-withheld", "year", year
                        + " 年异地就医预留资金尚未经省财政厅审核预留"));
        return new ReserveSheet("YDJY-YL-" + year, reserve, citations.text(reserve.derivation().citation()),
                provinceOrg(reserve.provinceCode(), OrgKind.SETTLEMENT_CENTRE),
                provinceOrg(reserve.provinceCode(), OrgKind.FINANCE), LocalDate.now(clock));
    }

    public ClearingSheet clearingSheet(Actor actor, int year, String regionCode) {
        AnnualClearing done = clearing.clearing(year, actor).orElseThrow(() -> Rejection.notFound(
                "crossregion.clearing-not-found", "year", year + " 年度异地就医资金尚未清算"));
        List<ClearingLine> lines = done.lines().stream().filter(l -> l.regionCode().equals(regionCode)).toList();
        if (lines.isEmpty()) {
            throw Rejection.notFound("crossregion.clearing-not-found", "region", year + " 年度清算中没有可见的统筹区 "
                    + regionCode);
        }
        Region region = registry.requireRegion(regionCode, "region");
        return new ClearingSheet("YDJY-QS-" + year + "-" + regionCode, done, new Party(regionCode, region.name()),
                provinceOrg(done.provinceCode(), OrgKind.SETTLEMENT_CENTRE), citations.text(done.citation()), lines,
                lines.stream().map(l -> l.insuranceTypeName() + "：" + citations.text(l.derivation().explain())).toList(),
                LocalDate.now(clock));
    }

    public Notice remittancePdf(Actor actor, int year, int quarter) {
        return printer.print("cr-remittance-notice", Map.of("n", remittanceSheet(actor, year, quarter)),
                "remittance-notice-" + year + "Q" + quarter + ".pdf");
    }

    public String remittanceHtml(Actor actor, int year, int quarter) {
        return printer.html("cr-remittance-notice", Map.of("n", remittanceSheet(actor, year, quarter)));
    }

    public Notice reservePdf(Actor actor, int year) {
        return printer.print("cr-reserve-approval", Map.of("n", reserveSheet(actor, year)),
                "reserve-approval-" + year + ".pdf");
    }

    public String reserveHtml(Actor actor, int year) {
        return printer.html("cr-reserve-approval", Map.of("n", reserveSheet(actor, year)));
    }

    public Notice clearingPdf(Actor actor, int year, String regionCode) {
        return printer.print("cr-annual-clearing", Map.of("n", clearingSheet(actor, year, regionCode)),
                "annual-clearing-" + year + "-" + regionCode + ".pdf");
    }

    public String clearingHtml(Actor actor, int year, String regionCode) {
        return printer.html("cr-annual-clearing", Map.of("n", clearingSheet(actor, year, regionCode)));
    }

    private Party provinceOrg(String provinceCode, OrgKind kind) {
        return registry.orgs(provinceCode, kind).stream().filter(o -> o.regionCode().equals(provinceCode)).findFirst()
                .map(o -> new Party(o.code(), o.name())).orElse(new Party(provinceCode, registry.region(provinceCode)
                        .map(Region::name).orElse(provinceCode)));
    }
}

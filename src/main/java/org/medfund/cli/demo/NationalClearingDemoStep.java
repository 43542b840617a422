package org.medfund.cli.demo;

import java.io.PrintWriter;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.medfund.crossregion.CrossRegionDocuments;
import org.medfund.crossregion.NationalClearingLine;
import org.medfund.crossregion.NationalClearingState;
import org.medfund.crossregion.NationalClearings;
import org.medfund.crossregion.NationalDirection;
import org.medfund.crossregion.NationalFileKind;
import org.medfund.registry.Actor;
import org.springframework.stereotype.Component;

/**
 * Demo step 760: June 2026's 全国异地就医费用清算明细 for each regime, from the files under {@code demo/}, booked both
 * ways. Guizhou (guizhou-2017 附件一 三(一)): the 收款 of Henan's and Hebei's insured treated in 贵阳市 and 遵义市
 * writes the other provinces' prepayments down and reimburses the treatment cities (its 付款 row stays with the 3261
 * clearing). Henan (henan-2023 四(一)): 平顶山's residents treated in Hebei paid out of the cross-province pot,
 * 信阳's employees treated in Beijing out of the employee remittance, Guizhou's and Beijing's insured treated in
 * 信阳 and 平顶山 received and passed on to the treatment city. Each city confirms its money. Demo figures; every step
 * answers its first run again.
 */
@Component
class NationalClearingDemoStep implements DemoStep {

    static final YearMonth MONTH = YearMonth.of(2026, 6);
    static final String GUIZHOU_FILE = "demo/national-clearing-guizhou-2026-06.csv";
    static final String HENAN_FILE = "demo/national-clearing-henan-2026-06.csv";

    private final CrossRegionDocuments documents;
    private final NationalClearings national;

    NationalClearingDemoStep(CrossRegionDocuments documents, NationalClearings national) {
        this.documents = documents;
        this.national = national;
    }

    @Override
    public int order() {
        return 760;
    }

    @Override
    public String title() {
        return "全国跨省异地就医清算收付（guizhou-2017 附件一 三(一)、henan-2023 四(一)）：收款与付款入账";
    }

    @Override
    public void run(PrintWriter out) {
        book(out, "520000", GUIZHOU_FILE);
        book(out, "410000", HENAN_FILE);
        out.println("（查看：/crossregion/national/clearing?month=" + MONTH + "）");
    }

    private void book(PrintWriter out, String province, String file) {
        Actor centre = Actor.system(province + "-CENTRE");
        documents.importNational(NationalFileKind.CLEARING_DETAIL, file.substring("demo/".length()),
                CrossregionDocumentsDemoStep.read(file), LocalDate.of(2026, 7, 8), centre);
        national.submit(MONTH, LocalDate.of(2026, 7, 8), centre);
        List<NationalClearingLine> paid = national.pay(MONTH, LocalDate.of(2026, 7, 14),
                Actor.system(province + "-FINANCE"));
        for (NationalClearingLine l : paid) {
            NationalClearingLine shown = l.state() == NationalClearingState.IN_TRANSIT ? national.receive(l.id(),
                    LocalDate.of(2026, 7, 16), Actor.system(l.cityRegionCode() + "-AGENCY")) : l;
            out.println("  " + shown.cityName() + " " + (shown.direction() == NationalDirection.INBOUND ? "收" : "付")
                    + " " + shown.counterpartName() + (shown.insuranceTypeName().isEmpty() ? ""
                    : "（" + shown.insuranceTypeName() + "）") + " " + shown.fundPay().toYuanText() + " 元："
                    + shown.state().label());
        }
    }
}

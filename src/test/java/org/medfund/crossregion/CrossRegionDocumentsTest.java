package org.medfund.crossregion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.medfund.DatabaseTest;
import org.medfund.cli.demo.TestDemo;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.ledger.LedgerAudit;
import org.medfund.ledger.TransferStatus;
import org.medfund.notices.NoticesTest;
import org.medfund.prepayment.Fixtures;
import org.medfund.registry.Actor;
import org.medfund.registry.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * guizhou-2017 附件一 一、二(一)(二), 三(一) on the database: 遵义市's 2027 second quarter — the 预付金明细表 and the
 * city's 预付金收款通知书 (amounts, 大写, due dates, the provincial special account as the seed publishes it, as data,
 * page and PDF), the in-province usage plan with the last quarter's national clearing detail and its transfer to the
 * centre as a ledger transfer; the national files imported all or nothing (a bad line, a bad file type, the same file
 * again, the same notice with other content), a notice settled per other province through the posting rules. After
 * every scenario the ledger audit. 遵义市 and the year 2027 are used by no other test or demo step.
 */
@DatabaseTest
class CrossRegionDocumentsTest {

    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 100_000));
    private static final String CITY = "520300";
    private static final String SPECIAL_ACCOUNT = "2402002129014452854-000000008";

    @Autowired
    CrossRegionQuotas quotas;
    @Autowired
    CrossRegionDocuments documents;
    @Autowired
    CrossRegionNotices notices;
    @Autowired
    Ledger ledger;
    @Autowired
    LedgerAudit audit;
    @Autowired
    ApplicationContext context;

    private final Actor centre = Fixtures.actor("crd-centre", "520000-CENTRE", Role.CLERK);
    private final Actor provinceFinance = Fixtures.actor("crd-pf", "520000-FINANCE", Role.FINANCE);
    private final Actor cityAgency = Fixtures.actor("crd-a", CITY + "-AGENCY", Role.CLERK);
    private final Actor cityFinance = Fixtures.actor("crd-f", CITY + "-FINANCE", Role.FINANCE);

    private void opening(String org) {
        ledger.openBook(org);
        ledger.post(new BusinessEvent("opening.balance.special-account", "crd-open-" + org + "-"
                + NEXT.incrementAndGet(), LocalDate.of(2026, 12, 31), null, Money.ofYuan("1000000.00"),
                Map.of("book", org), null, "opening-balance", org, null, null, "期初余额（测试）"));
    }

    /** 遵义市 2027 Q2: in-province 14,400.00 a year → 4,800.00 (paid), cross-province 11,100.00 → 3,700.00. */
    private List<Quota> quarter() {
        for (String org : List.of(CITY + "-FINANCE", CITY + "-AGENCY", "520000-FINANCE", "520000-CENTRE")) {
            opening(org);
        }
        LocalDate sized = LocalDate.of(2027, 4, 10);
        Quota in = quotas.size(new QuotaRequest(CITY, 2027, 2, QuotaScope.IN_PROVINCE, Money.ofYuan("14400.00"),
                sized), centre);
        Quota cross = quotas.size(new QuotaRequest(CITY, 2027, 2, QuotaScope.CROSS_PROVINCE,
                Money.ofYuan("11100.00"), sized), centre);
        quotas.confirm(in.id(), LocalDate.of(2027, 4, 16), cityAgency);
        quotas.review(in.id(), LocalDate.of(2027, 4, 17), cityFinance);
        quotas.remit(in.id(), LocalDate.of(2027, 4, 18), cityFinance);
        quotas.receive(in.id(), LocalDate.of(2027, 4, 20), centre);
        return List.of(in, cross);
    }

    @Test
    @DisplayName("guizhou-2017 附件一 一(一)(二)(三): the quarter's sheet and the city's notice, names, 大写, dates, account")
    void sheetAndNotice() throws IOException {
        quarter();
        PrepaymentSheet sheet = documents.prepaymentSheet("520000", 2027, 2, centre);
        List<PrepaymentSheet.SheetLine> ours = sheet.lines().stream().filter(l -> l.cityRegionCode().equals(CITY)).toList();
        assertThat(ours).extracting(PrepaymentSheet.SheetLine::cityName).containsOnly("遵义市");
        assertThat(ours).extracting(PrepaymentSheet.SheetLine::amount)
                .containsExactlyInAnyOrder(Money.ofYuan("4800.00"), Money.ofYuan("3700.00"));
        assertThat(sheet.provinceName()).isEqualTo("贵州省");
        assertThat(sheet.basis()).isEqualTo("黔人社厅通〔2017〕204号 附件一 一(一)");
        // The first month's 15th (a Thursday in 2027).
        assertThat(sheet.issueDue()).isEqualTo(LocalDate.of(2027, 4, 15));

        PrepaymentReceiptNotice notice = documents.remittanceNotice(CITY, 2027, 2, cityAgency);
        assertThat(notice.total()).isEqualTo(Money.ofYuan("8500.00"));
        assertThat(notice.total().toChineseCapital()).isEqualTo("捌仟伍佰元整");
        assertThat(notice.confirmDue()).isEqualTo(LocalDate.of(2027, 4, 20));
        assertThat(notice.remitDue()).isEqualTo(LocalDate.of(2027, 4, 30));
        assertThat(notice.account().accountName()).isEqualTo("贵州省财政厅");
        assertThat(notice.account().accountNo()).isEqualTo(SPECIAL_ACCOUNT);
        assertThat(notice.account().bankName()).isEqualTo("中国工商银行贵州省新支行");
        assertThat(notice.accountSource()).startsWith("黔人社厅通〔2017〕204号 附件1 一(三)");
        assertThat(notice.basis()).isEqualTo("黔人社厅通〔2017〕204号 附件一 一(二)");
        assertThat(notice.agencyName()).isNotBlank().doesNotContain(CITY);

        String html = notices.remittanceNoticeHtml(cityAgency, CITY, 2027, 2);
        assertThat(html).contains("遵义市", "8,500.00", "捌仟伍佰元整", SPECIAL_ACCOUNT, "2027-04-30")
                .doesNotContain("guizhou-2017");
        String pdf = NoticesTest.text(notices.remittanceNoticePdf(cityAgency, CITY, 2027, 2).pdf());
        assertThat(pdf).contains("异地就医预付金收款通知书", "捌仟伍佰元整", SPECIAL_ACCOUNT, "贵州省财政厅",
                "中国工商银行贵州省新支行", "黔人社厅通〔2017〕204号");
        String sheetPdf = NoticesTest.text(notices.prepaymentSheetPdf(centre, "520000", 2027, 2).pdf());
        assertThat(sheetPdf).contains("贵州省异地就医费用预付金明细表", "遵义市", "4,800.00", "3,700.00",
                "8,500.00", "捌仟伍佰元整");

        // Another city's agency gets no notice of this one; the sheet shows it only its own lines.
        Actor other = Fixtures.actor("crd-other", "522700-AGENCY", Role.CLERK);
        assertThatThrownBy(() -> documents.remittanceNotice(CITY, 2027, 2, other))
                .extracting("code").isEqualTo("crossregion.out-of-scope");
        assertThat(documents.prepaymentSheet("520000", 2027, 2, other).lines())
                .noneMatch(l -> l.cityRegionCode().equals(CITY));
        assertThatThrownBy(() -> documents.remittanceNotice(CITY, 2027, 3, centre))
                .extracting("code").isEqualTo("crossregion.quota-unknown");
        assertThatThrownBy(() -> documents.prepaymentSheet("410000", 2027, 2,
                Fixtures.actor("crd-ha", "410000-CENTRE", Role.CLERK))).extracting("code")
                .isEqualTo("crossregion.no-funding-regime");
        audit.assertSound();
    }

    private static final String CLEARING_HEADER = "trt_year,trt_month,seqno,mdtrtarea_admvs,insuplc_admdvs,medins_no,"
            + "certno,mdtrt_id,mdtrt_setl_time,setl_sn,fulamt_advpay_flag,medfee_sumamt,optins_pay_sumamt\n";

    @Test
    @DisplayName("guizhou-2017 附件一 二(二), 三(一): usage plan from the received in-province quotas and last quarter's"
            + " clearing detail, transferred by the 20th as a ledger transfer")
    void usagePlan() {
        quarter();
        String clearing = CLEARING_HEADER
                + "2027,3,1,520302,410402,H1,410402195501010011,M1,2027-03-03 10:15:00,CRD-S1,0,8600.00,6020.00\n"
                + "2027,3,2,520322,411502,H2,411502196002020022,M2,2027-03-11,CRD-S2,1,12345.67,9876.54\n"
                + "2027,3,3,410402,520302,H3,520302195001010011,M3,2027-03-18 09:05:00,CRD-S3,0,3300.05,1700.04\n";
        NationalImport.Outcome imported = documents.importNational(NationalFileKind.CLEARING_DETAIL, "2027-03.csv",
                clearing.getBytes(StandardCharsets.UTF_8), LocalDate.of(2027, 4, 8), centre);
        assertThat(imported.added()).isTrue();
        assertThat(imported.imported().total()).isEqualTo(Money.ofYuan("17596.58"));
        List<NationalClearingTotal> totals = documents.nationalClearingTotals(YearMonth.of(2027, 3));
        assertThat(totals).filteredOn(t -> t.cityRegionCode().equals(CITY))
                .extracting(NationalClearingTotal::direction, NationalClearingTotal::rows,
                        NationalClearingTotal::fundPay)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(NationalDirection.INBOUND, 2,
                                Money.ofYuan("15896.54")),
                        org.assertj.core.groups.Tuple.tuple(NationalDirection.OUTBOUND, 1, Money.ofYuan("1700.04")));

        assertThatThrownBy(() -> documents.generateUsagePlan("520000", 2027, 2, LocalDate.of(2027, 5, 3),
                provinceFinance)).extracting("code").isEqualTo("crossregion.centre-only");
        UsagePlan plan = documents.generateUsagePlan("520000", 2027, 2, LocalDate.of(2027, 5, 3), centre);
        assertThat(plan.lines()).extracting(UsagePlan.PlanLine::name, UsagePlan.PlanLine::amount).contains(
                org.assertj.core.groups.Tuple.tuple("遵义市", Money.ofYuan("4800.00")),
                org.assertj.core.groups.Tuple.tuple("外省参保人员在本省就医", Money.ofYuan("15896.54")));
        assertThat(plan.total()).isEqualTo(Money.ofYuan("20696.54"));
        assertThat(plan.planDue()).isEqualTo(LocalDate.of(2027, 5, 5));
        assertThat(plan.transferDue()).isEqualTo(LocalDate.of(2027, 5, 20));
        assertThat(plan.derivation().citation()).contains("guizhou-2017 附件一 二(二)");
        assertThat(documents.generateUsagePlan("520000", 2027, 2, LocalDate.of(2027, 5, 4), centre).id())
                .isEqualTo(plan.id());
        assertThat(quotas.obligations(LocalDate.of(2027, 5, 1), LocalDate.of(2027, 5, 31), centre))
                .filteredOn(o -> o.kind() == ObligationKind.IN_PROVINCE_PLAN)
                .extracting(Obligation::doneOn).containsExactly(LocalDate.of(2027, 5, 3));

        assertThatThrownBy(() -> documents.receiveUsagePlan(plan.id(), LocalDate.of(2027, 5, 9), centre))
                .extracting("code").isEqualTo("crossregion.plan-state");
        assertThatThrownBy(() -> documents.transferUsagePlan(plan.id(), LocalDate.of(2027, 5, 10), centre))
                .extracting("code").isEqualTo("crossregion.province-finance-only");
        Money centreBefore = ledger.balance("520000-CENTRE", "1004", null, null, LocalDate.of(2028, 1, 1));
        UsagePlan sent = documents.transferUsagePlan(plan.id(), LocalDate.of(2027, 5, 10), provinceFinance);
        assertThat(sent.state()).isEqualTo(UsagePlanState.TRANSFERRED);
        assertThat(ledger.transfer(sent.transferId()).orElseThrow().status()).isEqualTo(TransferStatus.IN_TRANSIT);
        assertThat(documents.transferUsagePlan(plan.id(), LocalDate.of(2027, 5, 10), provinceFinance).state())
                .isEqualTo(UsagePlanState.TRANSFERRED);
        audit.assertSound();
        UsagePlan received = documents.receiveUsagePlan(plan.id(), LocalDate.of(2027, 5, 12), centre);
        assertThat(received.state()).isEqualTo(UsagePlanState.RECEIVED);
        assertThat(ledger.balance("520000-CENTRE", "1004", null, null, LocalDate.of(2028, 1, 1)).minus(centreBefore))
                .isEqualTo(Money.ofYuan("20696.54"));
        String pdf;
        try {
            pdf = NoticesTest.text(notices.usagePlanPdf(centre, plan.id()).pdf());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        assertThat(pdf).contains("省内异地就医预付金用款计划", "20,696.54", "贰万零陆佰玖拾陆元伍角肆分",
                "黔人社厅通〔2017〕204号 附件一 二(二)", "2027-05-20");
        audit.assertSound();
    }

    private static final String NOTICE_HEADER =
            "notice_no,year,province_code,province_name,pay_amount,receive_amount\n";

    @Test
    @DisplayName("guizhou-2017 附件一 二(一): national files all or nothing, same file once, notice settled per province")
    void nationalFiles() throws IOException {
        TestDemo.ensure(context);
        opening("520000-FINANCE");
        opening("520000-CENTRE");
        int before = documents.nationalImports(centre).size();
        String bad = NOTICE_HEADER
                + "CRD-2027-ADJ,2027,410000,河南省,100.00,0.00\n"
                + "CRD-2027-ADJ,2027,410000,河南省,1.234,0.00\n"
                + "CRD-2027-ADJ,2027,520000,贵州省,0.00,0.00\n";
        assertThatThrownBy(() -> documents.importNational(NationalFileKind.ADJUSTMENT_NOTICE, "bad.csv",
                bad.getBytes(StandardCharsets.UTF_8), LocalDate.of(2027, 2, 8), centre))
                .isInstanceOfSatisfying(NationalFileRejection.class, r -> assertThat(r.errors())
                        .extracting(NationalFileRejection.LineError::line, NationalFileRejection.LineError::field)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "province_code"),
                                org.assertj.core.groups.Tuple.tuple(3, "pay_amount"),
                                org.assertj.core.groups.Tuple.tuple(4, "province_code")));
        assertThat(documents.nationalImports(centre)).hasSize(before);
        assertThatThrownBy(() -> documents.importNational(NationalFileKind.ADJUSTMENT_NOTICE, "notice.pdf",
                "%PDF-1.4\n\u0001\u0002binary".getBytes(StandardCharsets.ISO_8859_1), LocalDate.of(2027, 2, 8),
                centre)).extracting("code").isEqualTo("crossregion.national-file-type");
        assertThatThrownBy(() -> documents.importNational(NationalFileKind.ADJUSTMENT_NOTICE, "empty.csv",
                new byte[0], LocalDate.of(2027, 2, 8), centre)).extracting("code")
                .isEqualTo("crossregion.national-file-empty");
        assertThatThrownBy(() -> documents.importNational(NationalFileKind.CLEARING_DETAIL, "x.csv",
                NOTICE_HEADER.getBytes(StandardCharsets.UTF_8), LocalDate.of(2027, 2, 8), centre))
                .isInstanceOfSatisfying(NationalFileRejection.class, r -> assertThat(r.errors().get(0).field())
                        .isEqualTo("header"));

        // The same notice as xlsx: Guizhou pays Henan 50,000.00 − 30,000.00 and receives 12,500.50 from Hebei.
        byte[] xlsx = xlsx(List.of(List.of("notice_no", "year", "province_code", "province_name", "pay_amount",
                        "receive_amount"),
                List.of("CRD-2027-ADJ", "2027", "410000", "河南省", "50000.00", "30000.00"),
                List.of("CRD-2027-ADJ", "2027", "130000", "河北省", "0", "12500.50"),
                List.of("CRD-2027-ADJ", "2027", "440000", "广东省", "0.00", "0.00")));
        NationalImport.Outcome first = documents.importNational(NationalFileKind.ADJUSTMENT_NOTICE, "adj.xlsx", xlsx,
                LocalDate.of(2027, 2, 8), centre);
        assertThat(first.added()).isTrue();
        assertThat(first.imported().total()).isEqualTo(Money.ofYuan("7499.50"));
        assertThat(first.imported().prepaymentLines()).extracting(NationalImport.PrepaymentLine::otherProvinceName)
                .containsExactly("河南省", "河北省", "广东省");
        NationalImport.Outcome again = documents.importNational(NationalFileKind.ADJUSTMENT_NOTICE, "adj.xlsx", xlsx,
                LocalDate.of(2027, 2, 9), centre);
        assertThat(again.added()).isFalse();
        assertThat(again.imported().id()).isEqualTo(first.imported().id());
        String changed = NOTICE_HEADER + "CRD-2027-ADJ,2027,410000,河南省,1.00,0.00\n";
        assertThatThrownBy(() -> documents.importNational(NationalFileKind.ADJUSTMENT_NOTICE, "adj2.csv",
                changed.getBytes(StandardCharsets.UTF_8), LocalDate.of(2027, 2, 9), centre))
                .extracting("code").isEqualTo("crossregion.national-imported");
        // The demo imported 2026's first notice: the first notice comes once.
        String firstAgain = NOTICE_HEADER + "CRD-2027-FIRST,2027,410000,河南省,1.00,0.00\n";
        assertThatThrownBy(() -> documents.importNational(NationalFileKind.FIRST_NOTICE, "first.csv",
                firstAgain.getBytes(StandardCharsets.UTF_8), LocalDate.of(2027, 2, 9), centre))
                .extracting("code").isEqualTo("crossregion.first-notice-imported");
        assertThatThrownBy(() -> documents.importNational(NationalFileKind.ADJUSTMENT_NOTICE, "adj.xlsx", xlsx,
                LocalDate.of(2027, 2, 8), cityAgency)).extracting("code").isEqualTo("crossregion.centre-only");

        long id = first.imported().id();
        assertThatThrownBy(() -> documents.settleNationalNotice(id, LocalDate.of(2027, 2, 20), centre))
                .extracting("code").isEqualTo("crossregion.province-finance-only");
        Money henanBefore = ledger.balance("520000-CENTRE", "1211.03", "410000-CENTRE", null,
                LocalDate.of(2028, 1, 1));
        Money hebeiBefore = ledger.balance("520000-CENTRE", "1211.03", "130000-CENTRE", null,
                LocalDate.of(2028, 1, 1));
        Money incomeBefore = ledger.balance("520000-FINANCE", "4001.02", "130000-CENTRE", null,
                LocalDate.of(2028, 1, 1));
        NationalImport settled = documents.settleNationalNotice(id, LocalDate.of(2027, 2, 20), provinceFinance);
        assertThat(settled.settledOn()).isEqualTo(LocalDate.of(2027, 2, 20));
        assertThat(ledger.balance("520000-CENTRE", "1211.03", "410000-CENTRE", null, LocalDate.of(2028, 1, 1))
                .minus(henanBefore)).isEqualTo(Money.ofYuan("20000.00"));
        assertThat(ledger.balance("520000-CENTRE", "1211.03", "130000-CENTRE", null, LocalDate.of(2028, 1, 1))
                .minus(hebeiBefore)).isEqualTo(Money.ofYuan("-12500.50"));
        assertThat(ledger.balance("520000-FINANCE", "4001.02", "130000-CENTRE", null, LocalDate.of(2028, 1, 1))
                .minus(incomeBefore)).isEqualTo(Money.ofYuan("12500.50"));
        assertThat(documents.settleNationalNotice(id, LocalDate.of(2027, 2, 20), provinceFinance).settledOn())
                .isEqualTo(LocalDate.of(2027, 2, 20));
        assertThatThrownBy(() -> documents.settleNationalNotice(id, LocalDate.of(2027, 2, 21), provinceFinance))
                .extracting("code").isEqualTo("crossregion.notice-settled");
        audit.assertSound();
    }

    @Test
    @DisplayName("guizhou-2017 附件一 三(一): a clearing detail is refused with every bad row named")
    void clearingErrors() {
        String bad = CLEARING_HEADER
                + "2027,4,1,520302,410402,H1,C1,M1,2027-04-03,CRD-E1,0,100.00,90.00\n"
                + "2027,5,2,520302,410402,H1,C2,M2,2027-05-03,CRD-E2,0,100.00,90.00\n"
                + "2027,4,3,410402,411502,H1,C3,M3,2027-04-03,CRD-E3,2,100.00,190.00\n"
                + "2027,4,1,520302,410402,H1,C4,M4,2027-04-31,CRD-E1,0,100.00,90.00\n";
        assertThatThrownBy(() -> documents.importNational(NationalFileKind.CLEARING_DETAIL, "bad.csv",
                bad.getBytes(StandardCharsets.UTF_8), LocalDate.of(2027, 5, 8), centre))
                .isInstanceOfSatisfying(NationalFileRejection.class, r -> assertThat(r.errors())
                        .extracting(NationalFileRejection.LineError::line, NationalFileRejection.LineError::field)
                        .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "trt_month"),
                                org.assertj.core.groups.Tuple.tuple(4, "insuplc_admdvs"),
                                org.assertj.core.groups.Tuple.tuple(4, "fulamt_advpay_flag"),
                                org.assertj.core.groups.Tuple.tuple(4, "optins_pay_sumamt"),
                                org.assertj.core.groups.Tuple.tuple(5, "seqno"),
                                org.assertj.core.groups.Tuple.tuple(5, "setl_sn"),
                                org.assertj.core.groups.Tuple.tuple(5, "mdtrt_setl_time")));
        assertThat(documents.nationalClearingTotals(YearMonth.of(2027, 4))).isEmpty();
        assertThatThrownBy(() -> documents.importNational(null, "x.csv", new byte[1], LocalDate.of(2027, 5, 8),
                centre)).isInstanceOf(Rejection.class).extracting("field").isEqualTo("kind");
        audit.assertSound();
    }

    static byte[] xlsx(List<List<String>> rows) throws IOException {
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("通知书");
            for (int r = 0; r < rows.size(); r++) {
                Row row = sheet.createRow(r);
                for (int c = 0; c < rows.get(r).size(); c++) {
                    row.createCell(c).setCellValue(rows.get(r).get(c));
                }
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}

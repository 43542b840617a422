package org.medfund.web.crossregion;

import org.medfund.web.Idempotency;
import org.medfund.web.MedfundUser;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfund.common.AuditLog;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.BenefitRule;
import org.medfund.crossregion.CatalogueClass;
import org.medfund.crossregion.CrossRegion;
import org.medfund.crossregion.Designation;
import org.medfund.crossregion.DeskBatcher;
import org.medfund.crossregion.FeeCategory;
import org.medfund.crossregion.FeeDetail;
import org.medfund.crossregion.FeeLine;
import org.medfund.crossregion.Filing;
import org.medfund.crossregion.FilingDraft;
import org.medfund.crossregion.FilingType;
import org.medfund.crossregion.Settlement;
import org.medfund.crossregion.SettlementRequest;
import org.medfund.crossregion.Suspension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Cross-region care API (guizhou-2017 三, 四(二)(三), 五(一)): filings and their exchange file, designations,
 * suspensions, the insured region's benefit parameters and personal-account balances, and the discharge desk's
 * real-time settlement. The discharge-desk messages use the national interface names ({@code setl_id},
 * {@code mdtrt_cert_no}, {@code med_chrgitm_type}, {@code chrgitm_lv}, {@code fund_pay_sumamt} …); the staff-side
 * ones medfund's. State changes need an {@code Idempotency-Key}; a preview writes nothing and needs none.
 */
@RestController
class CrossregionApi {

    static final int FILE_CHARS_MAX = 40_000_000;

    static final String SETTLE_SCOPE = "crossregion.settle";

    private final CrossRegion crossRegion;
    private final DeskBatcher desk;
    private final Idempotency idempotency;
    private final AuditLog audit;

    CrossregionApi(CrossRegion crossRegion, DeskBatcher desk, Idempotency idempotency, AuditLog audit) {
        this.crossRegion = crossRegion;
        this.desk = desk;
        this.idempotency = idempotency;
        this.audit = audit;
    }

    // --- filings ---

    record FilingView(String id, String cardNo, String personName, String insuredRegionCode, String insuranceType,
                      FilingType type, String typeLabel, String targetRegionCode, LocalDate validFrom,
                      LocalDate validTo, String filedByOrgCode, String sourceLabel) {
        static FilingView of(Filing f) {
            return new FilingView(f.id(), f.cardNo(), f.personName(), f.insuredRegionCode(), f.insuranceType(),
                    f.type(), f.type().label(), f.targetRegionCode(), f.validFrom(), f.validTo(), f.filedByOrgCode(),
                    f.source().label());
        }
    }

    @PostMapping("/api/crossregion/filings")
    @Operation(summary = "参保地经办机构办理异地就医备案（guizhou-2017 三(一)）")
    ResponseEntity<?> file(@AuthenticationPrincipal MedfundUser user,
                           @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                           @RequestBody FilingDraft body) {
        return idempotency.run(user, "crossregion.file", key, body, HttpStatus.CREATED,
                () -> FilingView.of(crossRegion.file(body, user.actor())));
    }

    @GetMapping("/api/crossregion/filings")
    @Operation(summary = "按社会保障卡号查询备案：医院和就医地看到目标地覆盖自己的备案，参保地看到本地备案")
    List<FilingView> filings(@AuthenticationPrincipal MedfundUser user, @RequestParam String card) {
        return crossRegion.filings(card, user.actor()).stream().map(FilingView::of).toList();
    }

    @GetMapping("/api/crossregion/filings/export")
    @Operation(summary = "导出某统筹区（含下级）的备案交换文件（CSV，参保地 → 省 → 国家）")
    ResponseEntity<byte[]> export(@AuthenticationPrincipal MedfundUser user, @RequestParam String region) {
        byte[] csv = crossRegion.exportFilings(region, user.actor()).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"filings-" + region + ".csv\"")
                .body(csv);
    }

    @PostMapping(value = "/api/crossregion/filings/import", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "导入备案交换文件（全部成功或全部不导入，错误按行列出）")
    ResponseEntity<?> importFilings(@AuthenticationPrincipal MedfundUser user,
                                    @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                    @RequestBody String body) {
        if (body.length() > FILE_CHARS_MAX) {
            throw new Rejection("crossregion.filing-file-too-large", "file", "备案文件过大，请分批导入", 413);
        }
        return idempotency.run(user, "crossregion.import", key, body, HttpStatus.CREATED,
                () -> crossRegion.importFilings(body, user.actor()));
    }

    // --- designations and suspensions ---

    record DesignationRequest(String hospitalCode, LocalDate effectiveFrom, LocalDate effectiveTo) {
    }

    @PostMapping("/api/crossregion/designations")
    @Operation(summary = "省异地就医结算中心确定跨省异地就医定点医疗机构（guizhou-2017 四(三)）")
    ResponseEntity<?> designate(@AuthenticationPrincipal MedfundUser user,
                                @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                @RequestBody DesignationRequest body) {
        return idempotency.run(user, "crossregion.designate", key, body, HttpStatus.CREATED,
                () -> crossRegion.designate(body.hospitalCode(), body.effectiveFrom(), body.effectiveTo(),
                        user.actor()));
    }

    @GetMapping("/api/crossregion/designations")
    List<Designation> designations(@AuthenticationPrincipal MedfundUser user,
                                   @RequestParam(required = false) String hospital) {
        return crossRegion.designations(hospital, user.actor());
    }

    record SuspensionRequest(String regionCode, LocalDate startedOn, String reason) {
    }

    record LiftRequest(LocalDate liftedOn) {
    }

    @PostMapping("/api/crossregion/suspensions")
    @Operation(summary = "省异地就医结算中心暂停无故拖延拨付资金的统筹地区的直接结算（guizhou-2017 五(一)）")
    ResponseEntity<?> suspend(@AuthenticationPrincipal MedfundUser user,
                              @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                              @RequestBody SuspensionRequest body) {
        return idempotency.run(user, "crossregion.suspend", key, body, HttpStatus.CREATED,
                () -> crossRegion.suspend(body.regionCode(), body.startedOn(), body.reason(), user.actor()));
    }

    @PostMapping("/api/crossregion/suspensions/{id}/lift")
    @Operation(summary = "统筹地区拨付后恢复直接结算")
    ResponseEntity<?> lift(@AuthenticationPrincipal MedfundUser user, @PathVariable long id,
                           @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                           @RequestBody LiftRequest body) {
        return idempotency.run(user, "crossregion.lift", key, List.of(id, body),
                () -> crossRegion.lift(id, body.liftedOn(), user.actor()));
    }

    @GetMapping("/api/crossregion/suspensions")
    List<Suspension> suspensions(@AuthenticationPrincipal MedfundUser user) {
        return crossRegion.suspensions(user.actor());
    }

    // --- the insured region's data ---

    @PostMapping("/api/crossregion/benefit-rules")
    @Operation(summary = "参保地登记某险种某年度的起付线、支付比例（按医院等级）和最高支付限额（guizhou-2017 四(二)），覆盖旧值")
    ResponseEntity<?> setBenefitRule(@AuthenticationPrincipal MedfundUser user,
                                     @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                     @RequestBody BenefitRule body) {
        if (body.grades() == null || body.annualCap() == null || body.grades().stream().anyMatch(g -> g == null
                || g.deductible() == null || g.ratio() == null)) {
            throw new Rejection("crossregion.rule-incomplete", "grades", "须填写各级医院的起付线、支付比例和年度最高支付限额");
        }
        return idempotency.run(user, "crossregion.benefit-rule", key, body,
                () -> crossRegion.setBenefitRule(body, user.actor()));
    }

    @GetMapping("/api/crossregion/benefit-rules")
    List<BenefitRule> benefitRules(@AuthenticationPrincipal MedfundUser user, @RequestParam String region,
                                   @RequestParam int year) {
        return crossRegion.benefitRules(region, year, user.actor());
    }

    record AccountRequest(String insuredRegionCode, String cardNo, Money balance) {
    }

    @PostMapping("/api/crossregion/accounts")
    @Operation(summary = "参保地登记参保人异地就医可用的个人账户余额")
    ResponseEntity<?> setAccount(@AuthenticationPrincipal MedfundUser user,
                                 @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                 @RequestBody AccountRequest body) {
        return idempotency.run(user, "crossregion.account", key, body, () -> Map.of("balance",
                crossRegion.setAccountBalance(body.insuredRegionCode(), body.cardNo(), body.balance(),
                        user.actor())));
    }

    // --- discharge desk ---

    /** One major-category line of the bill, national names. */
    record FeeLineBody(@JsonProperty("med_chrgitm_type") String category, @JsonProperty("chrgitm_lv") String level,
                       @JsonProperty("det_item_fee_sumamt") Money amount,
                       @JsonProperty("selfpay_prop") BigDecimal selfPayShare) {
    }

    record SettleBody(@JsonProperty("setl_id") String setlId, @JsonProperty("mdtrt_cert_no") String cardNo,
                      @JsonProperty("insuplc_admdvs") String insuredRegion, @JsonProperty("insutype") String insutype,
                      @JsonProperty("setl_date") LocalDate date, @JsonProperty("acct_used_flag") String accountFlag,
                      @JsonProperty("fee_lines") List<FeeLineBody> lines) {

        SettlementRequest toRequest() {
            if (accountFlag != null && !accountFlag.equals("0") && !accountFlag.equals("1")) {
                throw new Rejection("crossregion.flag-invalid", "acct_used_flag", "个人账户使用标志应为 0 或 1");
            }
            List<FeeLine> parsed = new ArrayList<>();
            for (int i = 0; lines != null && i < lines.size(); i++) {
                FeeLineBody line = lines.get(i);
                if (line == null) {
                    throw new Rejection("crossregion.fee-line-invalid", "fee_lines[" + i + "]", "费用行不能为空");
                }
                parsed.add(new FeeLine(category(line.category(), "fee_lines[" + i + "].med_chrgitm_type"),
                        level(line.level(), "fee_lines[" + i + "].chrgitm_lv"), line.amount(),
                        line.selfPayShare()));
            }
            return new SettlementRequest(setlId, cardNo, insuredRegion, insutype, date, parsed, "1".equals(accountFlag));
        }
    }

    static FeeCategory category(String code, String field) {
        return FeeCategory.ofCode(code).orElseThrow(() -> new Rejection("crossregion.fee-category-unknown", field,
                "未知医疗收费项目类别 " + code + "（应为全国统一大类费用清单 01–14）"));
    }

    static CatalogueClass level(String code, String field) {
        return CatalogueClass.ofCode(code).orElseThrow(() -> new Rejection("crossregion.catalogue-class-unknown",
                field, "未知收费项目等级 " + code + "（01 甲类、02 乙类、03 丙类）"));
    }

    /** Named apart from the prepayment view of the same name: one schema name, one shape (OpenApiDocumentTest). */
    @io.swagger.v3.oas.annotations.media.Schema(name = "CrossregionDerivationView")
    record DerivationView(String formula, String citation, String result, List<Derivation.Input> inputs,
                          String explain) {
        static DerivationView of(Derivation d) {
            return new DerivationView(d.formula(), d.citation(), d.result().toPlainYuan(), d.inputs(), d.explain());
        }
    }

    @io.swagger.v3.oas.annotations.media.Schema(name = "CrossregionLineView")
    record LineView(int lineNo, @JsonProperty("med_chrgitm_type") String category, String categoryLabel,
                    @JsonProperty("chrgitm_lv") String level, String levelLabel,
                    @JsonProperty("det_item_fee_sumamt") Money amount, @JsonProperty("selfpay_prop") String share,
                    @JsonProperty("fulamt_ownpay_amt") Money notCovered,
                    @JsonProperty("preselfpay_amt") String selfPaidFirst,
                    @JsonProperty("inscp_scp_amt") String inScope) {
        static LineView of(Settlement.LineSplit l) {
            return new LineView(l.lineNo(), l.category().code(), l.category().label(), l.catalogueClass().code(),
                    l.catalogueClass().label(), l.amount(), l.selfPayShare(), l.notCovered(), l.selfPaidFirst(),
                    l.inScope());
        }
    }

    record SettlementView(String id, @JsonProperty("fixmedins_code") String hospitalCode,
                          @JsonProperty("setl_id") String setlId, String filingId,
                          @JsonProperty("mdtrt_cert_no") String cardNo,
                          @JsonProperty("insuplc_admdvs") String insuredRegion,
                          @JsonProperty("mdtrtarea_admvs") String treatmentRegion,
                          @JsonProperty("insutype") String insutype, @JsonProperty("setl_date") LocalDate date,
                          String state, String stateLabel, @JsonProperty("medfee_sumamt") Money total,
                          @JsonProperty("fund_pay_sumamt") Money fundPay, @JsonProperty("acct_pay") Money accountPay,
                          @JsonProperty("psn_cash_pay") Money cashPay, List<LineView> lines,
                          List<DerivationView> derivations, LocalDate reversedOn, int detailCount) {
        static SettlementView of(Settlement s) {
            return new SettlementView(s.id(), s.hospitalCode(), s.hospitalSettlementId(), s.filingId(), s.cardNo(),
                    s.insuredRegionCode(), s.treatmentRegionCode(), s.insuranceType(), s.date(),
                    s.id() == null ? "PREVIEW" : s.state().name(), s.id() == null ? "试算" : s.state().label(),
                    s.payments().total(), s.payments().fundPay(), s.payments().accountPay(), s.payments().cashPay(),
                    s.lines().stream().map(LineView::of).toList(),
                    s.derivations().stream().map(DerivationView::of).toList(), s.reversedOn(), s.detailCount());
        }
    }

    @PostMapping("/api/crossregion/settlements/preview")
    @Operation(summary = "出院结算试算：计算统筹基金、个人账户和现金支付，不写入任何数据")
    SettlementView preview(@AuthenticationPrincipal MedfundUser user, @RequestBody SettleBody body) {
        return SettlementView.of(crossRegion.preview(body.toRequest(), user.actor()));
    }

    @PostMapping("/api/crossregion/settlements")
    @Operation(summary = "出院直接结算（guizhou-2017 三(二)、四(二)）：按医院结算编号 setl_id 只结算一次")
    ResponseEntity<?> settle(@AuthenticationPrincipal MedfundUser user,
                             @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                             @RequestBody SettleBody body) {
        SettlementRequest request = body.toRequest();
        // Booked with the other requests waiting at that moment (group commit); what the batch cannot book safely
        // on its own comes back empty and is settled alone, the classic way.
        Optional<String> booked = desk.settle(new DeskBatcher.DeskBill(request, user.actor(),
                idempotency.claim(user, SETTLE_SCOPE, key, body), audit.handOff(), settled -> {
                    Idempotency.Answer answer = idempotency.answer(SettlementView.of(settled));
                    return new DeskBatcher.DeskAnswer(answer.json(), answer.businessIds());
                }));
        if (booked.isPresent()) {
            return idempotency.answered(HttpStatus.CREATED, booked.get());
        }
        return idempotency.run(user, SETTLE_SCOPE, key, body, HttpStatus.CREATED,
                () -> SettlementView.of(crossRegion.settle(request, user.actor())));
    }

    @GetMapping("/api/crossregion/settlements/{setlId}")
    SettlementView settlement(@AuthenticationPrincipal MedfundUser user, @PathVariable String setlId,
                              @RequestParam(required = false) String hospital) {
        return SettlementView.of(crossRegion.settlement(hospital == null ? user.actor().orgCode() : hospital, setlId,
                user.actor()));
    }

    record ReversalRequest(LocalDate date) {
    }

    @PostMapping("/api/crossregion/settlements/{setlId}/reversal")
    @Operation(summary = "冲正整笔异地结算：退回年度累计和个人账户")
    ResponseEntity<?> reverse(@AuthenticationPrincipal MedfundUser user, @PathVariable String setlId,
                              @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                              @RequestBody ReversalRequest body) {
        return idempotency.run(user, "crossregion.reverse", key, List.of(setlId, body),
                () -> SettlementView.of(crossRegion.reverse(setlId, body.date(), user.actor())));
    }

    record DetailBody(@JsonProperty("feedetl_sn") String detailNo, @JsonProperty("med_list_codg") String itemCode,
                      @JsonProperty("medins_list_name") String itemName,
                      @JsonProperty("med_chrgitm_type") String category, @JsonProperty("chrgitm_lv") String level,
                      @JsonProperty("det_item_fee_sumamt") Money amount) {
    }

    @PostMapping("/api/crossregion/settlements/{setlId}/details")
    @Operation(summary = "结算后上传费用明细（guizhou-2017 三(二)：明细延后传输），按大类和目录类别与结算核对")
    ResponseEntity<?> details(@AuthenticationPrincipal MedfundUser user, @PathVariable String setlId,
                              @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                              @RequestBody List<DetailBody> body) {
        List<FeeDetail> details = new ArrayList<>();
        for (int i = 0; body != null && i < body.size(); i++) {
            DetailBody d = body.get(i);
            if (d == null) {
                throw new Rejection("crossregion.detail-invalid", "details[" + i + "]", "明细不能为空");
            }
            details.add(new FeeDetail(d.detailNo(), d.itemCode(), d.itemName(),
                    category(d.category(), "details[" + i + "].med_chrgitm_type"),
                    level(d.level(), "details[" + i + "].chrgitm_lv"), d.amount()));
        }
        return idempotency.run(user, "crossregion.details", key, List.of(setlId, body),
                () -> SettlementView.of(crossRegion.attachDetails(setlId, details, user.actor())));
    }
}

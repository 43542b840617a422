package org.medfund.web.prepayment;

import io.swagger.v3.oas.annotations.Operation;
import org.medfund.notices.XlsxExport;
import org.medfund.web.DateRequest;
import org.medfund.web.DueDateLabels;
import org.medfund.web.Idempotency;
import org.medfund.web.Downloads;
import org.medfund.web.MedfundUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.notices.XlsxExport;
import org.medfund.prepayment.ApplicationForm;
import org.medfund.prepayment.Applications;
import org.medfund.prepayment.CourtSteps;
import org.medfund.prepayment.EligibilityCondition;
import org.medfund.prepayment.Finding;
import org.medfund.prepayment.Prepayment;
import org.medfund.prepayment.PrepaymentStatus;
import org.medfund.prepayment.Prepayments;
import org.medfund.prepayment.Recoveries;
import org.medfund.prepayment.Recovery;
import org.medfund.prepayment.RecoveryTrigger;
import org.medfund.prepayment.RegionPlan;
import org.medfund.prepayment.RegionPlans;
import org.medfund.prepayment.RegisterFilter;
import org.medfund.prepayment.StepState;
import org.medfund.prepayment.WorkflowStep;
import org.medfund.web.DateRequest;
import org.medfund.web.DueDateLabels;
import org.medfund.web.Idempotency;
import org.medfund.web.MedfundUser;
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
import tools.jackson.databind.JsonNode;

/**
 * Prepayment API (henan-2023 二, xinyang-2025), scoped by the caller's organisation: the register and one prepayment with
 * its derivation, Henan sizing, Xinyang applications and review, workflow steps, approval, disbursement, clearing,
 * recoveries and write-off. State changes need an {@code Idempotency-Key}. Amounts are yuan text with two decimals.
 */
@RestController
public class PrepaymentApi {

    private final Prepayments prepayments;
    private final Applications applications;
    private final Recoveries recoveries;
    private final Idempotency idempotency;
    private final RegionPlans regionPlans;
    private final DueDateLabels dueDates;

    PrepaymentApi(Prepayments prepayments, Applications applications, Recoveries recoveries,
                  Idempotency idempotency, RegionPlans regionPlans, DueDateLabels dueDates) {
        this.regionPlans = regionPlans;
        this.dueDates = dueDates;
        this.prepayments = prepayments;
        this.applications = applications;
        this.recoveries = recoveries;
        this.idempotency = idempotency;
    }

    record DerivationView(String formula, String citation, String result, List<Derivation.Input> inputs,
                          String explain) {
        static DerivationView of(Derivation d) {
            return new DerivationView(d.formula(), d.citation(), d.result().toPlainYuan(), d.inputs(), d.explain());
        }
    }

    record PrepaymentView(String id, int year, String hospitalCode, String insuranceType, String regionCode,
                          String payerOrgCode, String packId, int packVersion, String category, String status,
                          String sized, String outstandingBefore, String toPay, String toRecover,
                          String outstandingNow, LocalDate dueOn, boolean dueProvisional, String preparedBy,
                          String approvedBy, String clearingMethod, LocalDate clearedOn, String gateReasons,
                          DerivationView derivation) {
    }

    PrepaymentView view(Prepayment p) {
        return new PrepaymentView(p.id(), p.year(), p.hospitalCode(), p.insuranceType(), p.regionCode(),
                p.payerOrgCode(), p.packId(), p.packVersion(), p.category().name(), p.status().name(), p.sized().toPlainYuan(),
                p.outstandingBefore().toPlainYuan(), p.toPay().toPlainYuan(), p.toRecover().toPlainYuan(),
                prepayments.outstanding(p.hospitalCode(), p.insuranceType()).toPlainYuan(), p.dueOn(),
                dueDates.provisional(p.dueOn()), p.preparedBy(), p.approvedBy(),
                p.clearingMethod() == null ? null : p.clearingMethod().name(), p.clearedOn(), p.gateReasons(), DerivationView.of(p.derivation()));
    }

    record RecoveryView(String id, String prepaymentId, String hospitalCode, String insuranceType, String reason,
                        String trigger, String article, String amount, String recovered, boolean allOrNothing,
                        LocalDate foundOn, LocalDate returnDue, boolean returnDueProvisional, LocalDate offsetFrom,
                        String status, CourtView court) {
        static RecoveryView of(Recovery r, DueDateLabels dueDates) {
            return new RecoveryView(r.id(), r.prepaymentId(), r.hospitalCode(), r.insuranceType(), r.reason().name(),
                    r.trigger() == null ? null : r.trigger().name(), r.trigger() == null ? null : r.trigger().article(),
                    r.amount().toPlainYuan(), r.recovered().toPlainYuan(), r.allOrNothing(), r.foundOn(),
                    r.returnDue(), dueDates.provisional(r.returnDue()), r.offsetFrom(), r.status().name(),
                    CourtView.of(r.court()));
        }
    }

    /** Seed 002 art. 11 steps of a recovery: decision (payments stop), court application, court document. */
    record CourtView(LocalDate decidedOn, String reason, String decidedBy, LocalDate appliedOn, String court,
                     String caseNo, String document, LocalDate documentOn, String loss) {
        static CourtView of(CourtSteps c) {
            return c == null ? null : new CourtView(c.decidedOn(), c.reason(), c.decidedBy(), c.appliedOn(),
                    c.court(), c.caseNo(), c.document(), c.documentOn(), c.loss() == null ? null
                    : c.loss().toPlainYuan());
        }
    }

    /** A workflow step with its due date's provisional flag (暂定 until the year's holiday notice is loaded). */
    record StepView(String prepaymentId, WorkflowStep step, String actorOrgCode, LocalDate dueOn,
                    boolean dueProvisional, LocalDate doneOn, String doneBy, String transferId, LocalDate receivedOn) {
        static StepView of(StepState s, DueDateLabels dueDates) {
            return new StepView(s.prepaymentId(), s.step(), s.actorOrgCode(), s.dueOn(),
                    dueDates.provisional(s.dueOn()), s.doneOn(), s.doneBy(), s.transferId(), s.receivedOn());
        }
    }

    @GetMapping("/api/prepayments")
    List<PrepaymentView> register(@AuthenticationPrincipal MedfundUser user,
                                  @RequestParam(required = false) Integer year,
                                  @RequestParam(required = false) String hospital,
                                  @RequestParam(required = false) String fund,
                                  @RequestParam(required = false) String status,
                                  @RequestParam(required = false) String pack) {
        Optional<PrepaymentStatus> named = PrepaymentStatus.named(status);
        if (status != null && named.isEmpty()) {
            return List.of(); // no row has a status of that name
        }
        return prepayments.register(new RegisterFilter(year, hospital, fund, named.orElse(null), pack), user.actor())
                .stream().map(this::view).toList();
    }

    @GetMapping("/api/prepayments/{id}")
    PrepaymentView one(@AuthenticationPrincipal MedfundUser user, @PathVariable String id) {
        return view(prepayments.prepayment(id, user.actor()));
    }

    @GetMapping("/api/prepayments/{id}/steps")
    List<StepView> steps(@AuthenticationPrincipal MedfundUser user, @PathVariable String id) {
        prepayments.prepayment(id, user.actor());
        return applications.steps(id).stream().map(s -> StepView.of(s, dueDates)).toList();
    }

    @GetMapping("/api/prepayment-recoveries")
    List<RecoveryView> recoveries(@AuthenticationPrincipal MedfundUser user, @RequestParam String hospital) {
        return recoveries.recoveries(hospital, user.actor()).stream().map(r -> RecoveryView.of(r, dueDates))
                .toList();
    }

    record SizeRequest(@NotNull String regionCode, int year, @NotNull LocalDate date) {
    }

    @PostMapping("/api/prepayments/size")
    ResponseEntity<JsonNode> size(@AuthenticationPrincipal MedfundUser user,
                                  @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                  @Valid @RequestBody SizeRequest body) {
        return idempotency.run(user, "prepayment.size", key, body, () ->
                prepayments.sizeRegion(body.regionCode(), body.year(), date(body.date()), user.actor()));
    }


    record RegionPlanView(String id, int year, String provinceCode, String regionCode, String regionName,
                          String insuranceType, String packId, int packVersion, String sized, String previous,
                          String difference, DerivationView derivation, String generatedBy, LocalDate generatedOn) {
        static RegionPlanView of(RegionPlan p) {
            return new RegionPlanView(p.id(), p.year(), p.provinceCode(), p.regionCode(), p.regionName(),
                    p.insuranceType(), p.packId(), p.packVersion(), p.sized().toPlainYuan(),
                    p.previous().toPlainYuan(), p.difference().toPlainYuan(), DerivationView.of(p.derivation()),
                    p.generatedBy(), p.generatedOn());
        }
    }

    record RegionPlanRequest(int year, @NotNull LocalDate date) {
    }

    @GetMapping("/api/prepayments/region-plans")
    @Operation(summary = "省内异地就医统筹基金预拨计划（河南 henan-2023 二(二)）：各统筹区、各险种；省中心看全省，市看本市")
    List<RegionPlanView> regionPlans(@AuthenticationPrincipal MedfundUser user, @RequestParam int year) {
        return regionPlans.plans(year, user.actor()).stream().map(RegionPlanView::of).toList();
    }

    @PostMapping("/api/prepayments/region-plans")
    @Operation(summary = "省医保中心生成某年度各统筹区省内异地就医预拨计划（已生成的年度原样返回）")
    ResponseEntity<JsonNode> generateRegionPlans(@AuthenticationPrincipal MedfundUser user,
                                                 @RequestHeader(name = Idempotency.HEADER, required = false)
                                                 String key, @Valid @RequestBody RegionPlanRequest body) {
        return idempotency.run(user, "prepayment.region-plans", key, body, HttpStatus.CREATED, () ->
                regionPlans.generate(body.year(), date(body.date()), user.actor()).stream()
                        .map(RegionPlanView::of).toList());
    }

    @PostMapping("/api/prepayments/{id}/approve")
    ResponseEntity<JsonNode> approve(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                                     @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                     @Valid @RequestBody DateRequest body) {
        return idempotency.run(user, "prepayment.approve", key, List.of(id, body), () ->
                view(prepayments.approve(id, date(body.date()), user.actor())));
    }

    record DisburseRequest(@NotNull LocalDate date, boolean excessByReturn) {
    }

    @PostMapping("/api/prepayments/{id}/disburse")
    ResponseEntity<JsonNode> disburse(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                                      @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                      @Valid @RequestBody DisburseRequest body) {
        return idempotency.run(user, "prepayment.disburse", key, List.of(id, body), () ->
                view(prepayments.disburse(id, date(body.date()), !body.excessByReturn(), user.actor(),
                        "api:" + user.actor().orgCode() + ":" + key)));
    }

    @PostMapping("/api/prepayments/{id}/steps/{step}")
    ResponseEntity<JsonNode> step(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                                  @PathVariable WorkflowStep step,
                                  @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                  @Valid @RequestBody DateRequest body) {
        return idempotency.run(user, "prepayment.step", key, List.of(id, step, body), () ->
                StepView.of(applications.complete(id, step, date(body.date()), user.actor(),
                        "api:" + user.actor().orgCode() + ":" + key), dueDates));
    }

    /** The receiving agency confirms the money of a FUNDED or COUNTY_SHARED step arrived (xinyang-2025 art. 6(四)). */
    @PostMapping("/api/prepayments/{id}/steps/{step}/receipt")
    ResponseEntity<JsonNode> receipt(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                                     @PathVariable WorkflowStep step,
                                     @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                     @Valid @RequestBody DateRequest body) {
        return idempotency.run(user, "prepayment.receipt", key, List.of(id, step, body), () ->
                StepView.of(applications.confirmReceipt(id, step, date(body.date()), user.actor()), dueDates));
    }

    /** An amount in yuan that cannot be negative, as the prepayment commands read it. */
    static final String YUAN = "[0-9]{1,13}(\\.[0-9]{1,2})?";

    record AdjustRequest(@NotNull @Pattern(regexp = YUAN) String amount, @NotNull @Size(max = 100) String decisionNo,
                         @NotNull @Size(max = 400) String reason) {
    }

    @PostMapping("/api/prepayments/{id}/adjust")
    ResponseEntity<JsonNode> adjust(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                                    @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                    @Valid @RequestBody AdjustRequest body) {
        return idempotency.run(user, "prepayment.adjust", key, List.of(id, body), () ->
                view(applications.adjust(id, yuan(body.amount(), "amount"), body.decisionNo(), body.reason(),
                        user.actor())));
    }

    @PostMapping("/api/prepayments/{id}/clear")
    ResponseEntity<JsonNode> clear(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                   @Valid @RequestBody DateRequest body) {
        return idempotency.run(user, "prepayment.clear", key, List.of(id, body), () -> {
            Recovery clearing = recoveries.clear(id, date(body.date()), user.actor());
            return clearing == null ? view(prepayments.prepayment(id, user.actor()))
                    : RecoveryView.of(clearing, dueDates);
        });
    }

    /** A Xinyang hospital's application for a year's prepayment (xinyang-2025 art. 6(一)). */
    record PrepaymentApplicationRequest(@NotNull String hospitalCode, int year, @NotNull LocalDate date,
                                        @NotNull ApplicationForm form) {
    }

    @PostMapping("/api/prepayment-applications")
    ResponseEntity<JsonNode> apply(@AuthenticationPrincipal MedfundUser user,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                   @Valid @RequestBody PrepaymentApplicationRequest body) {
        if (body.form() == null) {
            throw new Rejection("prepayment.form-incomplete", "form", "缺少申请书内容");
        }
        return idempotency.run(user, "prepayment.apply", key, body, HttpStatus.CREATED, () ->
                applications.apply(body.hospitalCode(), body.year(), body.form(), date(body.date()), user.actor()));
    }

    record FindingRequest(@NotNull EligibilityCondition condition, boolean met, @Size(max = 2000) String evidence) {
    }

    record ReviewRequest(@NotNull LocalDate date, @Size(max = 20) List<@NotNull @Valid FindingRequest> findings) {
    }

    @PostMapping("/api/prepayment-applications/{id}/review")
    ResponseEntity<JsonNode> review(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                                    @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                    @Valid @RequestBody ReviewRequest body) {
        List<Finding> findings = new ArrayList<>();
        for (FindingRequest f : body.findings() == null ? List.<FindingRequest>of() : body.findings()) {
            if (f.condition() == null) {
                throw new Rejection("prepayment.finding-missing", "findings", "审核条件不能为空");
            }
            findings.add(new Finding(f.condition(), f.met(), f.evidence(), user.actor().userId()));
        }
        return idempotency.run(user, "prepayment.review", key, List.of(id, body), () ->
                applications.review(id, findings, date(body.date()), user.actor()).stream().map(this::view).toList());
    }

    record TriggerRequest(@NotNull String hospitalCode, @NotNull String insuranceType, @NotNull RecoveryTrigger trigger,
                          @NotNull @Size(max = 2000) String evidence, @NotNull LocalDate date) {
    }

    @PostMapping("/api/prepayment-recoveries")
    ResponseEntity<JsonNode> raise(@AuthenticationPrincipal MedfundUser user,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                   @Valid @RequestBody TriggerRequest body) {
        if (body.trigger() == null) {
            throw new Rejection("prepayment.trigger-missing", "trigger", "须选择第十条收回情形");
        }
        return idempotency.run(user, "prepayment.recover", key, body, HttpStatus.CREATED, () ->
                RecoveryView.of(recoveries.raise(body.hospitalCode(), body.insuranceType(), body.trigger(),
                        body.evidence(), date(body.date()), user.actor()), dueDates));
    }

    record ReturnRequest(@NotNull @Pattern(regexp = YUAN) String amount, @NotNull LocalDate date) {
    }

    @PostMapping("/api/prepayment-recoveries/{id}/return")
    ResponseEntity<JsonNode> recordReturn(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                                          @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                          @Valid @RequestBody ReturnRequest body) {
        return idempotency.run(user, "prepayment.return", key, List.of(id, body), () ->
                RecoveryView.of(recoveries.recordReturn(id, yuan(body.amount(), "amount"), date(body.date()),
                        user.actor(), "api:" + user.actor().orgCode() + ":" + key), dueDates));
    }

    record DocumentRequest(@NotNull @Size(max = 400) String document, @NotNull LocalDate date) {
    }

    record UnrecoverableRequest(@NotNull @Size(max = 400) String reason, @NotNull LocalDate date) {
    }

    /** Art. 11: the decision that the prepayment cannot be recovered; the hospital's settlements stop from its date. */
    @PostMapping("/api/prepayment-recoveries/{id}/unrecoverable")
    @Operation(summary = "认定预付金无法收回（信阳第十一条）：自认定日起停止拨付该医疗机构医保结算费用")
    ResponseEntity<JsonNode> unrecoverable(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                                           @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                           @Valid @RequestBody UnrecoverableRequest body) {
        return idempotency.run(user, "prepayment.unrecoverable", key, List.of(id, body), () ->
                RecoveryView.of(recoveries.unrecoverable(id, body.reason(), date(body.date()), user.actor()),
                        dueDates));
    }

    record CourtApplicationRequest(@NotNull LocalDate date, @NotNull @Size(max = 400) String court,
                                   @NotNull @Size(max = 400) String caseNo) {
    }

    @PostMapping("/api/prepayment-recoveries/{id}/court-application")
    @Operation(summary = "登记向法院申请强制执行（日期、法院、案号，第十一条）")
    ResponseEntity<JsonNode> courtApplication(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                                              @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                              @Valid @RequestBody CourtApplicationRequest body) {
        return idempotency.run(user, "prepayment.court-application", key, List.of(id, body), () ->
                RecoveryView.of(recoveries.courtApplication(id, date(body.date()), body.court(), body.caseNo(),
                        user.actor()), dueDates));
    }

    record CourtDocumentRequest(@NotNull @Size(max = 400) String document, @NotNull LocalDate date,
                                @NotNull @Pattern(regexp = YUAN) String loss) {
    }

    @PostMapping("/api/prepayment-recoveries/{id}/court-document")
    @Operation(summary = "登记法院出具的法律文书及其确认的预付金损失金额（第十一条）")
    ResponseEntity<JsonNode> courtDocument(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                                           @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                           @Valid @RequestBody CourtDocumentRequest body) {
        return idempotency.run(user, "prepayment.court-document", key, List.of(id, body), () ->
                RecoveryView.of(recoveries.courtDocument(id, body.document(), date(body.date()),
                        yuan(body.loss(), "loss"), user.actor()), dueDates));
    }

    @PostMapping("/api/prepayment-recoveries/{id}/write-off")
    ResponseEntity<JsonNode> writeOff(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                                      @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                      @Valid @RequestBody DocumentRequest body) {
        return idempotency.run(user, "prepayment.write-off", key, List.of(id, body), () ->
                RecoveryView.of(recoveries.writeOff(id, body.document(), date(body.date()), user.actor(),
                        "api:" + user.actor().orgCode() + ":" + key), dueDates));
    }

    record DisclosureView(int year, String hospitalCode, String hospitalName, String insuranceType, String packId,
                          String sized, String disbursed, String recovered, String status, String clearingMethod,
                          LocalDate clearedOn) {
    }

    /** Seed 000 二(二) "通过线上…预拨": the payer's disbursements of a day as a bank/e-payment file. */
    @GetMapping("/api/prepayments/payment-file.csv")
    @Operation(summary = "预付金网上支付文件（CSV）：付款机构某日的预付金拨付指令；payer 默认本机构，须在本机构可见范围内")
    ResponseEntity<byte[]> paymentFileCsv(@AuthenticationPrincipal MedfundUser user,
                                          @RequestParam(required = false) String payer,
                                          @RequestParam LocalDate date) {
        String org = payer == null ? user.actor().orgCode() : payer;
        return Downloads.attachment("prepayment-payment-" + org + "-" + date + ".csv",
                new MediaType("text", "csv", StandardCharsets.UTF_8),
                prepayments.paymentFileCsv(org, date, user.actor()));
    }

    @GetMapping("/api/prepayments/payment-file.xlsx")
    @Operation(summary = "预付金网上支付文件（xlsx），内容同 CSV")
    ResponseEntity<byte[]> paymentFileXlsx(@AuthenticationPrincipal MedfundUser user,
                                           @RequestParam(required = false) String payer,
                                           @RequestParam LocalDate date) {
        String org = payer == null ? user.actor().orgCode() : payer;
        return Downloads.attachment("prepayment-payment-" + org + "-" + date + ".xlsx", XlsxExport.XLSX,
                prepayments.paymentFileXlsx(org, date, user.actor()));
    }

    @GetMapping("/api/prepayments/disclosure")
    List<DisclosureView> disclosure(@AuthenticationPrincipal MedfundUser user, @RequestParam int year) {
        return prepayments.disclosure(year, user.actor()).stream().map(d -> new DisclosureView(d.year(),
                d.hospitalCode(), d.hospitalName(), d.insuranceType(), d.packId(), d.sized().toPlainYuan(),
                d.disbursed().toPlainYuan(), d.recovered().toPlainYuan(), d.status().name(),
                d.clearingMethod() == null ? null : d.clearingMethod().name(),
                d.clearedOn())).toList();
    }

    static LocalDate date(LocalDate date) {
        if (date == null) {
            throw new Rejection("prepayment.date-missing", "date", "须填写业务日期");
        }
        return date;
    }

    static Money yuan(String text, String field) {
        try {
            return Money.ofYuan(text);
        } catch (IllegalArgumentException e) {
            throw new Rejection("prepayment.amount-invalid", field, "金额须为元，最多两位小数：" + text);
        }
    }
}

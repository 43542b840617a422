package org.medfund.web.crossregion;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.common.Rejection;
import org.medfund.crossregion.ClearingDirection;
import org.medfund.crossregion.ClearingKind;
import org.medfund.crossregion.ClearingState;
import org.medfund.crossregion.CrossRegionClearing;
import org.medfund.crossregion.CrossRegionClearing.Answer;
import org.medfund.crossregion.CrossRegionClearing.Clearing;
import org.medfund.crossregion.CrossRegionClearing.Detail;
import org.medfund.crossregion.CrossRegionClearing.Header;
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

/**
 * Guizhou clearing (guizhou-2017 附件一 三, 附件二 二(二)(三)): the national platform's messages in its own field
 * spelling (docs/crossregion-messages.md) — 3260 提取异地清分明细 (GET, at most 100 rows a page), 3261 异地清分结果确认,
 * 3262 确认回退 — as JSON and as files, then the month's and the quarter's clearing steps. Commands need an
 * {@code Idempotency-Key}; a 3261 call is also answered once per {@code msgid}, the id 3262 names as {@code otransid}.
 */
@RestController
class ClearingApi {

    /** A 3261 file carries at most 100 rows: far below this. */
    static final int FILE_CHARS_MAX = 200_000;

    private final CrossRegionClearing clearing;
    private final Idempotency idempotency;

    ClearingApi(CrossRegionClearing clearing, Idempotency idempotency) {
        this.clearing = clearing;
        this.idempotency = idempotency;
    }

    /** 3260 output row, amounts as yuan text. */
    record MessageDetailView(String seqno, String mdtrtarea, @JsonProperty("medins_no") String medinsNo, String certno,
                      @JsonProperty("mdtrt_id") String mdtrtId,
                      @JsonProperty("mdtrt_setl_time") String mdtrtSetlTime, @JsonProperty("setl_sn") String setlSn,
                      @JsonProperty("fulamt_advpay_flag") String fulamtAdvpayFlag,
                      @JsonProperty("medfee_sumamt") String medfeeSumamt,
                      @JsonProperty("optins_pay_sumamt") String optinsPaySumamt,
                      @JsonProperty("cnfm_flag") String cnfmFlag) {
        static MessageDetailView of(Detail d) {
            return new MessageDetailView(String.valueOf(d.seqno()), d.mdtrtarea(), d.medinsNo(), d.certno(), d.mdtrtId(),
                    d.mdtrtSetlTime().format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")),
                    d.setlSn(), d.fulamtAdvpayFlag(), d.medfeeSumamt().toPlainYuan(),
                    d.optinsPaySumamt().toPlainYuan(), d.cnfmFlag());
        }
    }

    record DetailPageView(@JsonProperty("trt_year") int trtYear, @JsonProperty("trt_month") int trtMonth,
                          @JsonProperty("mdtrtarea_admvs") String mdtrtareaAdmvs,
                          @JsonProperty("insuplc_admdvs") String insuplcAdmdvs, @JsonProperty("page_num") int pageNum,
                          @JsonProperty("page_size") int pageSize, @JsonProperty("recordCounts") int recordCounts,
                          List<MessageDetailView> data) {
    }

    @GetMapping("/api/crossregion/clearing/details")
    @Operation(summary = "3260 提取异地清分明细：某月就医地、参保地之间的清分明细，每页至多 100 条（省异地就医结算中心）")
    DetailPageView details(@AuthenticationPrincipal MedfundUser user,
                           @RequestParam("trt_year") int trtYear, @RequestParam("trt_month") int trtMonth,
                           @RequestParam("mdtrtarea_admvs") String mdtrtareaAdmvs,
                           @RequestParam("insuplc_admdvs") String insuplcAdmdvs,
                           @RequestParam(name = "page_num", defaultValue = "1") int pageNum) {
        CrossRegionClearing.DetailPage page = clearing.details(trtYear, trtMonth, new Header(mdtrtareaAdmvs,
                insuplcAdmdvs), pageNum, user.actor());
        return new DetailPageView(trtYear, trtMonth, mdtrtareaAdmvs, insuplcAdmdvs, pageNum,
                CrossRegionClearing.PAGE_MAX, page.total(), page.rows().stream().map(MessageDetailView::of).toList());
    }

    @GetMapping("/api/crossregion/clearing/details.csv")
    @Operation(summary = "3260 清分明细文件：某月全部明细及已给出的确认标志（UTF-8 CSV，国家平台字段名）")
    ResponseEntity<byte[]> detailsFile(@AuthenticationPrincipal MedfundUser user,
                                       @RequestParam("trt_year") int trtYear, @RequestParam("trt_month") int trtMonth,
                                       @RequestParam("mdtrtarea_admvs") String mdtrtareaAdmvs,
                                       @RequestParam("insuplc_admdvs") String insuplcAdmdvs) {
        byte[] csv = clearing.exportDetails(trtYear, trtMonth, new Header(mdtrtareaAdmvs, insuplcAdmdvs),
                user.actor()).getBytes(StandardCharsets.UTF_8);
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"3260-" + trtYear + "-" + trtMonth
                        + "-" + mdtrtareaAdmvs + "-" + insuplcAdmdvs + ".csv\"").body(csv);
    }

    record AnswerView(@JsonProperty("mdtrt_id") String mdtrtId, @JsonProperty("setl_sn") String setlSn,
                      @JsonProperty("cnfm_flag") String cnfmFlag) {
    }

    record MessageConfirmRequest(@JsonProperty("trt_year") int trtYear, @JsonProperty("trt_month") int trtMonth,
                          @JsonProperty("mdtrtarea_admvs") String mdtrtareaAdmvs,
                          @JsonProperty("insuplc_admdvs") String insuplcAdmdvs, String msgid, LocalDate date,
                          List<AnswerView> data) {
    }

    record CallView(String otransid, int confirmed, int rejected, @JsonProperty("rolled_back") int rolledBack) {
        static CallView of(CrossRegionClearing.CallResult r) {
            return new CallView(r.otransid(), r.confirmed(), r.rejected(), r.rolledBack());
        }
    }

    @PostMapping("/api/crossregion/clearing/confirmations")
    @Operation(summary = "3261 异地清分结果确认：逐条 cnfm_flag 1 确认 / 0 拒绝，每次至多 100 条；msgid 即回退时的 otransid")
    ResponseEntity<?> confirm(@AuthenticationPrincipal MedfundUser user,
                              @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                              @RequestBody MessageConfirmRequest body) {
        List<Answer> rows = body.data() == null ? null : body.data().stream()
                .map(a -> a == null ? null : new Answer(a.mdtrtId(), a.setlSn(), a.cnfmFlag())).toList();
        return idempotency.run(user, "crossregion.clearing-3261", key, body, HttpStatus.CREATED,
                () -> CallView.of(clearing.confirm(body.trtYear(), body.trtMonth(), new Header(body.mdtrtareaAdmvs(),
                        body.insuplcAdmdvs()), body.msgid(), rows, body.date(), user.actor())));
    }

    @PostMapping(value = "/api/crossregion/clearing/confirmations/import",
            consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE})
    @Operation(summary = "3261 清分确认文件导入（全部确认或全部不确认，错误按行列出）")
    ResponseEntity<?> importConfirmations(@AuthenticationPrincipal MedfundUser user,
                                          @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                          @RequestParam("trt_year") int trtYear,
                                          @RequestParam("trt_month") int trtMonth,
                                          @RequestParam("mdtrtarea_admvs") String mdtrtareaAdmvs,
                                          @RequestParam("insuplc_admdvs") String insuplcAdmdvs,
                                          @RequestParam String msgid, @RequestParam LocalDate date,
                                          @RequestBody String body) {
        if (body.length() > FILE_CHARS_MAX) {
            throw new Rejection("crossregion.clearing-file-too-large", "file", "清分确认文件过大", 413);
        }
        return idempotency.run(user, "crossregion.clearing-import", key, List.of(trtYear, trtMonth,
                mdtrtareaAdmvs, insuplcAdmdvs, msgid, date.toString(), body), HttpStatus.CREATED,
                () -> CallView.of(clearing.importAnswers(trtYear, trtMonth, new Header(mdtrtareaAdmvs,
                        insuplcAdmdvs), msgid, body, date, user.actor())));
    }

    record RollbackRequest(@JsonProperty("trt_year") int trtYear, @JsonProperty("trt_month") int trtMonth,
                           @JsonProperty("mdtrtarea_admvs") String mdtrtareaAdmvs,
                           @JsonProperty("insuplc_admdvs") String insuplcAdmdvs, String otransid, LocalDate date) {
    }

    @PostMapping("/api/crossregion/clearing/rollbacks")
    @Operation(summary = "3262 确认回退：回退 otransid 所指的一次 3261 确认；otransid 为 0 时回退该月全部确认")
    ResponseEntity<?> rollback(@AuthenticationPrincipal MedfundUser user,
                               @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                               @RequestBody RollbackRequest body) {
        return idempotency.run(user, "crossregion.clearing-3262", key, body,
                () -> CallView.of(clearing.rollback(body.trtYear(), body.trtMonth(), new Header(body.mdtrtareaAdmvs(),
                        body.insuplcAdmdvs()), body.otransid(), body.date(), user.actor())));
    }

    // --- the clearings ---

    record ClearingView(String id, ClearingKind kind, String kindLabel, String cityRegionCode, String cityName,
                        String counterpartRegion, String counterpartName, ClearingDirection direction,
                        String directionLabel, LocalDate periodFrom, LocalDate periodTo, Money amount,
                        int detailCount, Derivation derivation, ClearingState state, String stateLabel,
                        LocalDate madeOn, LocalDate submittedOn, LocalDate doneOn, LocalDate postedOn,
                        List<CrossRegionClearing.Part> parts) {
        static ClearingView of(Clearing c) {
            return new ClearingView(c.id(), c.kind(), c.kind().label(), c.cityRegionCode(), c.cityName(),
                    c.counterpartRegion(), c.counterpartName(), c.direction(), c.direction().label(), c.periodFrom(),
                    c.periodTo(), c.amount(), c.detailCount(), c.derivation(), c.state(), c.state().label(),
                    c.madeOn(), c.submittedOn(), c.doneOn(), c.postedOn(), c.parts());
        }
    }

    record MonthRequest(int year, int month, LocalDate date) {
    }

    @PostMapping("/api/crossregion/clearing/months")
    @Operation(summary = "省异地就医结算中心确认某月跨省清算（全部明细已确认或拒绝），按市州和对方省份生成清算（附件一 三(一)）")
    ResponseEntity<?> clearMonth(@AuthenticationPrincipal MedfundUser user,
                                 @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                 @RequestBody MonthRequest body) {
        return idempotency.run(user, "crossregion.clearing-month", key, body, HttpStatus.CREATED,
                () -> clearing.clearMonth(body.year(), body.month(), body.date(), user.actor()).stream()
                        .map(ClearingView::of).toList());
    }

    @PostMapping("/api/crossregion/clearing/months/submission")
    @Operation(summary = "跨省清算提交省级财政部门审核（次月初 5 个工作日内；附件一 三(一)）")
    ResponseEntity<?> submitMonth(@AuthenticationPrincipal MedfundUser user,
                                  @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                  @RequestBody MonthRequest body) {
        return idempotency.run(user, "crossregion.clearing-submit", key, body,
                () -> clearing.submitMonth(body.year(), body.month(), body.date(), user.actor()).stream()
                        .map(ClearingView::of).toList());
    }

    @PostMapping("/api/crossregion/clearing/months/payment")
    @Operation(summary = "省级财政部门完成跨省清算资金划拨，结算中心冲销对外省预付金（附件一 三(一)、附件二 二(二)4）")
    ResponseEntity<?> payMonth(@AuthenticationPrincipal MedfundUser user,
                               @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                               @RequestBody MonthRequest body) {
        return idempotency.run(user, "crossregion.clearing-pay", key, body,
                () -> clearing.payMonth(body.year(), body.month(), body.date(), user.actor()).stream()
                        .map(ClearingView::of).toList());
    }

    record QuarterRequest(String provinceCode, int year, int quarter, LocalDate date) {
    }

    @PostMapping("/api/crossregion/clearing/quarters")
    @Operation(summary = "省异地就医结算中心生成并发布上季度省内异地就医费用清算（季度初 5 个工作日内；附件一 三(二)1）")
    ResponseEntity<?> issueQuarter(@AuthenticationPrincipal MedfundUser user,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                   @RequestBody QuarterRequest body) {
        return idempotency.run(user, "crossregion.clearing-quarter", key, body, HttpStatus.CREATED,
                () -> clearing.issueQuarter(body.provinceCode(), body.year(), body.quarter(), body.date(),
                        user.actor()).stream().map(ClearingView::of).toList());
    }

    record StepRequest(LocalDate date) {
    }

    @PostMapping("/api/crossregion/clearings/{id}/confirm")
    @Operation(summary = "市州经办机构确认省内清算并冲销预付金（季度初 10 个工作日内；附件一 三(二)2、附件二 二(二)1-2）")
    ResponseEntity<?> confirmQuarter(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                                     @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                     @RequestBody StepRequest body) {
        return idempotency.run(user, "crossregion.clearing-confirm", key, List.of(id, body),
                () -> ClearingView.of(clearing.confirmQuarter(id, body.date(), user.actor())));
    }

    @PostMapping("/api/crossregion/clearings/{id}/post")
    @Operation(summary = "省异地就医结算中心依据市州确认冲销该市州预付金（季度第一个月内；附件一 三(二)3、附件二 二(三)2）")
    ResponseEntity<?> postQuarter(@AuthenticationPrincipal MedfundUser user, @PathVariable String id,
                                  @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                  @RequestBody StepRequest body) {
        return idempotency.run(user, "crossregion.clearing-post", key, List.of(id, body),
                () -> ClearingView.of(clearing.postQuarter(id, body.date(), user.actor())));
    }

    @GetMapping("/api/crossregion/clearings")
    @Operation(summary = "期间起始日在区间内、可见的各市州清算")
    List<ClearingView> clearings(@AuthenticationPrincipal MedfundUser user, @RequestParam LocalDate from,
                                 @RequestParam LocalDate to) {
        return clearing.clearings(from, to, user.actor()).stream().map(ClearingView::of).toList();
    }

    @GetMapping("/api/crossregion/clearings/{id}")
    ClearingView clearing(@AuthenticationPrincipal MedfundUser user, @PathVariable String id) {
        return ClearingView.of(clearing.clearing(id, user.actor()));
    }
}

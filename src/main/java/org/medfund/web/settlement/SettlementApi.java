package org.medfund.web.settlement;

import org.medfund.web.DateRequest;
import org.medfund.web.Idempotency;
import org.medfund.web.MedfundUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.medfund.settlement.ClearingApplications;
import org.medfund.settlement.MonthlySettlements;
import org.medfund.settlement.PaymentBatch;
import org.medfund.settlement.BankFiles;
import org.medfund.settlement.ReconciliationApplication;
import org.medfund.settlement.ReconciliationView;
import org.medfund.settlement.Reconciliations;
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
 * Reconciliation and settlement API. Hospitals: apply (3201/3202), clearing applications (3203/3204), their own
 * reconciliations, differences and payments. Agencies: clerks, check/confirm, obligations, payment batches, bank
 * files. Every call acts for the caller's organisation; the capability checks scope and roles.
 */
@RestController
class SettlementApi {

    private final Reconciliations reconciliations;
    private final MonthlySettlements settlements;
    private final ClearingApplications clearing;
    private final Idempotency idempotency;

    SettlementApi(Reconciliations reconciliations, MonthlySettlements settlements, ClearingApplications clearing,
                  Idempotency idempotency) {
        this.reconciliations = reconciliations;
        this.settlements = settlements;
        this.clearing = clearing;
        this.idempotency = idempotency;
    }

    /** A 3201/3202 application and the day the hospital applies. */
    record ReconciliationRequest(@NotNull @Valid ReconciliationApplication application, @NotNull LocalDate appliedOn) {
    }

    record ClerkRequest(@NotNull String clerk) {
    }

    record FallbackRequest(@NotNull LocalDate date, @NotNull @Size(max = 400) String reason) {
    }

    @PostMapping("/api/reconciliations")
    ResponseEntity<JsonNode> apply(@AuthenticationPrincipal MedfundUser user,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                   @Valid @RequestBody ReconciliationRequest body) {
        return idempotency.run(user, "settlement.apply", key, body, HttpStatus.CREATED,
                () -> reconciliations.apply(user.actor(), body.application(), body.appliedOn(), key));
    }

    @GetMapping("/api/reconciliations")
    List<ReconciliationView> list(@AuthenticationPrincipal MedfundUser user,
                                  @RequestParam(required = false) YearMonth period) {
        return reconciliations.list(user.actor(), period);
    }

    @GetMapping("/api/reconciliations/{id}")
    ReconciliationView one(@AuthenticationPrincipal MedfundUser user, @PathVariable long id) {
        return reconciliations.view(user.actor(), id);
    }

    @GetMapping("/api/reconciliations/{id}/differences")
    List<ReconciliationView.Difference> differences(@AuthenticationPrincipal MedfundUser user,
                                                    @PathVariable long id) {
        return reconciliations.differences(user.actor(), id);
    }

    @PostMapping("/api/reconciliations/{id}/check")
    ResponseEntity<JsonNode> check(@AuthenticationPrincipal MedfundUser user, @PathVariable long id,
                                   @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                   @Valid @RequestBody DateRequest body) {
        return idempotency.run(user, "settlement.check", key, List.of(id, body),
                () -> reconciliations.check(user.actor(), id, body.date()));
    }

    @PostMapping("/api/reconciliations/{id}/confirm")
    ResponseEntity<JsonNode> confirm(@AuthenticationPrincipal MedfundUser user, @PathVariable long id,
                                     @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                     @Valid @RequestBody DateRequest body) {
        return idempotency.run(user, "settlement.confirm", key, List.of(id, body),
                () -> reconciliations.confirm(user.actor(), id, body.date()));
    }

    @PostMapping("/api/hospitals/{hospital}/reconciliation-clerk")
    ResponseEntity<JsonNode> assignClerk(@AuthenticationPrincipal MedfundUser user, @PathVariable String hospital,
                                         @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                         @Valid @RequestBody ClerkRequest body) {
        return idempotency.run(user, "settlement.clerk", key, List.of(hospital, body), () -> {
            reconciliations.assignClerk(user.actor(), hospital, body.clerk());
            return body;
        });
    }

    @GetMapping("/api/obligations/reconciliation")
    List<ReconciliationView.Obligation> obligations(@AuthenticationPrincipal MedfundUser user,
                                                    @RequestParam YearMonth period, @RequestParam LocalDate today) {
        return reconciliations.obligations(user.actor(), period, today);
    }

    @PostMapping("/api/settlement-batches/{cycle}")
    ResponseEntity<JsonNode> prepare(@AuthenticationPrincipal MedfundUser user, @PathVariable YearMonth cycle,
                                     @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                     @Valid @RequestBody DateRequest body) {
        return idempotency.run(user, "settlement.prepare", key, List.of(cycle, body), HttpStatus.CREATED,
                () -> settlements.prepare(user.actor(), cycle, body.date(), key));
    }

    @PostMapping("/api/settlement-batches/{cycle}/fallback")
    ResponseEntity<JsonNode> fallback(@AuthenticationPrincipal MedfundUser user, @PathVariable YearMonth cycle,
                                      @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                      @Valid @RequestBody FallbackRequest body) {
        return idempotency.run(user, "settlement.fallback", key, List.of(cycle, body), HttpStatus.CREATED,
                () -> settlements.declareFallback(user.actor(), cycle, body.date(), body.reason(), key));
    }

    @PostMapping("/api/payment-batches/{id}/approve")
    ResponseEntity<JsonNode> approve(@AuthenticationPrincipal MedfundUser user, @PathVariable long id,
                                     @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                     @Valid @RequestBody DateRequest body) {
        return idempotency.run(user, "settlement.approve", key, List.of(id, body),
                () -> settlements.approve(user.actor(), id, body.date(), key));
    }

    /** Pays the held lines whose hospitals are no longer stopped (xinyang-2025 art. 11); 409 while still stopped. */
    @PostMapping("/api/payment-batches/{id}/release")
    ResponseEntity<JsonNode> release(@AuthenticationPrincipal MedfundUser user, @PathVariable long id,
                                     @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                     @Valid @RequestBody DateRequest body) {
        return idempotency.run(user, "settlement.release", key, List.of(id, body),
                () -> settlements.release(user.actor(), id, body.date(), key));
    }

    @GetMapping("/api/payment-batches")
    List<PaymentBatch> batches(@AuthenticationPrincipal MedfundUser user) {
        return settlements.batches(user.actor());
    }

    @GetMapping("/api/payment-batches/{id}")
    PaymentBatch batch(@AuthenticationPrincipal MedfundUser user, @PathVariable long id) {
        return settlements.batch(user.actor(), id);
    }

    @GetMapping("/api/payment-batches/{id}/bank-file.csv")
    ResponseEntity<byte[]> bankCsv(@AuthenticationPrincipal MedfundUser user, @PathVariable long id) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=batch-" + id + ".csv")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(BankFiles.csv(settlements.batch(user.actor(), id)));
    }

    @GetMapping("/api/payment-batches/{id}/bank-file.xlsx")
    ResponseEntity<byte[]> bankXlsx(@AuthenticationPrincipal MedfundUser user, @PathVariable long id) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=batch-" + id + ".xlsx")
                .contentType(MediaType.parseMediaType(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))
                .body(BankFiles.xlsx(settlements.batch(user.actor(), id)));
    }

    @PostMapping("/api/clearing-applications")
    ResponseEntity<JsonNode> applyClearing(@AuthenticationPrincipal MedfundUser user,
                                           @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                           @Valid @RequestBody ClearingApplications.Application body,
                                           @RequestParam LocalDate appliedOn) {
        return idempotency.run(user, "settlement.clearing", key, List.of(body, appliedOn), HttpStatus.CREATED,
                () -> clearing.apply(user.actor(), body, appliedOn, key));
    }

    @PostMapping("/api/clearing-applications/{id}/withdraw")
    ResponseEntity<JsonNode> withdraw(@AuthenticationPrincipal MedfundUser user, @PathVariable long id,
                                      @RequestHeader(name = Idempotency.HEADER, required = false) String key,
                                      @Valid @RequestBody DateRequest body) {
        return idempotency.run(user, "settlement.withdraw", key, List.of(id, body),
                () -> clearing.withdraw(user.actor(), id, body.date()));
    }

    @GetMapping("/api/clearing-applications")
    List<ClearingApplications.Stored> clearingApplications(@AuthenticationPrincipal MedfundUser user) {
        return clearing.list(user.actor().orgCode());
    }
}

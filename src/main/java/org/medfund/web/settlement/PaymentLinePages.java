package org.medfund.web.settlement;

import java.util.ArrayList;
import java.util.List;
import org.medfund.claims.SettlementRecords;
import org.medfund.common.Derivation;
import org.medfund.common.Rejection;
import org.medfund.ledger.EntryLine;
import org.medfund.ledger.LedgerReports;
import org.medfund.ledger.PostedEntry;
import org.medfund.registry.Org;
import org.medfund.registry.Registry;
import org.medfund.settlement.MonthlySettlements;
import org.medfund.settlement.PaymentBatch;
import org.medfund.settlement.ReconciliationView;
import org.medfund.settlement.Reconciliations;
import org.medfund.web.MedfundUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Issue 13, "every amount explains itself": one line of a payment batch (what one hospital is paid for one insurance
 * type) with its derivation (inputs, formula, citation), the vouchers its payment posted, and the source records it
 * pays for: the reconciliations the batch took in and their settlements down to the {@code setl_id}. Scoped by the
 * capabilities: a hospital reaches only its own line, an agency and its finance department every line.
 */
@Controller
class PaymentLinePages {

    /** Settlement records listed per reconciled month; the full list is the month's xlsx export. */
    static final int RECORDS_SHOWN_MAX = 200;

    private final MonthlySettlements settlements;
    private final Reconciliations reconciliations;
    private final SettlementRecords records;
    private final LedgerReports ledger;
    private final Registry registry;

    PaymentLinePages(MonthlySettlements settlements, Reconciliations reconciliations, SettlementRecords records,
                     LedgerReports ledger, Registry registry) {
        this.settlements = settlements;
        this.reconciliations = reconciliations;
        this.records = records;
        this.ledger = ledger;
        this.registry = registry;
    }

    /** The settlements of one reconciled month behind a line: the first {@link #RECORDS_SHOWN_MAX}, and how many. */
    record Month(ReconciliationView reconciliation, List<SettlementRecords.RecordAmounts> shown, int total) {
    }

    /** A voucher and the amount it moved for this line (the lines naming the hospital and insurance type). */
    record Voucher(PostedEntry entry, org.medfund.common.Money amount) {
    }

    @GetMapping("/settlements/payment-batches/{id}/line")
    String line(@AuthenticationPrincipal MedfundUser user, @PathVariable long id, @RequestParam String hospital,
                @RequestParam String insutype, Model model) {
        PaymentBatch batch = settlements.batch(user.actor(), id);
        PaymentBatch.Line line = batch.lines().stream()
                .filter(l -> l.hospitalCode().equals(hospital) && l.insutype().equals(insutype)).findFirst()
                .orElseThrow(() -> Rejection.notFound("settlement.line-not-found", "hospital",
                        "该批次没有此机构、险种的明细"));
        model.addAttribute("batch", batch);
        model.addAttribute("line", line);
        model.addAttribute("hospitalName", registry.org(hospital).map(Org::name).orElse(hospital));
        model.addAttribute("agencyName", registry.org(batch.agencyCode()).map(Org::name).orElse(batch.agencyCode()));
        model.addAttribute("insuranceName", registry.insuranceType(insutype).map(t -> t.name()).orElse(insutype));
        model.addAttribute("derivation", Derivation.parse(line.derivation()).orElse(null));
        model.addAttribute("vouchers", vouchers(batch, line));
        // Vouchers are the agency's books: staff open them, a hospital sees their numbers.
        model.addAttribute("bookVisible", registry.canSeeOrg(user.actor(), batch.agencyCode())
                && !user.actor().has(org.medfund.registry.Role.HOSPITAL));
        List<Month> months = new ArrayList<>();
        for (ReconciliationView r : reconciliations.ofBatch(user.actor(), id, hospital)) {
            List<SettlementRecords.RecordAmounts> all = records.records(hospital, r.period()).values().stream()
                    .filter(a -> a.insuranceType().equals(insutype))
                    .sorted(java.util.Comparator.comparing(SettlementRecords.RecordAmounts::setlId)).toList();
            months.add(new Month(r, all.subList(0, Math.min(all.size(), RECORDS_SHOWN_MAX)), all.size()));
        }
        model.addAttribute("months", months);
        model.addAttribute("recordsShownMax", RECORDS_SHOWN_MAX);
        return "settlement-payment-line";
    }

    /** The batch's vouchers that name this line's hospital and insurance type, with the amount they moved for it. */
    private List<Voucher> vouchers(PaymentBatch batch, PaymentBatch.Line line) {
        List<Voucher> result = new ArrayList<>();
        for (PostedEntry e : ledger.entriesOfDocument("settlement-payment", batch.documentNo())) {
            org.medfund.common.Money amount = org.medfund.common.Money.ZERO;
            for (EntryLine l : e.lines()) {
                if (line.hospitalCode().equals(l.counterpartyOrgCode()) && line.insutype().equals(l.insuranceType())) {
                    amount = amount.plus(l.debit());
                }
            }
            if (amount.isPositive()) {
                result.add(new Voucher(e, amount));
            }
        }
        return result;
    }
}

package org.medfund.prepayment.internal;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.medfund.common.Money;
import org.medfund.ledger.BusinessEvent;
import org.medfund.ledger.Ledger;
import org.medfund.prepayment.WorkflowStep;
import org.springframework.stereotype.Component;

/**
 * The money behind two art. 6 steps (xinyang-2025 art. 6(三)(四)): city finance moves the approved prepayments from the
 * special account to the city centre's expenditure account (FUNDED), and the city centre passes each county's share
 * on to that county centre's expenditure account (COUNTY_SHARED). Each is one ledger transfer per receiving agency
 * and fund, aggregating every row ready at that step: the sender's book at once, the receiver's book when it confirms
 * receipt. Until then the money is in transit and the paying centre cannot pay hospitals with it.
 */
@Component
class Funding {

    static final String FINANCE_TO_CITY = "funding.finance-to-agency";
    static final String CITY_TO_COUNTY = "funding.agency-to-lower-agency";

    private final Ledger ledger;
    private final StepStore steps;

    Funding(Ledger ledger, StepStore steps) {
        this.ledger = ledger;
        this.steps = steps;
    }

    List<StepStore.Ready> readyToFund(String finance, String cityAgency, String fund, int year, LocalDate date) {
        return steps.readyToFund(finance, cityAgency, fund, year, date);
    }

    List<StepStore.Ready> readyToShare(String cityAgency, String countyAgency, String fund, int year,
                                       LocalDate date) {
        return steps.readyToShare(cityAgency, countyAgency, fund, year, date);
    }

    /**
     * Sends one transfer for the rows and marks their step done with it. Rows with nothing to pay (all netted) move no
     * money: they are done and received at once. Answers the transfer id, or null when no money moved.
     */
    String send(WorkflowStep step, List<StepStore.Ready> rows, String sender, String receiver, String fund, int year,
                String packId, LocalDate date, String userId) {
        Money amount = rows.stream().map(StepStore.Ready::amount).reduce(Money.ZERO, Money::plus);
        String transferId = null;
        if (amount.isPositive()) {
            String prefix = "PPF-" + year + "-" + fund + "-" + receiver + "-";
            long sent = steps.transfersSent(prefix);
            transferId = prefix + (sent + 1);
            boolean fromFinance = step == WorkflowStep.FUNDED;
            String memo = year + "年 医保基金预付金" + (fromFinance ? "：财政专户拨入市级医保基金支出户（" + rows.size()
                    + " 家次）" : "：市级支出户拨付县区医保中心支出户（" + rows.size() + " 家次）");
            ledger.openBook(sender);
            ledger.openBook(receiver);
            ledger.post(new BusinessEvent(fromFinance ? FINANCE_TO_CITY : CITY_TO_COUNTY, transferId, date,
                    YearMonth.from(date), amount, fromFinance ? Map.of("finance", sender, "agency", receiver)
                    : Map.of("upper", sender, "lower", receiver), fund, "prepayment-funding", transferId, packId,
                    step.article(), memo));
        }
        for (StepStore.Ready row : rows) {
            steps.sent(row.prepaymentId(), step, date, userId, transferId);
        }
        return transferId;
    }

    /** The receiving agency confirms the money arrived: the receiver's side is posted; answers the rows it carried. */
    List<String> receive(String transferId, LocalDate date) {
        ledger.confirmReceipt(transferId, date, transferId + ":receipt");
        return steps.received(transferId, date);
    }
}

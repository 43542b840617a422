package org.medfund.settlement;

import java.time.LocalDate;
import java.util.List;
import org.medfund.common.Money;
import org.medfund.notices.Party;

/**
 * The summary sheet (汇总表) signed with a bank file: one row per payee, the count and the total in figures and in
 * capitals (大写), so the bank and the finance officer can check the file against a signed paper.
 */
public record BankFileSummary(String number, Party payer, PaymentBatch batch, List<PaymentBatch.Line> rows,
                              LocalDate printedOn) {

    public BankFileSummary {
        rows = List.copyOf(rows);
    }

    public Money total() {
        return rows.stream().map(PaymentBatch.Line::net).reduce(Money.ZERO, Money::plus);
    }
}

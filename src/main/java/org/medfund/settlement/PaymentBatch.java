package org.medfund.settlement;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.medfund.common.Money;

/**
 * A payment batch of one agency for one cycle.
 *
 * @param kind REGULAR (monthly settlement of reconciled months) or FALLBACK (henan-2023 三(一): the agency cannot
 *             pay on time and pre-pays the last cycle's actual settled amount)
 * @param status PREPARED (经办制单) or PAID (财务审核并支付)
 * @param dueDate the payment deadline from the policy pack (Hainan: 45 working days from the 21st), null if none
 * @param late paid after the due date, or still unpaid after it as of the day the batch was read
 */
public record PaymentBatch(long id, String agencyCode, YearMonth cycle, String kind, String status,
                           String preparedBy, LocalDate preparedOn, String approvedBy, LocalDate paidOn,
                           LocalDate dueDate, String dueRule, boolean late, String reason, List<Line> lines) {

    public PaymentBatch {
        lines = List.copyOf(lines);
    }

    /**
     * The batch's number as its payments cite it in the ledger: agency, cycle and kind (at most one batch each), e.g.
     * {@code 411500-AGENCY-202509-REGULAR}. Unlike the database id it does not depend on how many inserts a crash
     * or a refusal rolled back, so a ledger that cites it hashes the same on every run of the same input.
     */
    public String documentNo() {
        return documentNo(agencyCode, cycle, kind);
    }

    public static String documentNo(String agencyCode, YearMonth cycle, String kind) {
        return agencyCode + "-" + cycle.getYear() + String.format("%02d", cycle.getMonthValue()) + "-" + kind;
    }

    /** A document number split back into its parts; empty when the text is not one. */
    public record DocumentNo(String agencyCode, YearMonth cycle, String kind) {

        public static java.util.Optional<DocumentNo> parse(String text) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(.+)-(\\d{4})(\\d{2})-([A-Z]+)")
                    .matcher(text == null ? "" : text);
            if (!m.matches() || Integer.parseInt(m.group(3)) < 1 || Integer.parseInt(m.group(3)) > 12) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(new DocumentNo(m.group(1), YearMonth.of(Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3))), m.group(4)));
        }
    }

    /** What the batch pays (or will pay) to hospitals' accounts: held lines are not paid. */
    public Money totalNet() {
        return lines.stream().filter(l -> !l.held()).map(Line::net).reduce(Money.ZERO, Money::plus);
    }

    /** What is held back from hospitals whose payments are stopped (e.g. xinyang-2025 art. 11). */
    public Money totalHeld() {
        return lines.stream().filter(Line::held).map(Line::net).reduce(Money.ZERO, Money::plus);
    }

    public Money totalGross() {
        return lines.stream().map(Line::gross).reduce(Money.ZERO, Money::plus);
    }

    /**
     * What one hospital is paid for one insurance type.
     *
     * @param gross pooledFund + otherFunds + accountPay of the reconciled months (the agency's figures)
     * @param advance fallback pre-payment of this cycle already paid, deducted (true-up)
     * @param carriedIn excess of an earlier true-up, deducted
     * @param offsets what {@link PaymentOffsets} beans recovered from this payment (e.g. prepayment offsets)
     * @param net paid to the hospital's account = max(0, gross − advance − carriedIn) − offsets
     * @param carriedOut excess this cycle could not absorb, deducted next cycle
     * @param memo 摘要 naming period, insurance type and content (henan-2023 四(二))
     * @param derivation how the amounts came about, with the articles
     * @param holdStatus null (paid normally), HELD (payments to the hospital are stopped: {@code net} is what is due
     *                   and was not paid) or RELEASED (paid on {@code releasedOn} once the stop was lifted)
     * @param holdReason why it was held, in Chinese with the article ({@link PaymentHolds})
     */
    public record Line(String hospitalCode, String insutype, Money pooledFund, Money otherFunds, Money accountPay,
                       Money gross, Money advance, Money carriedIn, Money offsets, Money net, Money carriedOut,
                       String payeeName, String bankName, String accountNo, String memo, String derivation,
                       String holdStatus, String holdReason, LocalDate releasedOn) {

        public boolean held() {
            return "HELD".equals(holdStatus);
        }

        /** A row of the bank file: a positive amount not held. */
        public boolean payable() {
            return net.isPositive() && !held();
        }
    }
}

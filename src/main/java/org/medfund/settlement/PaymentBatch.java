package org.medfund.settlement;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.medfund.common.Money;

/**
 * A payment batch of one agency for one cycle.
 *
 * @param kind {@link BatchKind#REGULAR} (monthly settlement of reconciled months) or {@link BatchKind#FALLBACK}
 *             (henan-2023 三(一): the agency cannot pay on time and pre-pays the last cycle's actual settled amount)
 * @param status {@link BatchStatus#PREPARED} (经办制单) or {@link BatchStatus#PAID} (财务审核并支付)
 * @param dueDate the payment deadline from the policy pack (Hainan: 45 working days from the 21st), null if none
 * @param late paid after the due date, or still unpaid after it as of the day the batch was read
 */
public record PaymentBatch(long id, String agencyCode, YearMonth cycle, BatchKind kind, BatchStatus status,
                           String preparedBy, LocalDate preparedOn, String approvedBy, LocalDate paidOn,
                           LocalDate dueDate, String dueRule, boolean late, String reason, List<Line> lines) {

    public PaymentBatch {
        lines = List.copyOf(lines);
    }

    /** The same batch showing only some of its lines (a hospital sees its own). */
    public PaymentBatch withLines(List<Line> only) {
        return new PaymentBatch(id, agencyCode, cycle, kind, status, preparedBy, preparedOn, approvedBy, paidOn,
                dueDate, dueRule, late, reason, only);
    }

    /**
     * The batch's number as its payments cite it in the ledger: agency, cycle and kind (at most one batch each), e.g.
     * {@code 411500-AGENCY-202509-REGULAR}. Unlike the database id it does not depend on how many inserts a crash
     * or a refusal rolled back, so a ledger that cites it hashes the same on every run of the same input.
     */
    public String documentNo() {
        return documentNo(agencyCode, cycle, kind);
    }

    public static String documentNo(String agencyCode, YearMonth cycle, BatchKind kind) {
        return agencyCode + "-" + cycle.getYear() + String.format("%02d", cycle.getMonthValue()) + "-" + kind.name();
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

    /** A hospital and insurance type: what one line of a batch pays, and the key of its lines across batches. */
    public record Payee(String hospitalCode, String insutype) {
    }

    /**
     * What one hospital is paid for one insurance type, in four parts (the JSON keeps them flat).
     *
     * @param memo 摘要 naming period, insurance type and content (henan-2023 四(二))
     * @param derivation how the amounts came about, with the articles
     */
    public record Line(String hospitalCode, String insutype, @JsonUnwrapped Funds funds,
                       @JsonUnwrapped Amounts amounts, @JsonUnwrapped BankAccount account, String memo,
                       String derivation, @JsonUnwrapped Hold hold) {

        public Payee payee() {
            return new Payee(hospitalCode, insutype);
        }

        public Money pooledFund() {
            return funds.pooledFund();
        }

        public Money otherFunds() {
            return funds.otherFunds();
        }

        public Money accountPay() {
            return funds.accountPay();
        }

        public Money gross() {
            return amounts.gross();
        }

        public Money advance() {
            return amounts.advance();
        }

        public Money carriedIn() {
            return amounts.carriedIn();
        }

        public Money offsets() {
            return amounts.offsets();
        }

        public Money net() {
            return amounts.net();
        }

        public Money carriedOut() {
            return amounts.carriedOut();
        }

        public String payeeName() {
            return account.payeeName();
        }

        public String bankName() {
            return account.bankName();
        }

        public String accountNo() {
            return account.accountNo();
        }

        public HoldStatus holdStatus() {
            return hold.holdStatus();
        }

        public String holdReason() {
            return hold.holdReason();
        }

        public LocalDate releasedOn() {
            return hold.releasedOn();
        }

        public boolean held() {
            return hold.holdStatus() == HoldStatus.HELD;
        }

        /** A row of the bank file: a positive amount not held. */
        public boolean payable() {
            return amounts.net().isPositive() && !held();
        }
    }

    /**
     * The agency's reconciled figures of the months a line settles (zero for a fallback advance).
     *
     * @param pooledFund {@code hifp_pay} 统筹基金支出
     * @param otherFunds {@code fund_pay_sumamt − hifp_pay}
     * @param accountPay {@code acct_pay} 个人账户支出
     */
    public record Funds(Money pooledFund, Money otherFunds, Money accountPay) {

        public static final Funds NONE = new Funds(Money.ZERO, Money.ZERO, Money.ZERO);

        public Money total() {
            return pooledFund.plus(otherFunds).plus(accountPay);
        }

        public Funds plus(Funds other) {
            return new Funds(pooledFund.plus(other.pooledFund), otherFunds.plus(other.otherFunds),
                    accountPay.plus(other.accountPay));
        }
    }

    /**
     * The amounts of a line from gross to net.
     *
     * @param gross the {@link Funds} total (or, for a fallback advance, the last cycle's actual settled amount)
     * @param advance fallback pre-payment of this cycle already paid, deducted (true-up)
     * @param carriedIn excess of an earlier true-up, deducted
     * @param offsets what {@link PaymentOffsets} beans recovered from this payment (e.g. prepayment offsets)
     * @param net paid to the hospital's account = max(0, gross − advance − carriedIn) − offsets
     * @param carriedOut excess this cycle could not absorb, deducted next cycle
     */
    public record Amounts(Money gross, Money advance, Money carriedIn, Money offsets, Money net, Money carriedOut) {
    }

    /** The hospital's settlement account the line is paid to (the bank file's payee). */
    public record BankAccount(String payeeName, String bankName, String accountNo) {
    }

    /**
     * Whether the line was held.
     *
     * @param holdStatus null (paid normally), {@link HoldStatus#HELD} (payments to the hospital are stopped: the net
     *                   is what is due and was not paid) or {@link HoldStatus#RELEASED} (paid on {@code releasedOn})
     * @param holdReason why it was held, in Chinese with the article ({@link PaymentHolds})
     */
    public record Hold(HoldStatus holdStatus, String holdReason, LocalDate releasedOn) {

        public static final Hold NONE = new Hold(null, null, null);
    }
}

package org.medfund.ledger.internal;

import org.medfund.common.Money;

/** Debit and credit totals in fen. */
record Sums(long debitFen, long creditFen) {

    static final Sums ZERO = new Sums(0, 0);

    static Sums of(LineRow line) {
        return new Sums(line.debitFen(), line.creditFen());
    }

    Sums plus(Sums o) {
        return new Sums(Math.addExact(debitFen, o.debitFen), Math.addExact(creditFen, o.creditFen));
    }

    /** Debits − credits. */
    long netDebitFen() {
        return Math.subtractExact(debitFen, creditFen);
    }

    boolean isZero() {
        return debitFen == 0 && creditFen == 0;
    }

    @Override
    public String toString() {
        return "借 " + Money.ofFen(debitFen).toYuanText() + " / 贷 " + Money.ofFen(creditFen).toYuanText();
    }
}

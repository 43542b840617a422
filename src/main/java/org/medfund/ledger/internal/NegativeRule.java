package org.medfund.ledger.internal;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Which negative balance an account forbids (column 5 of chart-of-accounts.txt, written in lower case). */
enum NegativeRule {
    /** The account may go negative. */
    NONE("允许负数"),
    /** The account's whole balance must stay non-negative. */
    ACCOUNT("科目余额不得为负"),
    /** Each counterparty's balance on the account must stay non-negative. */
    COUNTERPARTY("往来单位余额不得为负");

    private final String label;

    NegativeRule(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    /** How the chart file and table {@code ledger_account.negative_rule} write it: the name in lower case. */
    String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The rule written in the chart file ({@code none}, {@code account}, {@code counterparty}), or empty. */
    static Optional<NegativeRule> parse(String text) {
        return Arrays.stream(values()).filter(r -> r.code().equals(text)).findFirst();
    }
}

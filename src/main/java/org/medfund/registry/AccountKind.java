package org.medfund.registry;

import java.util.Arrays;
import java.util.Optional;

/**
 * Kinds of bank and fiscal account (guizhou-2017 附件1 一(三)), persisted by name in {@code registry_account.kind}.
 */
public enum AccountKind {
    INCOME("收入户"),
    EXPENDITURE("支出户"),
    SPECIAL("财政专户"),
    /** A hospital's or pharmacy's settlement account. */
    BANK("结算账户"),
    RESERVE("储备金账户");

    private final String label;

    AccountKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The kind stored or submitted under {@code name}, or empty when there is none. */
    public static Optional<AccountKind> of(String name) {
        return Arrays.stream(values()).filter(k -> k.name().equals(name)).findFirst();
    }
}

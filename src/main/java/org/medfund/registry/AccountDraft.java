package org.medfund.registry;

import jakarta.validation.constraints.NotNull;

/**
 * A bank or fiscal account as submitted for registration. The id is assigned by the registry
 * ({@code ORG-KIND[-TYPE][-n]}).
 *
 * @param kind INCOME, EXPENDITURE, SPECIAL, BANK or RESERVE
 * @param insuranceType 310, 390, … or null when the account is shared
 * @param parentId the main account of a sub-account (财政专户 sub-accounts), null otherwise
 */
public record AccountDraft(@NotNull String kind, String insuranceType, String parentId, @NotNull String bankName,
                           @NotNull String accountNo, @NotNull String accountName) {
}

package org.medfund.crossregion;

import java.time.LocalDate;
import java.util.List;
import org.medfund.registry.Actor;

/**
 * Bank items of the accounts that move cross-region money (guizhou-2017 五(三), henan-2023 四(三)): bank fees and
 * bill costs are registered per account with the bank voucher and reported, never posted to the fund ledger (rule
 * {@code crossregion.bank-fees-to-fund}); interest is posted by {@code crossregion.interest.*} to the fund the pack's
 * {@code crossregion.interest-owner} names. Only the account's own organisation records its items.
 */
public interface BankItems {

    /** Rows listed per call. */
    int ROWS_MAX = 2_000;

    /** Registers a charge outside the fund books; a request to charge it to the fund is refused. */
    BankCharge recordCharge(BankChargeRequest request, Actor actor);

    /** Records interest and posts it to its owner's fund; the same voucher again answers the first. */
    BankInterest receiveInterest(InterestRequest request, Actor actor);

    /** Charges on the accounts the caller may see, in a date range, newest first. */
    List<BankCharge> charges(LocalDate from, LocalDate to, Actor actor);

    /** Interest on the accounts the caller may see, in a date range, newest first. */
    List<BankInterest> interest(LocalDate from, LocalDate to, Actor actor);
}

package org.medfund.notices;

import java.time.LocalDate;
import org.medfund.prepayment.Recovery;
import org.medfund.registry.Account;

/**
 * 预付金收回通知书: the agency tells a hospital what prepayment it recovers, why (xinyang-2025 art. 10 trigger, art.
 * 6(五) year-end clearing or Henan's 轧差), by when to return it to which account, and that offsets from settlements
 * follow otherwise.
 *
 * @param basis the reason as a clerk cites it: document number and article
 * @param returnAccount the payer's expenditure account (支出户) the money goes back to; null if none is registered
 */
public record RecoveryNotice(String number, Party hospital, Party payer, String fund, Recovery recovery,
                             String basis, Account returnAccount, LocalDate printedOn) {
}

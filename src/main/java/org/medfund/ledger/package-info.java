/**
 * The fund ledger (DESIGN.md §5): one book (账套) per agency, settlement centre and finance department, charts of
 * accounts per book type as data, balanced immutable entries with sub-ledger dimensions (辅助核算: counterparty,
 * insurance type, period, reference), corrections only by reversal, a gapless sequence and SHA-256 hash chain per
 * book, transfers matched on both sides (payee in transit until receipt), period close with balance snapshots, and
 * reports (trial balance, detail ledger, journal, balances by dimension). Posting rules are data
 * ({@code ledger/posting-rules.txt}): xinyang-2025 art. 15 (prepayment disbursement, recovery, write-off into the memo
 * book of art. 11) and guizhou-2017 annex 2 (cross-region prepayment and clearing at county, city, province and the
 * settlement centre, finance departments and agencies). The facade is {@link org.medfund.ledger.Ledger}; invariants
 * are checked by {@link org.medfund.ledger.LedgerAudit}; everything else is in {@code ledger.internal}.
 */
package org.medfund.ledger;

/**
 * Claims' engine, behind the facades of {@code org.medfund.claims}: the row parser and its amount identities
 * (medfee = fund + person part + hospital part, person part = account + cash, setldetail sums to the fund pay), the
 * batch checks (scope, regions, reversals 冲正, re-sent and conflicting setl_ids), the content hash that tells a
 * re-sent record from a changed one, the SQL of the {@code claims_*} tables with the month locks that roll a record of a
 * reconciled month into the next (hainan-2020 art. 16 顺延), and the totals settlement and prepayment read
 * (henan-2023 二(二), 三(一); xinyang-2025 art. 4). Nothing here is used from outside claims.
 */
package org.medfund.claims.internal;

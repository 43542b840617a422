/**
 * The staff workplace (issue 13, "show the month at a glance"): the home dashboard of each role, the to-do list
 * (我的待办) across capabilities with each item's due date from the calendar, and the statement (对账单) of one
 * hospital and month. Everything here is read through the capabilities' facades (settlement, prepayment, ledger,
 * registry); no SQL lives in this package. Due dates are the ones the capabilities computed from their policy packs
 * (henan-2023 三(一) reconciliation by the month's deadline, hainan-2020 art. 16 payment within working days,
 * xinyang-2025 art. 6 prepayment steps, art. 10 recoveries).
 */
package org.medfund.web.workplace;

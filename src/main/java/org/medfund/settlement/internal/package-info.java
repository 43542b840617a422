/**
 * Settlement's engine, behind the facades of {@code org.medfund.settlement}: the reconciliation, payment-batch and
 * clearing-application services ({@code Jdbc*}), the pure comparison and cycle rules of reconciliation
 * (national 3201/3202, henan-2023 三(一) 顺延, hainan-2020 art. 16), the fallback true-up (henan-2023 三(一)), the
 * payment due dates recomputed when a holiday notice is loaded (hainan-2020 art. 16's working days) and the SQL of
 * {@code stl_reconciliation}, {@code stl_recon_total}, {@code stl_recon_diff}, {@code stl_payment_batch},
 * {@code stl_payment_line} and {@code stl_clearing_appl}. Nothing here is used from outside settlement.
 */
package org.medfund.settlement.internal;

/**
 * The shared kernel every capability may use and that uses none of them: {@link org.medfund.common.Money} (fen
 * arithmetic and rounding, DESIGN.md §4), {@link org.medfund.common.Rejection} (typed bad input),
 * {@link org.medfund.common.Derivation} (how an amount came about) and {@link org.medfund.common.RequestLog}
 * (idempotent commands).
 */
package org.medfund.common;

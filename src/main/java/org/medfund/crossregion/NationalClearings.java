package org.medfund.crossregion;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.medfund.registry.Actor;

/**
 * The money of the imported 全国异地就医费用清算明细, both directions, for every regime on the national schedule
 * (guizhou-2017 附件一 三(一): downloaded and confirmed by the 30th, to province finance within the next month's first
 * 5 working days, paid within 10 working days; henan-2023 四(一) "按照国家要求调度办理" reuses it). The regime is the
 * pack rule {@code crossregion.national-clearing}: Guizhou books the 收款 side here (its 付款 side is the 3261
 * clearing of {@link CrossRegionClearing}), Henan both sides out of and into the resident reserve's cross-province
 * pot and the employee remittance, per insurance type. Every step posts through the ledger's posting rules; the
 * money to a treatment city is a transfer in transit until the city confirms it.
 */
public interface NationalClearings {

    /**
     * The province centre confirms the month's imported detail and submits it to province finance: one line per city,
     * other province, direction and insurance type; Henan's 付款 lines charge the insured city's money. Again answers
     * the lines made.
     */
    List<NationalClearingLine> submit(YearMonth month, LocalDate date, Actor actor);

    /** Province finance completes the month's money: pays the other provinces, receives and pays the treatment cities. */
    List<NationalClearingLine> pay(YearMonth month, LocalDate date, Actor actor);

    /** The treatment city's agency confirms its 收款 line's money arrived. */
    NationalClearingLine receive(String lineId, LocalDate date, Actor actor);

    NationalClearingLine line(String lineId, Actor actor);

    /** The month's lines the caller may see (a city its own). */
    List<NationalClearingLine> lines(YearMonth month, Actor actor);
}

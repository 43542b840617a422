package org.medfund.crossregion;

import java.time.LocalDate;
import java.util.List;
import org.medfund.registry.Actor;

/**
 * The county leg of a city's prepayment (guizhou-2017 附件二 一(一)1-2, 二(一)1-2): the city agency splits its
 * quota between the city itself (市本级) and its counties by the pack's rule {@code crossregion.county-split}; each
 * county's finance remits its share to city finance, posted by {@code crossregion.prepayment.county-to-city} in the
 * county's and the city's finance and agency books, in transit until city finance confirms the receipt.
 */
public interface CountyRemittances {

    /** Regions of one split at most: a city has a few dozen counties. */
    int REGIONS_MAX = 60;
    /** County shares listed per call. */
    int SHARES_MAX = 2_000;

    /**
     * Splits a quota's amount in proportion to each region's last-year fund pay (the city's own figure included;
     * its part stays in the city); answers the county shares. The same split again answers the first.
     */
    List<CountyShare> split(String quotaId, List<RegionFundPay> pastFundPay, LocalDate date, Actor actor);

    /** County finance remits its share: the county books post now, the city's when it confirms. */
    CountyShare remit(String shareId, LocalDate date, Actor actor);

    /** City finance confirms the receipt: the city finance and agency books post. */
    CountyShare receive(String shareId, LocalDate date, Actor actor);

    /** The county shares of a quarter the caller may see (a county sees its own, a city its counties'). */
    List<CountyShare> shares(int year, int quarter, Actor actor);
}

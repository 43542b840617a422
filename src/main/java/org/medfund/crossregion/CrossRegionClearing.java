package org.medfund.crossregion;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.List;
import org.medfund.common.Derivation;
import org.medfund.common.Money;
import org.medfund.registry.Actor;

/**
 * Guizhou clearing (guizhou-2017 三(三), 附件一 三, 附件二 二(二)(三)): the national platform's clearing messages —
 * 3260 提取异地清分明细 (at most 100 rows a call), 3261 异地清分结果确认 (per row {@code cnfm_flag} 1 confirm / 0
 * reject), 3262 确认回退 (one 3261 call by its {@code otransid}, or {@code 0} for the whole month) — then the monthly
 * cross-province clearing per city and counterpart province and the quarterly in-province clearing per city, each
 * posted by its business event through the annex 2 posting rules. The confirmed details are what
 * {@link CrossRegionQuotas#usage} counts as cleared (五(二)).
 */
public interface CrossRegionClearing {

    /** At most this many detail rows per 3260 page and per 3261 call (the national platform's limit). */
    int PAGE_MAX = 100;

    /** The message header: treatment region and insured region (a province, city or county code). */
    record Header(String mdtrtareaAdmvs, String insuplcAdmdvs) {
    }

    /**
     * One clearing detail row in the national spelling (3260 output); {@code cnfmFlag} is the active answer (1, 0) or
     * null when not answered. Amounts are fen here, yuan text on the wire.
     */
    record Detail(int seqno, String mdtrtarea, String medinsNo, String certno, String mdtrtId,
                  LocalDateTime mdtrtSetlTime, String setlSn, String fulamtAdvpayFlag, Money medfeeSumamt,
                  Money optinsPaySumamt, String insuredRegion, String cnfmFlag, String otransid) {
    }

    /** A 3260 answer: the page asked for (1-based), the month's row count and the rows. */
    record DetailPage(int trtYear, int trtMonth, Header header, int page, int total, List<Detail> rows) {
    }

    /** One row of a 3261 call: the detail's keys and the answer. */
    record Answer(String mdtrtId, String setlSn, String cnfmFlag) {
    }

    /** What a 3261 call recorded, or what a 3262 call rolled back. */
    record CallResult(String otransid, int confirmed, int rejected, int rolledBack) {
    }

    /** One clearing: a month's per city, counterpart province and direction, or a quarter's per city. */
    record Clearing(String id, ClearingKind kind, String cityRegionCode, String cityName, String counterpartRegion,
                    String counterpartName, ClearingDirection direction, LocalDate periodFrom, LocalDate periodTo,
                    Money amount, int detailCount, Derivation derivation, ClearingState state, LocalDate madeOn,
                    LocalDate submittedOn, LocalDate doneOn, LocalDate postedOn, List<Part> parts) {
    }

    /** A quarterly clearing's amounts of one insured region (the city itself or a county). */
    record Part(String insuredRegion, String regionName, Money crossProvince, Money inProvince) {
        public Money total() {
            return crossProvince.plus(inProvince);
        }
    }

    /** A per-line error of a file import (all or nothing). */
    record LineError(int line, String field, String message) {
    }

    /** 3260: a page of the month's details between the header's regions, in a stable order. */
    DetailPage details(int trtYear, int trtMonth, Header header, int page, Actor actor);

    /** 3261: answers rows of the month; {@code otransid} is the caller's message id (the same id answers the first). */
    CallResult confirm(int trtYear, int trtMonth, Header header, String otransid, List<Answer> rows, LocalDate date,
                       Actor actor);

    /** 3262: rolls back one 3261 call, or every answer of the month between the header's regions for {@code 0}. */
    CallResult rollback(int trtYear, int trtMonth, Header header, String otransid, LocalDate date, Actor actor);

    /** 3261 from a file: every line checked first, nothing recorded when one is wrong. */
    CallResult importAnswers(int trtYear, int trtMonth, Header header, String otransid, String csv, LocalDate date,
                             Actor actor);

    /** 3260 as a file: every detail of the month between the header's regions, with the answers given so far. */
    String exportDetails(int trtYear, int trtMonth, Header header, Actor actor);

    /**
     * Whether the province clears cross-region care from these details: monthly cross-province and quarterly
     * in-province (guizhou-2017 附件一 三(一)(二)). A province whose pack books the national clearing file both ways
     * (henan-2023 四(一)) clears in-province care in its monthly clearing instead; {@link #clearMonth} and
     * {@link #issueQuarter} refuse it.
     */
    boolean clearsFromDetails(String provinceCode, YearMonth month);

    /** 附件一 三(一): the centre confirms the month (every detail answered) and makes the clearings per city. */
    List<Clearing> clearMonth(int year, int month, LocalDate date, Actor actor);

    /** 附件一 三(一): the centre submits the month's clearing to province finance (the next month's first 5 working days). */
    List<Clearing> submitMonth(int year, int month, LocalDate date, Actor actor);

    /** 附件一 三(一), 附件二 二(二)4: province finance completes the payment; the centre writes the prepayment down. */
    List<Clearing> payMonth(int year, int month, LocalDate date, Actor actor);

    /** 附件一 三(二)1: the centre issues the quarter's in-province clearing per city (first 5 working days after it). */
    List<Clearing> issueQuarter(String provinceCode, int year, int quarter, LocalDate date, Actor actor);

    /** 附件一 三(二)2, 附件二 二(二)1-2: the city agency confirms and writes down its and its counties' prepayment. */
    Clearing confirmQuarter(String clearingId, LocalDate date, Actor actor);

    /** 附件一 三(二)3, 附件二 二(三)2: the centre writes the city's prepayment down in its books. */
    Clearing postQuarter(String clearingId, LocalDate date, Actor actor);

    Clearing clearing(String clearingId, Actor actor);

    /** The clearings whose period starts in the range, those the caller may see. */
    List<Clearing> clearings(LocalDate from, LocalDate to, Actor actor);
}

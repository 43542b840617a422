package org.medfund.crossregion;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.medfund.registry.Actor;

/**
 * The prepayment documents of guizhou-2017 附件一 一、二 and the national platform's files (二(一), 三(一)): the
 * province's 预付金明细表 and each city's 预付金收款通知书 made from the quotas; the 省内异地就医预付金用款计划 and its
 * transfer from province finance to the centre (a ledger transfer); the national prepayment sheet, the first
 * 收款通知书 and the 额度调整通知书 imported and settled by province finance (ledger postings per other province); the
 * national clearing detail imported and summed per city and month for the monthly cross-province clearing.
 */
public interface CrossRegionDocuments {

    /** Imports listed per call. */
    int IMPORTS_LISTED_MAX = 200;

    /** 贵州省异地就医费用预付金明细表 of a province's quarter: the quotas the caller may see. */
    PrepaymentSheet prepaymentSheet(String provinceCode, int year, int quarter, Actor actor);

    /** 预付金收款通知书 to one city for a quarter: its quotas, due dates and the provincial special account. */
    PrepaymentReceiptNotice remittanceNotice(String cityRegionCode, int year, int quarter, Actor actor);

    /** Generates the quarter's in-province usage plan (the province centre; the same quarter again answers it). */
    UsagePlan generateUsagePlan(String provinceCode, int year, int quarter, LocalDate date, Actor actor);

    /** Province finance transfers the plan's total to the centre's account: the paying book posts now. */
    UsagePlan transferUsagePlan(String planId, LocalDate date, Actor actor);

    /** The centre confirms the plan's money arrived: the receiving book posts. */
    UsagePlan receiveUsagePlan(String planId, LocalDate date, Actor actor);

    UsagePlan usagePlan(String planId, Actor actor);

    /** Usage plans of a quarter the caller may see. */
    List<UsagePlan> usagePlans(int year, int quarter, Actor actor);

    /**
     * Imports a national platform file of the caller's province (the province centre): CSV or xlsx, all or nothing
     * ({@link NationalFileRejection} names every bad line); the same file again answers the first import.
     */
    NationalImport.Outcome importNational(NationalFileKind kind, String fileName, byte[] content, LocalDate date,
                                          Actor actor);

    /** Province finance settles an imported notice: one posting per other province, pay or receive (附件一 二(一)2). */
    NationalImport settleNationalNotice(long importId, LocalDate date, Actor actor);

    NationalImport nationalImport(long importId, Actor actor);

    /** The caller's province's imports, newest first. */
    List<NationalImport> nationalImports(Actor actor);

    /**
     * The national clearing detail of a month summed per Guizhou city and direction, every province's imports: what
     * the monthly cross-province clearing starts from. For the clearing engine; pages ask the scoped form.
     */
    List<NationalClearingTotal> nationalClearingTotals(YearMonth month);

    /** The same, for the cities the caller may see. */
    List<NationalClearingTotal> nationalClearingTotals(YearMonth month, Actor actor);
}

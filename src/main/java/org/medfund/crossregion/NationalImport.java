package org.medfund.crossregion;

import java.time.LocalDate;
import java.util.List;
import org.medfund.common.Money;

/**
 * One national platform file as imported (guizhou-2017 附件一 二(一), 三(一)): what it is, for which year, notice or
 * month ({@code subject}), its lines and total, and — for a notice — when province finance settled it.
 *
 * @param total for the sheet and the notices Σ pay − Σ receive (what the province pays net), for the clearing
 *              detail Σ fund pay ({@code optins_pay_sumamt})
 * @param prepaymentLines the lines of a sheet or notice; empty for a clearing detail
 */
public record NationalImport(long id, NationalFileKind kind, String provinceCode, String fileName, String subject,
                             int lineCount, Money total, LocalDate importedOn, LocalDate settledOn,
                             List<PrepaymentLine> prepaymentLines) {

    public NationalImport {
        prepaymentLines = List.copyOf(prepaymentLines);
    }

    /** One other province: what this province pays it and receives from it. */
    public record PrepaymentLine(int lineNo, String otherProvinceCode, String otherProvinceName, Money pay,
                                 Money receive) {

        public Money net() {
            return pay.minus(receive);
        }
    }

    /** The outcome of an import: the file's record and whether this call stored it (false: the same file again). */
    public record Outcome(NationalImport imported, boolean added) {
    }
}
